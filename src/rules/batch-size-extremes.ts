import { createRule, optionsSchema } from '../engine/rule.js';
import type { Suggestion } from '../engine/rule.js';
import { knownRanks } from '../model/distributed.js';
import { isLlmRecipeFormat, effectiveRegime } from '../model/regime.js';
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
const ACCUMULATION_PATH = pointer('training', 'gradientAccumulation');

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
        suggestion: resized(config, context.document.format, effective, suggestedBatch),
      });
    } else if (effective > max) {
      context.report({
        path: BATCH_PATH,
        message: `Effective batch size ${ranksKnown ? '' : 'at least '}${describe(config, effective, ranksKnown)} is above ${max}: scale the learning rate with the batch and warm up (GUIDE §3; Goyal et al. 2017).`,
        suggestion: resized(config, context.document.format, effective, infoAbove),
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
 * How to bring the effective batch to `target`. A pretrained model (any regime but from scratch; an HF
 * recipe that does not say) is large: its per-device batch is what fits in memory, so the change goes
 * through gradient accumulation, and its learning rate — tuned for its regime, not for §7 — is left alone.
 */
function resized(config: TrainingConfig, format: string, effective: number, target: number): Suggestion {
  const regime = effectiveRegime(config, format);
  const pretrained = regime ? regime.kind !== 'scratch' : isLlmRecipeFormat(format);
  if (!pretrained) return scaledBatch(config, effective, target);
  const accumulation = config.training?.gradientAccumulation ?? 1;
  const steps = Math.max(1, Math.round(target / (effective / accumulation)));
  if (steps === accumulation) return perDeviceBatch(perDeviceTarget(config, effective, target), undefined);
  return {
    path: ACCUMULATION_PATH,
    value: steps,
    description: `Set training.gradientAccumulation to ${steps}: the per-device batch of a pretrained model is what fits in memory, so accumulate instead (the learning rate of the regime is kept).`,
    edits: [{ op: 'set', path: ACCUMULATION_PATH, value: steps }],
  };
}

/**
 * A per-device batch that brings the effective batch to `target`, with the learning rate scaled by the
 * same factor — linearly for SGD (Goyal et al. 2017), by its square root for adaptive optimizers
 * (Malladi et al. 2022) — and kept inside the optimizer's GUIDE §7 range (training from scratch).
 */
function scaledBatch(config: TrainingConfig, effective: number, target: number): Suggestion {
  const lr = initialLearningRate(config);
  const batch = perDeviceTarget(config, effective, target);
  const candidate = lr ? scaleLearningRate(config, lr.value, batch / (config.training?.batchSize ?? 1)) : undefined;
  // Kept inside its §7 range, the scaled rate may be the current one: then there is nothing to change.
  const scaled = lr && candidate !== undefined && candidate !== lr.value ? { path: lr.path, from: lr.value, to: candidate } : undefined;
  return perDeviceBatch(batch, scaled);
}

/** The per-device batch that, with the other factors unchanged, brings the effective batch to `target`. */
function perDeviceTarget(config: TrainingConfig, effective: number, target: number): number {
  const others = effective / (config.training?.batchSize ?? 1);
  return Math.max(1, Math.floor(target / others));
}

function perDeviceBatch(batch: number, rate: { readonly path: string; readonly from: number; readonly to: number } | undefined): Suggestion {
  const rateText = rate ? ` and scale the learning rate with it, ${formatNumber(rate.from)} → ${formatNumber(rate.to)}` : '';
  return {
    path: BATCH_PATH,
    value: batch,
    description: `Set training.batchSize to ${batch}${rateText}.`,
    edits: [{ op: 'set', path: BATCH_PATH, value: batch }, ...(rate ? [{ op: 'set' as const, path: rate.path, value: rate.to }] : [])],
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
