import type { ScheduleConfig, TrainingConfig } from '../model/types.js';
import { effectiveBatch, isFiniteNumber, isPositiveInteger } from './util.js';

/** The learning-rate schedules whose formulas Keras documents (Keras names). */
export type ScheduleKind =
  | 'constant'
  | 'exponentialDecay'
  | 'piecewiseConstant'
  | 'polynomialDecay'
  | 'inverseTimeDecay'
  | 'cosineDecay'
  | 'reduceOnPlateau';

/** Spellings of each kind across Keras, TF1 and PyTorch, compacted to lower-case letters. */
const KINDS: Readonly<Record<string, ScheduleKind>> = {
  constant: 'constant',
  constantlr: 'constant',
  exponentialdecay: 'exponentialDecay',
  exponential: 'exponentialDecay',
  exponentiallr: 'exponentialDecay',
  piecewiseconstant: 'piecewiseConstant',
  piecewiseconstantdecay: 'piecewiseConstant',
  piecewise: 'piecewiseConstant',
  polynomialdecay: 'polynomialDecay',
  polynomial: 'polynomialDecay',
  inversetimedecay: 'inverseTimeDecay',
  inversetime: 'inverseTimeDecay',
  cosinedecay: 'cosineDecay',
  cosine: 'cosineDecay',
  cosineannealing: 'cosineDecay',
  cosineannealinglr: 'cosineDecay',
  reduceonplateau: 'reduceOnPlateau',
  reducelronplateau: 'reduceOnPlateau',
  plateau: 'reduceOnPlateau',
};

/** The kind of a schedule as written (`ReduceLROnPlateau`, `cosine_decay`); undefined for other or unset types. */
export function scheduleKind(schedule: ScheduleConfig | undefined): ScheduleKind | undefined {
  const compact = schedule?.type?.toLowerCase().replace(/[^a-z]/g, '');
  return compact !== undefined && Object.hasOwn(KINDS, compact) ? KINDS[compact] : undefined;
}

/** How long training runs, in whichever units the config allows; every field may be unknown. */
export interface TrainingLength {
  /** Optimizer steps (updates) over the whole run. */
  readonly steps?: number;
  readonly epochs?: number;
  /** Optimizer steps per epoch: ceil(trainSize / effective batch). */
  readonly stepsPerEpoch?: number;
  /** Which field the config gives the length in; the other unit is derived through stepsPerEpoch. */
  readonly writtenIn?: 'maxSteps' | 'epochs';
}

/**
 * The run's length: `maxSteps` wins over `epochs` where both are set (as in HuggingFace and Lightning),
 * and steps and epochs convert into each other when trainSize and the effective batch are known.
 */
export function trainingLength(config: TrainingConfig): TrainingLength {
  const { maxSteps, epochs } = config.training ?? {};
  const trainSize = config.data?.trainSize;
  const batch = effectiveBatch(config);
  const stepsPerEpoch = isPositiveInteger(trainSize) && batch !== undefined ? Math.ceil(trainSize / batch) : undefined;
  if (isPositiveInteger(maxSteps)) return { steps: maxSteps, epochs: stepsPerEpoch && maxSteps / stepsPerEpoch, stepsPerEpoch, writtenIn: 'maxSteps' };
  if (isFiniteNumber(epochs) && epochs > 0) return { steps: stepsPerEpoch && epochs * stepsPerEpoch, epochs, stepsPerEpoch, writtenIn: 'epochs' };
  return { stepsPerEpoch };
}
