/**
 * What TF.js itself does when the code does not say (../shared/REFERENCE.md, "Optimizer defaults" and
 * "TF.js Layers"): the extractor fills these in and marks them as the TF.js default, so a message can
 * say why a value the code never wrote is being reported.
 */

export const FRAMEWORK = 'TF.js';

/** `model.compile({optimizer: 'adam'})`: the learning rate each string name is built with. */
export const STRING_OPTIMIZER_LEARNING_RATES: Readonly<Record<string, number>> = {
  sgd: 0.01,
  adam: 0.001,
  rmsprop: 0.001,
  adagrad: 0.01,
  adadelta: 1,
  adamax: 0.002,
};

/**
 * `tf.train.<name>(…)` positional parameters, as canonical optimizer fields (`undefined` for a parameter
 * the canonical model has no field for), and the learning rate TF.js uses when the call omits it.
 */
export const TRAIN_FACTORIES: Readonly<Record<string, { readonly params: readonly (string | undefined)[]; readonly learningRate?: number }>> = {
  sgd: { params: ['learningRate'] },
  momentum: { params: ['learningRate', 'momentum', 'nesterov'] },
  adagrad: { params: ['learningRate', undefined] },
  adadelta: { params: ['learningRate', 'rho', 'epsilon'], learningRate: 0.001 },
  rmsprop: { params: ['learningRate', 'rho', 'momentum', 'epsilon', undefined] },
  adam: { params: ['learningRate', 'beta1', 'beta2', 'epsilon'], learningRate: 0.001 },
  adamax: { params: ['learningRate', 'beta1', 'beta2', 'epsilon', undefined], learningRate: 0.002 },
};

/** `model.fit` without `batchSize` / `epochs` / `validationSplit` (and no `validationData`). */
export const FIT_DEFAULTS = { batchSize: 32, epochs: 1, validationSplit: 0 } as const;

/** `tf.callbacks.earlyStopping()` without `monitor` / `patience`. */
export const EARLY_STOPPING_DEFAULTS = { monitor: 'val_loss', patience: 0 } as const;
