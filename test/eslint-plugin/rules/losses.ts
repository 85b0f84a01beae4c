import { TF, invalid, pluginRule, ruleTester } from '../tester.js';

const lines = (...code: string[]) => TF + code.join('\n');
const multiOutput = (weights: string) =>
  lines(
    'const input = tf.input({ shape: [16] });',
    "const shared = tf.layers.dense({ units: 32, activation: 'relu' }).apply(input);",
    "const digit = tf.layers.dense({ units: 10, activation: 'softmax', name: 'digit' }).apply(shared);",
    "const age = tf.layers.dense({ units: 1, name: 'age' }).apply(shared);",
    'const model = tf.model({ inputs: input, outputs: [digit, age] as tf.SymbolicTensor[] });',
    `model.compile({ optimizer: 'adam', loss: { digit: 'categoricalCrossentropy', age: 'meanSquaredError' }, lossWeights: ${weights} });`,
  );

ruleTester.run('loss-magnitude-gap', pluginRule('loss-magnitude-gap'), {
  valid: [multiOutput('{ digit: 1, age: 5 }'), multiOutput('undefined')],
  invalid: [
    invalid(multiOutput('{ digit: 1, age: 500 }'), [
      {
        message:
          'Loss weights of "categoricalCrossentropy" (1) and "meanSquaredError" (500) differ more than 100×; without the terms\' typical values (expectedValue) hplint cannot tell whether their contributions are balanced (GUIDE §6 Tier 1).',
        at: [7, 127, 128],
      },
    ]),
    // Losses as a list, weighted by position.
    invalid(
      lines(
        "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });",
        "model.compile({ optimizer: 'sgd', loss: ['meanSquaredError', tf.losses.absoluteDifference], lossWeights: [1, 0.001] });",
      ),
      [
        {
          message:
            'Loss weights of "absoluteDifference" (0.001) and "meanSquaredError" (1) differ more than 100×; without the terms\' typical values (expectedValue) hplint cannot tell whether their contributions are balanced (GUIDE §6 Tier 1).',
          at: [3, 110, 115],
        },
      ],
    ),
  ],
});
