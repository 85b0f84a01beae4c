import { isPlainObject } from '../model/normalize.js';
import { ConfigBuilder } from './adapter.js';
import type { Adapter } from './adapter.js';
import { LOADERS } from './loaders.js';
import { findTrainingConfig, readTopology, readTrainingConfig, unwrapTopology } from './keras-model.js';

/** Keras `model.to_json()` (Keras 2 and 3, Sequential and functional), or its `{model_config, training_config}` wrapper. */
export const kerasAdapter: Adapter = {
  name: 'keras',
  description: 'Keras model.to_json() topology',
  loader: () => LOADERS.json,
  detect(root) {
    if (!isPlainObject(root) || Object.hasOwn(root, 'modelTopology')) return 0;
    return unwrapTopology(root, []) ? 0.95 : 0;
  },
  read(root) {
    const builder = new ConfigBuilder();
    const found = isPlainObject(root) ? unwrapTopology(root, []) : undefined;
    if (!isPlainObject(root) || !found) return builder.output();
    const outputs = readTopology(builder, found.topology, found.path);
    const training = findTrainingConfig(root, []);
    if (training) readTrainingConfig(builder, training.config, training.path, outputs);
    return builder.output();
  },
};
