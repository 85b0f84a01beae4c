import { TF, pluginRule, ruleTester } from '../tester.js';

const model = "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });\n";

ruleTester.run('learning-rate-range', pluginRule('learning-rate-range'), {
  valid: [
    TF + model + "model.compile({ optimizer: tf.train.adam(0.003), loss: 'meanSquaredError' });",
    // 'adam' is built with TF.js's 0.001, inside the range.
    TF + model + "model.compile({ optimizer: 'adam', loss: 'meanSquaredError' });",
    // 'adadelta' is built with TF.js's 1.0: Adadelta as published, not a rate someone chose.
    TF + model + "model.compile({ optimizer: 'adadelta', loss: 'meanSquaredError' });",
    // A rate computed at run time is unknown: silent.
    TF + model + "model.compile({ optimizer: tf.train.adam(readRate()), loss: 'meanSquaredError' });",
    // Not TF.js: a look-alike API from another module is not read.
    "import * as tf from './my-tf';\n" + model + "model.compile({ optimizer: tf.train.adam(0.5), loss: 'meanSquaredError' });",
  ],
  invalid: [
    {
      code: TF + 'const LR = 0.5;\n' + model + "model.compile({ optimizer: tf.train.adam(LR), loss: 'meanSquaredError' });",
      errors: [
        {
          messageId: 'finding',
          data: { message: 'Adam learning rate 0.5 is above the range for training from scratch [0.001, 0.01] (GUIDE §7).' },
          line: 4,
          column: 42,
          endLine: 4,
          endColumn: 44,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: 'Set optimizer.learningRate to 0.01, the nearest value in range.' },
              output: TF + 'const LR = 0.5;\n' + model + "model.compile({ optimizer: tf.train.adam(0.01), loss: 'meanSquaredError' });",
            },
          ],
        },
      ],
    },
    {
      // Named imports, an `m.add` chain and simple arithmetic on consts.
      code: [
        "import { sequential, layers, train } from '@tensorflow/tfjs-node';",
        'const BASE = 0.001;',
        'const m = sequential();',
        'm.add(layers.dense({ units: 1, inputShape: [4] }));',
        "m.compile({ optimizer: train.sgd(BASE * 2), loss: 'meanSquaredError' });",
      ].join('\n'),
      errors: [
        {
          messageId: 'finding',
          data: { message: 'SGD learning rate 0.002 is below the range for training from scratch [0.01, 0.1] (GUIDE §7).' },
          line: 5,
          column: 34,
          endColumn: 42,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: 'Set optimizer.learningRate to 0.01, the nearest value in range.' },
              output: [
                "import { sequential, layers, train } from '@tensorflow/tfjs-node';",
                'const BASE = 0.001;',
                'const m = sequential();',
                'm.add(layers.dense({ units: 1, inputShape: [4] }));',
                "m.compile({ optimizer: train.sgd(0.01), loss: 'meanSquaredError' });",
              ].join('\n'),
            },
          ],
        },
      ],
    },
    {
      // CommonJS, and an optimizer held in a const.
      code: [
        "const tf = require('@tensorflow/tfjs-node-gpu');",
        'const optimizer = tf.train.rmsprop(1e-5);',
        "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });",
        "model.compile({ optimizer, loss: 'meanSquaredError' });",
      ].join('\n'),
      errors: [
        {
          messageId: 'finding',
          data: { message: 'RMSprop learning rate 1e-5 is below the range for training from scratch [0.001, 0.01] (GUIDE §7).' },
          line: 2,
          column: 36,
          endColumn: 40,
          suggestions: [
            {
              messageId: 'suggestion',
              data: { description: 'Set optimizer.learningRate to 0.001, the nearest value in range.' },
              output: [
                "const tf = require('@tensorflow/tfjs-node-gpu');",
                'const optimizer = tf.train.rmsprop(0.001);',
                "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });",
                "model.compile({ optimizer, loss: 'meanSquaredError' });",
              ].join('\n'),
            },
          ],
        },
      ],
    },
  ],
});
