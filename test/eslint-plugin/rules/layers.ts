import { TF, invalid, pluginRule, ruleTester } from '../tester.js';

const lines = (...code: string[]) => TF + code.join('\n');

ruleTester.run('dropout-before-batchnorm', pluginRule('dropout-before-batchnorm'), {
  valid: [
    lines('const model = tf.sequential();', "model.add(tf.layers.dense({ units: 8, inputShape: [4] }));", 'model.add(tf.layers.batchNormalization());', 'model.add(tf.layers.dropout({ rate: 0.3 }));'),
    // A dense layer between them re-centres the activations.
    lines('const model = tf.sequential();', "model.add(tf.layers.dropout({ rate: 0.3, inputShape: [4] }));", 'model.add(tf.layers.dense({ units: 8 }));', 'model.add(tf.layers.batchNormalization());'),
    // Layers added in a loop: their order is not static, so the list is unknown.
    lines('const model = tf.sequential();', 'for (const rate of rates) {', '  model.add(tf.layers.dropout({ rate }));', '  model.add(tf.layers.batchNormalization());', '}'),
  ],
  invalid: [
    invalid(
      lines(
        'const model = tf.sequential({',
        '  layers: [',
        "    tf.layers.dense({ units: 64, inputShape: [20], activation: 'relu' }),",
        '    tf.layers.dropout({ rate: 0.3 }),',
        '    tf.layers.batchNormalization(),',
        '  ],',
        '});',
      ),
      [
        {
          message:
            'Dropout (layer 1) feeds batch normalization (layer 2): dropout shifts the variance that batch-norm statistics see, so inference behaves differently from training (GUIDE §6 Tier 3; Li et al. 2019). Put the dropout after the batch normalization.',
          at: [5, 5, 37],
          suggestion: [
            'Move the dropout (layer 1) to after the batch normalization (layer 2).',
            lines(
              'const model = tf.sequential({',
              '  layers: [',
              "    tf.layers.dense({ units: 64, inputShape: [20], activation: 'relu' }),",
              '    tf.layers.batchNormalization(),',
              '    tf.layers.dropout({ rate: 0.3 }),',
              '  ],',
              '});',
            ),
          ],
        },
      ],
    ),
    invalid(
      lines('const model = tf.sequential();', "model.add(tf.layers.dense({ units: 8, inputShape: [4] }));", 'model.add(tf.layers.dropout({ rate: 0.2 }));', "model.add(tf.layers.activation({ activation: 'relu' }));", 'model.add(tf.layers.batchNormalization());'),
      [
        {
          message:
            'Dropout (layer 1) feeds batch normalization (layer 3): dropout shifts the variance that batch-norm statistics see, so inference behaves differently from training (GUIDE §6 Tier 3; Li et al. 2019). Put the dropout after the batch normalization.',
          at: [4, 11, 43],
          suggestion: [
            'Move the dropout (layer 1) to after the batch normalization (layer 3).',
            lines('const model = tf.sequential();', "model.add(tf.layers.dense({ units: 8, inputShape: [4] }));", "model.add(tf.layers.activation({ activation: 'relu' }));", 'model.add(tf.layers.batchNormalization());', 'model.add(tf.layers.dropout({ rate: 0.2 }));'),
          ],
        },
      ],
    ),
  ],
});

ruleTester.run('dropout-range', pluginRule('dropout-range'), {
  valid: [lines('const model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 })] });')],
  invalid: [
    // A functional model read through its `apply` chain.
    invalid(
      lines(
        'const input = tf.input({ shape: [8] });',
        "const hidden = tf.layers.dense({ units: 16, activation: 'relu' }).apply(input) as tf.SymbolicTensor;",
        'const drop = tf.layers.dropout({ rate: 0.9 }).apply(hidden);',
        "const out = tf.layers.dense({ units: 3, activation: 'softmax' }).apply(drop) as tf.SymbolicTensor;",
        'const model = tf.model({ inputs: input, outputs: out });',
      ),
      [
        {
          message: 'Dropout rate 0.9 of layer 1 (dropout) is above 0.5 (GUIDE §7: [0, 0.5]): it drops most of the signal, so training is slow and the model underfits.',
          at: [4, 40, 43],
          suggestion: [
            'Set model.layers.1.rate to 0.5, the largest rate in range.',
            lines(
              'const input = tf.input({ shape: [8] });',
              "const hidden = tf.layers.dense({ units: 16, activation: 'relu' }).apply(input) as tf.SymbolicTensor;",
              'const drop = tf.layers.dropout({ rate: 0.5 }).apply(hidden);',
              "const out = tf.layers.dense({ units: 3, activation: 'softmax' }).apply(drop) as tf.SymbolicTensor;",
              'const model = tf.model({ inputs: input, outputs: out });',
            ),
          ],
        },
      ],
    ),
    // Shorthand properties become `key: value`.
    invalid(lines('const rate = 0.8;', 'const model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate })] });'), [
      {
        message: 'Dropout rate 0.8 of layer 1 (dropout) is above 0.5 (GUIDE §7: [0, 0.5]): it drops most of the signal, so training is slow and the model underfits.',
        at: [3, 108, 112],
        suggestion: [
          'Set model.layers.1.rate to 0.5, the largest rate in range.',
          lines('const rate = 0.8;', 'const model = tf.sequential({ layers: [tf.layers.dense({ units: 8, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 })] });'),
        ],
      },
    ]),
  ],
});

ruleTester.run('recurrent-dropout', pluginRule('recurrent-dropout'), {
  valid: [lines("const model = tf.sequential({ layers: [tf.layers.lstm({ units: 32, dropout: 0.2, inputShape: [10, 4] })] });")],
  invalid: [
    invalid(lines("import { sequential, layers } from '@tensorflow/tfjs-node';", 'const model = sequential();', 'model.add(layers.lstm({ units: 32, recurrentDropout: 0.2, dropout: 0.3, inputShape: [10, 4] }));'), [
      {
        message: 'Recurrent dropout 0.2 on layer 0 (lstm): GUIDE §6 Tier 3 keeps dropout out of the recurrent loop, which feeds the noise back at every time step, and puts it on the inputs or outputs. Keras and TF.js draw one recurrent mask per sequence, a milder form, but it also turns off the fused cuDNN kernels (slower training).',
        at: [4, 54, 57],
        suggestion: [
          'Set model.layers.0.recurrentDropout to 0; the input dropout 0.3 already regularizes the layer.',
          lines("import { sequential, layers } from '@tensorflow/tfjs-node';", 'const model = sequential();', 'model.add(layers.lstm({ units: 32, recurrentDropout: 0, dropout: 0.3, inputShape: [10, 4] }));'),
        ],
      },
    ]),
    // Inside a bidirectional wrapper.
    invalid(lines('const model = tf.sequential();', 'model.add(tf.layers.bidirectional({ layer: tf.layers.gru({ units: 8, recurrentDropout: 0.3 }), inputShape: [10, 4] }));'), [
      {
        message: 'Recurrent dropout 0.3 on the gru inside layer 0: GUIDE §6 Tier 3 keeps dropout out of the recurrent loop, which feeds the noise back at every time step, and puts it on the inputs or outputs. Keras and TF.js draw one recurrent mask per sequence, a milder form, but it also turns off the fused cuDNN kernels (slower training).',
        at: [3, 88, 91],
      },
    ]),
  ],
});

ruleTester.run('kernel-size', pluginRule('kernel-size'), {
  valid: [
    lines('const model = tf.sequential();', 'model.add(tf.layers.conv2d({ inputShape: [28, 28, 1], kernelSize: 3, filters: 8 }));', 'model.add(tf.layers.conv2d({ kernelSize: [1, 7], filters: 8 }));'),
    // Kernels their stride divides: DCGAN's 4×4 stride 2 (also transposed) and a 2×2 stride-2 downsampling.
    lines('const model = tf.sequential();', 'model.add(tf.layers.conv2d({ inputShape: [64, 64, 3], kernelSize: 4, strides: 2, filters: 8 }));', 'model.add(tf.layers.conv2dTranspose({ kernelSize: [4, 4], strides: [2, 2], filters: 8 }));', 'model.add(tf.layers.conv2d({ kernelSize: 2, strides: 2, filters: 8 }));'),
    // A stride the code computes: whether the kernel is a resampling design is unknown.
    lines('const stride = pickStride();', 'const model = tf.sequential();', 'model.add(tf.layers.conv2d({ inputShape: [64, 64, 3], kernelSize: 4, strides: stride, filters: 8 }));'),
  ],
  invalid: [
    invalid(lines('const model = tf.sequential();', 'model.add(tf.layers.conv1d({ inputShape: [100, 8], kernelSize: 9, filters: 16 }));', 'model.add(tf.layers.conv2d({ kernelSize: [2, 2], filters: 16 }));'), [
      {
        message: 'Kernel size 9 of layer 0 (conv1d) is not one GUIDE §7 recommends (1×1, 3×3, 5×5, 7×7, or 1×n / n×1 with n ≤ 7).',
        at: [3, 64, 65],
        suggestion: [
          'Set model.layers.0.kernelSize to 7, the nearest recommended kernel.',
          lines('const model = tf.sequential();', 'model.add(tf.layers.conv1d({ inputShape: [100, 8], kernelSize: 7, filters: 16 }));', 'model.add(tf.layers.conv2d({ kernelSize: [2, 2], filters: 16 }));'),
        ],
      },
      {
        message: 'Kernel size 2×2 of layer 1 (conv2d) is not one GUIDE §7 recommends (1×1, 3×3, 5×5, 7×7, or 1×n / n×1 with n ≤ 7).',
        at: [4, 42, 48],
        suggestion: [
          'Set model.layers.1.kernelSize to [3,3], the nearest recommended kernel.',
          lines('const model = tf.sequential();', 'model.add(tf.layers.conv1d({ inputShape: [100, 8], kernelSize: 9, filters: 16 }));', 'model.add(tf.layers.conv2d({ kernelSize: [3, 3], filters: 16 }));'),
        ],
      },
    ]),
  ],
});
