import { createRule, optionsSchema } from '../engine/rule.js';
import type { Suggestion } from '../engine/rule.js';
import { knownRanks } from '../model/distributed.js';
import { pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { BATCH, LEARNING_RATE_RANGES } from '../knowledge/guide.js';
import { optimizerFamily } from './optimizers.js';
import { effectiveBatch, formatNumber, initialLearningRate, roundNice } from './util.js';

export interface Options {
  /** Effective batches above this are extreme (warning). */
  readonly max: number;
  /** Effective batches above this (up to `max`) are worth a note (info). */
  readonly infoAbove: number;
  /** The per-step batch suggested in place of a batch of one. */
  readonly suggestedBatch: number;
}

const BATCH_PATH = pointer('training', 'batchSize');

export default createRule<Options>({
  id: 'batch-size-extremes',
  meta: {
    description: 'The effective batch size (per device × accumulation × processes) is 1 or larger than 6000, where the learning strategy needs attention (GUIDE §3).',
    severity: 'warning',
    tier: 2,
    category: 'batch-size',
    guide: '§3, §7',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({
      max: { type: 'integer', minimum: 1 },
      infoAbove: { type: 'integer', minimum: 1 },
      suggestedBatch: { type: 'integer', minimum: 2 },
    }),
    defaultOptions: { max: BATCH.extremeMax, infoAbove: BATCH.typicalMax, suggestedBatch: 32 },
  },
  check(config, context) {
    const batch = batchOf(config, context.document.format);
    if (batch === undefined) return;
    const { max, infoAbove, suggestedBatch } = context.options;
    const { effective, ranksKnown } = batch;
    if (effective === 1) {
      // Without the number of processes, one example per step is only what one GPU would see.
      context.report({
        path: BATCH_PATH,
        ...(ranksKnown ? {} : { severity: 'info' as const }),
        message: ranksKnown
          ? `Effective batch size 1: every step follows one example's gradient, which is noisy and hard to converge (GUIDE §3); revisit the learning rate or the normalization.`
          : `Per-device batch 1 with no gradient accumulation, and the file does not say how many processes train: on one GPU every step follows one example's gradient, which is noisy and hard to converge (GUIDE §3); raise the accumulation or the batch.`,
        suggestion: scaledBatch(config, effective, suggestedBatch),
      });
    } else if (effective > max) {
      context.report({
        path: BATCH_PATH,
        message: `Effective batch size ${ranksKnown ? '' : 'at least '}${describe(config, effective, ranksKnown)} is above ${max}: scale the learning rate with the batch and warm up (GUIDE §3; Goyal et al. 2017).`,
        suggestion: scaledBatch(config, effective, infoAbove),
      });
    } else if (effective > infoAbove) {
      context.report({
        path: BATCH_PATH,
        severity: 'info',
        message: `Effective batch size ${ranksKnown ? '' : 'at least '}${describe(config, effective, ranksKnown)} is above the typical range [1, ${infoAbove}] (GUIDE §3): check that the learning rate was scaled for it.`,
      });
    }
  },
});

/** Per-device batch × accumulation × ranks; without ranks, the per-process part (a lower bound). */
function batchOf(config: TrainingConfig, format: string): { effective: number; ranksKnown: boolean } | undefined {
  const ranks = knownRanks(config, format);
  const perProcess = effectiveBatch({ ...config, training: { ...config.training, devices: ranks ?? 1 } });
  return perProcess === undefined ? undefined : { effective: perProcess, ranksKnown: ranks !== undefined };
}

function describe(config: TrainingConfig, effective: number, ranksKnown: boolean): string {
  const { batchSize, devices, gradientAccumulation } = config.training ?? {};
  const factors = [ranksKnown ? devices : undefined, gradientAccumulation].filter((f): f is number => typeof f === 'number' && f > 1);
  return factors.length > 0 ? `${effective} (${[batchSize, ...factors].join(' × ')})` : String(effective);
}

/**
 * A per-device batch that brings the effective batch to `target`, with the learning rate scaled by the
 * same factor — linearly for SGD (Goyal et al. 2017), by its square root for adaptive optimizers
 * (Malladi et al. 2022) — and kept inside the optimizer's GUIDE §7 range.
 */
function scaledBatch(config: TrainingConfig, effective: number, target: number): Suggestion {
  const perDevice = config.training?.batchSize ?? 1;
  const others = effective / perDevice;
  const batch = Math.max(1, Math.floor(target / others));
  const factor = (batch * others) / effective;
  const lr = initialLearningRate(config);
  const candidate = lr ? scaleLearningRate(config, lr.value, factor) : undefined;
  // Kept inside its §7 range, the scaled rate may be the current one: then there is nothing to change.
  const scaled = candidate !== undefined && candidate !== lr?.value ? candidate : undefined;
  const rateText = lr && scaled !== undefined ? ` and scale the learning rate with it, ${formatNumber(lr.value)} → ${formatNumber(scaled)}` : '';
  return {
    path: BATCH_PATH,
    value: batch,
    description: `Set training.batchSize to ${batch}${rateText}.`,
    edits: [
      { op: 'set', path: BATCH_PATH, value: batch },
      ...(lr && scaled !== undefined ? [{ op: 'set' as const, path: lr.path, value: scaled }] : []),
    ],
  };
}

function scaleLearningRate(config: TrainingConfig, lr: number, factor: number): number {
  const family = optimizerFamily(config.optimizer);
  const linear = family === undefined || family === 'sgd' || family === 'momentum';
  const scaled = roundNice(lr * (linear ? factor : Math.sqrt(factor)));
  if (!family) return scaled;
  const range = LEARNING_RATE_RANGES[family];
  return Math.min(range.high, Math.max(range.low, scaled));
}
