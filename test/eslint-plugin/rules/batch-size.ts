import { TF, invalid, pluginRule, ruleTester } from '../tester.js';

const dense = "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });\nmodel.compile({ optimizer: tf.train.sgd(0.05), loss: 'meanSquaredError' });\n";
const withBatchNorm = [
  'const model = tf.sequential();',
  "model.add(tf.layers.dense({ units: 64, inputShape: [20], activation: 'relu' }));",
  'model.add(tf.layers.batchNormalization());',
  'model.add(tf.layers.dense({ units: 1 }));',
  "model.compile({ optimizer: tf.train.adam(0.001), loss: 'meanSquaredError' });",
  '',
].join('\n');

ruleTester.run('batch-size-extremes', pluginRule('batch-size-extremes'), {
  valid: [
    TF + dense + 'await model.fit(xs, ys, { epochs: 5, batchSize: 64 });',
    // fit without batchSize trains with TF.js's 32.
    TF + dense + 'await model.fit(xs, ys, { epochs: 5 });',
    TF + dense + 'await model.fit(xs, ys, { epochs: 5, batchSize: options.batch });',
  ],
  invalid: [
    invalid(TF + dense + 'await model.fit(xs, ys, { epochs: 5, batchSize: 8192 });', [
      {
        message: 'Effective batch size 8192 is above 6000: scale the learning rate with the batch and warm up (GUIDE §3; Goyal et al. 2017).',
        at: [4, 49, 53],
        suggestion: [
          'Set training.batchSize to 1024 and scale the learning rate with it, 0.05 → 0.01.',
          TF + dense.replace('sgd(0.05)', 'sgd(0.01)') + 'await model.fit(xs, ys, { epochs: 5, batchSize: 1024 });',
        ],
      },
    ]),
    // fitDataset: the batch size is the dataset's `.batch(n)`, through a const.
    invalid(TF + 'const BATCH = 4096 * 2;\n' + dense + 'const ds = tf.data.array(rows).shuffle(100).batch(BATCH);\nawait model.fitDataset(ds, { epochs: 5 });', [
      {
        message: 'Effective batch size 8192 is above 6000: scale the learning rate with the batch and warm up (GUIDE §3; Goyal et al. 2017).',
        at: [5, 51, 56],
        suggestion: [
          'Set training.batchSize to 1024 and scale the learning rate with it, 0.05 → 0.01.',
          TF + 'const BATCH = 4096 * 2;\n' + dense.replace('sgd(0.05)', 'sgd(0.01)') + 'const ds = tf.data.array(rows).shuffle(100).batch(1024);\nawait model.fitDataset(ds, { epochs: 5 });',
        ],
      },
    ]),
  ],
});

ruleTester.run('batchnorm-small-batch', pluginRule('batchnorm-small-batch'), {
  valid: [
    TF + withBatchNorm + 'await model.fit(xs, ys, { batchSize: 16, epochs: 10 });',
    TF + dense + 'await model.fit(xs, ys, { batchSize: 1, epochs: 10 });',
  ],
  invalid: [
    invalid(TF + withBatchNorm + 'await model.fit(xs, ys, { batchSize: 1, epochs: 10 });', [
      {
        message:
          'Per-device batch size 1 with batch normalization (layer 1): the batch statistics of one sample are degenerate and training can collapse (GUIDE §3). Use a batch of 8 or more, or group/layer normalization.',
        at: [7, 38, 39],
        suggestion: ['Set training.batchSize to 8.', TF + withBatchNorm + 'await model.fit(xs, ys, { batchSize: 8, epochs: 10 });'],
      },
    ]),
    invalid(TF + withBatchNorm + 'await model.fit(xs, ys, { batchSize: 4, epochs: 10 });', [
      {
        message:
          'Per-device batch size 4 with batch normalization (layer 1): statistics from fewer than 8 samples are noisy and batch-norm error rises quickly (GUIDE §3; Wu & He 2018). Use a batch of 8 or more, or group normalization.',
        at: [7, 38, 39],
        suggestion: ['Set training.batchSize to 8.', TF + withBatchNorm + 'await model.fit(xs, ys, { batchSize: 8, epochs: 10 });'],
      },
    ]),
  ],
});
