import { TF, invalid, pluginRule, ruleTester } from '../tester.js';

const model = "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4] })] });\nmodel.compile({ optimizer: 'adam', loss: 'meanSquaredError' });\n";
const fit = (options: string) => TF + model + `await model.fit(xs, ys, ${options});`;

ruleTester.run('missing-validation', pluginRule('missing-validation'), {
  valid: [
    fit('{ epochs: 50, validationSplit: 0.1, callbacks: [tf.callbacks.earlyStopping()] }'),
    // validationData of unknown size still validates.
    fit('{ epochs: 50, validationData: [xv, yv], callbacks: [tf.callbacks.earlyStopping()] }'),
    // A training-loss monitor needs no validation data.
    fit("{ epochs: 50, callbacks: [tf.callbacks.earlyStopping({ monitor: 'loss', patience: 10 })] }"),
  ],
  invalid: [
    invalid(fit('{ epochs: 50, callbacks: [tf.callbacks.earlyStopping({ patience: 10 })] }'), [
      {
        message:
          'Early stopping monitors val_loss, but the run holds out no validation data (data.validationSplit: 0 (the TF.js default)): the metric is never computed, so training never stops early (GUIDE §2.4.1, §5.2).',
        at: [4, 51, 95],
        suggestion: [
          'Hold out validation data: set data.validationSplit to 0.1 (or give the run a validation set).',
          fit('{ validationSplit: 0.1, epochs: 50, callbacks: [tf.callbacks.earlyStopping({ patience: 10 })] }'),
        ],
      },
    ]),
    // fitDataset has no validationSplit: the report stands, without a suggestion.
    invalid(TF + model + "await model.fitDataset(ds, { epochs: 80, callbacks: tf.callbacks.earlyStopping({ monitor: 'val_acc', patience: 10 }) });", [
      {
        message:
          'Early stopping monitors val_acc, but the run holds out no validation data (data.validationSplit: 0 (the TF.js default)): the metric is never computed, so training never stops early (GUIDE §2.4.1, §5.2).',
        at: [4, 91, 100],
      },
    ]),
  ],
});

ruleTester.run('early-stopping-patience', pluginRule('early-stopping-patience'), {
  valid: [fit("{ epochs: 100, validationSplit: 0.1, callbacks: [tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 10 })] }")],
  invalid: [
    invalid(fit("{ epochs: 20, validationData: [xv, yv], callbacks: [tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 30 })] }"), [
      {
        message: 'Early-stopping patience 30 is not below the 20 training epochs: early stopping can never trigger (GUIDE §2.4.1).',
        at: [4, 137, 139],
        suggestion: [
          'Set training.earlyStopping.patience to 10 (GUIDE §2.4.1: n = 10, 20, 30 …).',
          fit("{ epochs: 20, validationData: [xv, yv], callbacks: [tf.callbacks.earlyStopping({ monitor: 'val_loss', patience: 10 })] }"),
        ],
      },
    ]),
    // TF.js's own patience is 0: reported on the callback that left it out.
    invalid(fit('{ epochs: 50, validationSplit: 0.1, callbacks: [tf.callbacks.earlyStopping()] }'), [
      {
        message:
          'Early-stopping patience 0 (the TF.js default) is below 10 epochs: validation scores are noisy, and GUIDE §2.4.1 waits n = 10, 20, 30 … epochs without a new best before stopping.',
        at: [4, 73, 101],
      },
    ]),
  ],
});

ruleTester.run('early-stopping-missing', pluginRule('early-stopping-missing'), {
  valid: [
    fit('{ epochs: 80, batchSize: 32, validationSplit: 0.1, callbacks: [tf.callbacks.earlyStopping({ patience: 10 })] }'),
    fit('{ epochs: 20, validationSplit: 0.1 }'),
    // Validation data of unknown size: the rule cannot tell, so it stays silent.
    fit('{ epochs: 80, validationData: [xv, yv] }'),
  ],
  invalid: [
    invalid(fit('{ epochs: 80, batchSize: 32, validationSplit: 0.1 }'), [
      {
        message:
          'Training runs 80 epochs with validation data but no early stopping or reduce-on-plateau schedule: GUIDE §2.4.1 stops once n epochs (n = 10, 20, 30 …) bring no new best validation score, instead of training on while the model overfits.',
        at: [4, 35, 37],
      },
    ]),
  ],
});

ruleTester.run('loss-output-mismatch', pluginRule('loss-output-mismatch'), {
  valid: [
    TF + "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [4], activation: 'sigmoid' })] });\nmodel.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });",
    // Two unnamed heads: which loss belongs to which head is not known from the names, so nothing is paired.
    TF +
      [
        'const input = tf.input({ shape: [8] });',
        "const a = tf.layers.dense({ units: 3, activation: 'softmax' }).apply(input);",
        "const b = tf.layers.dense({ units: 1, activation: 'softmax' }).apply(input);",
        'const model = tf.model({ inputs: input, outputs: [a, b] });',
        "model.compile({ optimizer: 'adam', loss: ['categoricalCrossentropy', 'binaryCrossentropy'] });",
      ].join('\n'),
  ],
  invalid: [
    invalid(TF + "const model = tf.sequential({ layers: [tf.layers.dense({ units: 10, inputShape: [4], activation: 'softmax' })] });\nmodel.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });", [
      {
        message:
          'Softmax output with binary cross-entropy ("binaryCrossentropy"): softmax makes the outputs compete (they sum to 1) while binary cross-entropy scores each as an independent probability.',
        at: [2, 98, 107],
        suggestion: [
          'Use a sigmoid output activation.',
          TF + "const model = tf.sequential({ layers: [tf.layers.dense({ units: 10, inputShape: [4], activation: 'sigmoid' })] });\nmodel.compile({ optimizer: 'adam', loss: 'binaryCrossentropy' });",
        ],
      },
    ]),
    invalid(
      TF +
        [
          'const model = tf.sequential();',
          "model.add(tf.layers.dense({ units: 16, inputShape: [4], activation: 'relu' }));",
          "model.add(tf.layers.dense({ units: 3, activation: 'sigmoid' }));",
          "model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });",
        ].join('\n'),
      [
        {
          message:
            'Sigmoid output over 3 units with categorical cross-entropy ("categoricalCrossentropy"): the outputs are not a distribution over the classes, which the loss expects.',
          at: [4, 51, 60],
          suggestion: [
            'Use a softmax output activation.',
            TF +
              [
                'const model = tf.sequential();',
                "model.add(tf.layers.dense({ units: 16, inputShape: [4], activation: 'relu' }));",
                "model.add(tf.layers.dense({ units: 3, activation: 'softmax' }));",
                "model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });",
              ].join('\n'),
          ],
        },
      ],
    ),
  ],
});

ruleTester.run('early-stopping-missing (spread options)', pluginRule('early-stopping-missing'), {
  valid: [
    // A callback configured by a spread is still early stopping; options spread into fit may set anything.
    fit('{ epochs: 80, validationSplit: 0.1, callbacks: [tf.callbacks.earlyStopping({ ...stopping })] }'),
    fit('{ ...shared, epochs: 80, validationSplit: 0.1 }'),
  ],
  invalid: [],
});

ruleTester.run('missing-validation (spread options)', pluginRule('missing-validation'), {
  valid: [fit('{ ...shared, epochs: 50, callbacks: [tf.callbacks.earlyStopping({ patience: 10 })] }')],
  invalid: [],
});
