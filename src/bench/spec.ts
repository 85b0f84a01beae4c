import type { SequenceTask } from './data.js';

/**
 * What one training run is, as plain data: scenarios build these, workers receive and run them.
 * Layer and optimizer names follow the canonical model (schema/hplint.schema.json), so a scenario reads like a config.
 */

export type LayerSpec =
  | { readonly type: 'dense'; readonly units: number; readonly l2?: number }
  | { readonly type: 'dropout'; readonly rate: number }
  | { readonly type: 'batchNormalization' }
  | { readonly type: 'lstm'; readonly units: number; readonly dropout?: number; readonly recurrentDropout?: number };

export type OptimizerName = 'sgd' | 'momentum' | 'adam' | 'rmsprop' | 'adagrad' | 'adadelta' | 'adamax';

export interface OptimizerSpec {
  readonly name: OptimizerName;
  readonly learningRate: number;
  /** SGD momentum β (name `momentum` only). */
  readonly momentum?: number;
}

export type DataSpec =
  /**
   * MNIST: a seed-drawn training subset and validation split (`validationSize`, default 0) of the digits in
   * `digits` (all when omitted), scored on the fixed test partition (all ten digits).
   */
  | { readonly kind: 'mnist'; readonly trainSize: number; readonly validationSize?: number; readonly testSize: number; readonly digits?: readonly number[] }
  | { readonly kind: 'sequence'; readonly task: SequenceTask; readonly trainSize: number; readonly validationSize?: number; readonly testSize: number };

/** What a policy watches: always the validation split, never the test set (issue 16). */
export type Monitor = 'val_loss' | 'val_accuracy';

export interface TrainSpec {
  readonly data: DataSpec;
  /** Hidden layers, input to output (dense layers use relu); a softmax output layer follows them. */
  readonly layers: readonly LayerSpec[];
  /** A second head (digit parity) beside the digit head, and the loss weights of the two. */
  readonly lossWeights?: { readonly digit: number; readonly parity: number };
  readonly optimizer: OptimizerSpec;
  readonly batchSize: number;
  /** Epoch limit; with a time budget, training also stops when the budget is spent. */
  readonly epochs: number;
  /** Equal wall-clock comparisons (GUIDE §3): stop after this many seconds of training. */
  readonly timeBudgetSeconds?: number;
  /** Record a curve point every this many training seconds as well as at each epoch's end. */
  readonly evaluateEverySeconds?: number;
  /** GUIDE §5.3: multiply the rate by `factor` after `patience` epochs without a new best; stop below `minLearningRate`. */
  readonly plateau?: { readonly monitor: Monitor; readonly patience: number; readonly factor: number; readonly minLearningRate: number };
  /** GUIDE §2.4.1: stop after `patience` epochs without a new best of the monitored validation metric. */
  readonly earlyStopping?: { readonly monitor: Monitor; readonly patience: number };
  /** Also measure what the test set says about two groups of digits, e.g. the pretrained task and the new one. */
  readonly taskGroups?: { readonly old: readonly number[]; readonly new: readonly number[] };
  /** Measure batch-norm's variance shift (running variance against the test-time variance of its input). */
  readonly measureVarianceShift?: boolean;
  /** Train on other data first (the pretrained network of a fine-tuning scenario). */
  readonly pretrain?: { readonly data: DataSpec; readonly epochs: number; readonly optimizer: OptimizerSpec; readonly batchSize: number };
}

/**
 * One arm of a scenario: a single training run, or a search whose result is the test accuracy of the trial
 * with the best validation accuracy (the test set never chooses).
 */
export type ArmRun = { readonly kind: 'train'; readonly spec: TrainSpec } | { readonly kind: 'search'; readonly trials: readonly TrainSpec[] };

export interface CurvePoint {
  readonly epoch: number;
  /** Training seconds (evaluation time excluded). */
  readonly seconds: number;
  readonly accuracy: number;
  readonly loss: number;
  /** Validation accuracy at this point, when the run has a validation split. */
  readonly validationAccuracy?: number;
}

export interface RunOutcome {
  /** Test accuracy at the end of training (for a search: of the trial the validation split chose). */
  readonly accuracy: number;
  /** Final validation accuracy (null without a validation split). */
  readonly validationAccuracy: number | null;
  readonly loss: number;
  /** Epochs trained; fractional when a time budget stopped training mid-epoch. */
  readonly epochs: number;
  readonly trainSeconds: number;
  readonly samplesSeen: number;
  readonly curve: readonly CurvePoint[];
  /** Secondary measurements reported beside the decisive metric, e.g. `oldTaskAccuracy`, `varianceShift`. */
  readonly measures: Readonly<Record<string, number>>;
}
