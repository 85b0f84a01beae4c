import { createRule, optionsSchema } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import { BATCH } from '../knowledge/guide.js';
import { isPositiveInteger, layerKind, layersOf } from './util.js';

export interface Options {
  /** Per-device batches below this (and above 1) give noisy batch statistics (warning). */
  readonly minBatch: number;
}

const BATCH_PATH = pointer('training', 'batchSize');

export default createRule<Options>({
  id: 'batchnorm-small-batch',
  meta: {
    description: 'Batch normalization sees too few samples per device: a batch of 1 (error), 2–7, or a last batch of one sample (warning).',
    severity: 'error',
    tier: 2,
    category: 'batch-size',
    guide: '§3, §6',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({ minBatch: { type: 'integer', minimum: 2 } }),
    defaultOptions: { minBatch: BATCH.batchNormMin },
  },
  check(config, context) {
    const batch = config.training?.batchSize;
    if (!isPositiveInteger(batch)) return;
    const layers = layersOf(config);
    const bnIndex = layers.findIndex((layer) => layerKind(layer.type) === 'batchNormalization');
    if (bnIndex < 0) return;
    const { minBatch } = context.options;
    const where = `batch normalization (layer ${bnIndex})`;
    if (batch === 1) {
      context.report({
        path: BATCH_PATH,
        message: `Per-device batch size 1 with ${where}: the batch statistics of one sample are degenerate and training can collapse (GUIDE §3). Use a batch of ${minBatch} or more, or group/layer normalization.`,
        suggestion: { path: BATCH_PATH, value: minBatch, description: `Set training.batchSize to ${minBatch}.`, edits: [{ op: 'set', path: BATCH_PATH, value: minBatch }] },
      });
      return;
    }
    if (batch < minBatch) {
      context.report({
        path: BATCH_PATH,
        severity: 'warning',
        message: `Per-device batch size ${batch} with ${where}: statistics from fewer than ${minBatch} samples are noisy and batch-norm error rises quickly (GUIDE §3; Wu & He 2018). Use a batch of ${minBatch} or more, or group normalization.`,
        suggestion: { path: BATCH_PATH, value: minBatch, description: `Set training.batchSize to ${minBatch}.`, edits: [{ op: 'set', path: BATCH_PATH, value: minBatch }] },
      });
      return;
    }
    const trainSize = config.data?.trainSize;
    if (isPositiveInteger(trainSize) && trainSize > batch && trainSize % batch === 1) {
      const better = nearestCleanBatch(trainSize, batch);
      context.report({
        path: BATCH_PATH,
        severity: 'warning',
        message: `${trainSize} training examples in batches of ${batch} leave a last batch of one sample, whose batch-norm statistics are degenerate (GUIDE §3). Drop the last batch or change the batch size.`,
        suggestion: { path: BATCH_PATH, value: better, description: `Set training.batchSize to ${better}, which leaves no batch of one.`, edits: [{ op: 'set', path: BATCH_PATH, value: better }] },
      });
    }
  },
});

/** The batch size nearest to `batch` (larger first) whose last batch is not a single sample. */
function nearestCleanBatch(trainSize: number, batch: number): number {
  for (let delta = 1; delta < batch; delta++) {
    if (trainSize % (batch + delta) !== 1) return batch + delta;
    if (trainSize % (batch - delta) !== 1 && batch - delta >= 2) return batch - delta;
  }
  return batch + 1;
}
