import { isPlainObject } from '../model/normalize.js';
import { ConfigBuilder } from './adapter.js';
import type { Adapter } from './adapter.js';
import { LOADERS } from './loaders.js';
import { findTrainingConfig, readTopology, readTrainingConfig, unwrapTopology } from './keras-model.js';

/** Keys TF.js writes next to `modelTopology` in a model.json. */
const MODEL_JSON_KEYS = ['weightsManifest', 'format', 'generatedBy', 'convertedBy', 'trainingConfig'];

/**
 * TF.js `model.json` (`tf.loadLayersModel` input): a Keras topology under `modelTopology` — directly, or
 * as `{model_config, training_config}` from the Python converter — and a `trainingConfig`. A null
 * topology (weights only) or a graph model is a valid file with nothing to check.
 */
export const tfjsAdapter: Adapter = {
  name: 'tfjs',
  description: 'TF.js model.json (modelTopology + trainingConfig)',
  loader: () => LOADERS.json,
  detect(root) {
    if (!isPlainObject(root) || !Object.hasOwn(root, 'modelTopology')) return 0;
    return MODEL_JSON_KEYS.some((k) => Object.hasOwn(root, k)) ? 0.95 : 0.8;
  },
  read(root) {
    const builder = new ConfigBuilder();
    if (!isPlainObject(root)) return builder.output();
    const topology = root.modelTopology;
    const found = unwrapTopology(topology, ['modelTopology']);
    const outputs = found ? readTopology(builder, found.topology, found.path) : [];
    const training = findTrainingConfig(root, []) ?? (isPlainObject(topology) ? findTrainingConfig(topology, ['modelTopology']) : undefined);
    if (training) readTrainingConfig(builder, training.config, training.path, outputs);
    return builder.output();
  },
};
