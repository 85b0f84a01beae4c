import { TF, invalid, pluginRule, ruleTester } from '../tester.js';

ruleTester.run('invalid-value', pluginRule('invalid-value'), {
  valid: [
    TF + "const model = tf.sequential({ layers: [tf.layers.dense({ units: 10, inputShape: [4] }), tf.layers.dropout({ rate: 0.5 })] });\nmodel.compile({ optimizer: tf.train.momentum(0.01, 0.9), loss: 'meanSquaredError' });\nawait model.fit(xs, ys, { epochs: 5, batchSize: 32, validationSplit: 0.2 });",
    // A value the extractor cannot resolve is not judged.
    TF + 'const model = tf.sequential({ layers: [tf.layers.dense({ units: config.units, inputShape: [4] })] });',
    // An optimizer name that is also an Object.prototype member has no TF.js default rate.
    TF + "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });\nmodel.compile({ optimizer: 'constructor', loss: 'meanSquaredError' });",
  ],
  invalid: [
    invalid(
      TF +
        "const model = tf.sequential({ layers: [tf.layers.dense({ units: 0, inputShape: [4] }), tf.layers.dropout({ rate: 1.2 })] });\nmodel.compile({ optimizer: tf.train.momentum(-0.1, 0.9), loss: 'meanSquaredError' });\nawait model.fit(xs, ys, { epochs: 5, batchSize: 16.5, validationSplit: 1 });",
      [
        { message: 'model.layers.0.units must be 1 or more; it is 0.', at: [2, 65, 66] },
        { message: 'model.layers.1.rate must be in [0, 1); it is 1.2.', at: [2, 114, 117] },
        { message: 'optimizer.learningRate must be greater than 0; it is -0.1.', at: [3, 46, 50] },
        { message: 'training.batchSize must be a whole number, not 16.5.', at: [4, 49, 53] },
        { message: 'data.validationSplit must be in [0, 1); it is 1.', at: [4, 72, 73] },
      ],
    ),
    invalid(TF + "const model = tf.sequential({ layers: [tf.layers.dense({ units: 'ten', inputShape: [4] })] });", [
      { message: 'model.layers.0.units must be a number, not "ten".', at: [2, 65, 70] },
    ]),
  ],
});
