import { TF, invalid, pluginRule, ruleTester } from '../tester.js';

const model = "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });\n";
const compile = (optimizer: string) => TF + model + `model.compile({ optimizer: ${optimizer}, loss: 'meanSquaredError' });`;

ruleTester.run('momentum-range', pluginRule('momentum-range'), {
  valid: [compile('tf.train.momentum(0.01, 0.9)'), compile('tf.train.momentum(0.01, 0.9, true)'), compile("'sgd'")],
  invalid: [
    invalid(compile('tf.train.momentum(0.01, 0.5)'), [
      {
        message: 'Momentum 0.5 is below [0.8, 0.99]; 0.9 is a common and good choice (GUIDE §6 Tier 2); the change multiplies the effective step lr / (1 − β) by 5, so re-tune the learning rate with it (at an equal effective step, β itself made no measurable difference on the bench).',
        at: [3, 52, 55],
        suggestion: ['Set optimizer.momentum to 0.9.', compile('tf.train.momentum(0.01, 0.9)')],
      },
    ]),
    invalid(compile('tf.train.rmsprop(0.001, 0.9, 0.999)'), [
      {
        message: 'Momentum 0.999 is above [0.8, 0.99]; 0.9 is a common and good choice (GUIDE §6 Tier 2); the change divides the effective step lr / (1 − β) by 100, so re-tune the learning rate with it.',
        at: [3, 57, 62],
        suggestion: ['Set optimizer.momentum to 0.9.', compile('tf.train.rmsprop(0.001, 0.9, 0.9)')],
      },
    ]),
  ],
});

ruleTester.run('adam-parameters', pluginRule('adam-parameters'), {
  valid: [compile('tf.train.adam(0.001)'), compile('tf.train.adam(0.001, 0.9, 0.999, 1e-8)'), compile("'adam'")],
  invalid: [
    invalid(compile('tf.train.adam(0.001, 0.5, 0.999, 1e-3)'), [
      {
        message: 'Adam β1 0.5 is outside [0.8, 0.95]; use 0.9 / 0.999 / 1e-8 unless the search budget is large (GUIDE §6 Tier 3, Tuning Playbook).',
        at: [3, 49, 52],
        suggestion: ['Set optimizer.beta1 to 0.9.', compile('tf.train.adam(0.001, 0.9, 0.999, 1e-3)')],
      },
      {
        message: 'Adam ε 0.001 is outside [1e-10, 1e-6]; use 0.9 / 0.999 / 1e-8 unless the search budget is large (GUIDE §6 Tier 3, Tuning Playbook).',
        at: [3, 61, 65],
        suggestion: ['Set optimizer.epsilon to 1e-8.', compile('tf.train.adam(0.001, 0.5, 0.999, 1e-8)')],
      },
    ]),
    invalid(compile('tf.train.adamax(0.002, 0.9, 0.9)'), [
      {
        message: 'Adam β2 0.9 is outside [0.99, 0.9999]; use 0.9 / 0.999 / 1e-8 unless the search budget is large (GUIDE §6 Tier 3, Tuning Playbook).',
        at: [3, 56, 59],
        suggestion: ['Set optimizer.beta2 to 0.999.', compile('tf.train.adamax(0.002, 0.9, 0.999)')],
      },
    ]),
  ],
});

ruleTester.run('weight-decay-range', pluginRule('weight-decay-range'), {
  valid: [TF + "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4], kernelRegularizer: tf.regularizers.l2({ l2: 1e-4 }) })] });"],
  invalid: [
    invalid(TF + "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4], kernelRegularizer: tf.regularizers.l2({ l2: 0.01 }) })] });", [
      {
        message:
          'Layer 0 kernel L2 0.01 is above 0.001, an order of magnitude past the GUIDE §7 range [0, 1e-4]: coupled decay that strong shrinks the weights faster than the data trains them. Use 1e-4, within that range, and do not search it much (GUIDE §6 Tier 3).',
        at: [2, 129, 133],
        suggestion: [
          'Set model.layers.0.kernelRegularizer.l2 to 1e-4, within the GUIDE §7 range.',
          TF + "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4], kernelRegularizer: tf.regularizers.l2({ l2: 0.0001 }) })] });",
        ],
      },
    ]),
    invalid(TF + "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4], kernelRegularizer: tf.regularizers.l1l2({ l1: 0, l2: 0.0008 }) })] });", [
      {
        message: "Layer 0 kernel L2 8e-4 is above 5e-4, the value GUIDE §6 Tier 3 suggests (§7's table: [0, 1e-4]); keep it if it is a recipe's value, but do not spend trials on it.",
        at: [2, 138, 144],
        suggestion: [
          'Set model.layers.0.kernelRegularizer.l2 to 5e-4, the value GUIDE §6 Tier 3 suggests.',
          TF + "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4], kernelRegularizer: tf.regularizers.l1l2({ l1: 0, l2: 0.0005 }) })] });",
        ],
      },
    ]),
  ],
});
