/**
 * Framework defaults that adapters fill in with `ConfigBuilder.setDefault`, only where the framework
 * itself applies them when it reads the file (REFERENCE.md). One data module, so every number has one home.
 */

/**
 * What TF.js (4.22) fills in when `tf.loadLayersModel` deserialises a model.json `trainingConfig`
 * optimizer, keyed by the optimizer class names TF.js registers. Only constructor defaults apply there:
 * a missing learning rate stays undefined (measured), so no learning rate is ever defaulted; ε falls back
 * to the backend epsilon.
 */
export const TFJS_OPTIMIZER_DEFAULTS: Readonly<Record<string, Readonly<Record<string, number | boolean>>>> = {
  Adam: { epsilon: 1e-7 },
  Adamax: { epsilon: 1e-7 },
  Adadelta: { epsilon: 1e-7 },
  RMSProp: { rho: 0.9, momentum: 0, epsilon: 1e-7 },
  Momentum: { nesterov: false },
};

export const TFJS = 'TF.js';
