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
  | { readonly kind: 'mnist'; readonly trainSize: number; readonly testSize: number; readonly digits?: readonly number[] }
  | { readonly kind: 'sequence'; readonly task: SequenceTask; readonly trainSize: number; readonly testSize: number };

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
  /** GUIDE §5.3: halve after `patience` epochs without a new best; stop at initial / floorDivisor. */
  readonly plateau?: { readonly patience: number; readonly factor: number; readonly floorDivisor: number };
  /** GUIDE §2.4.1: stop after `patience` epochs without a new best test accuracy. */
  readonly earlyStopping?: { readonly patience: number };
  /** Train on other data first (the pretrained network of a fine-tuning scenario). */
  readonly pretrain?: { readonly data: DataSpec; readonly epochs: number; readonly optimizer: OptimizerSpec; readonly batchSize: number };
}

/** One arm of a scenario: a single training run, or a search whose result is its best trial. */
export type ArmRun = { readonly kind: 'train'; readonly spec: TrainSpec } | { readonly kind: 'search'; readonly trials: readonly TrainSpec[] };

export interface CurvePoint {
  readonly epoch: number;
  /** Training seconds (evaluation time excluded). */
  readonly seconds: number;
  readonly accuracy: number;
  readonly loss: number;
}

export interface RunOutcome {
  /** Test accuracy at the end of training. */
  readonly accuracy: number;
  readonly bestAccuracy: number;
  readonly loss: number;
  /** Epochs trained; fractional when a time budget stopped training mid-epoch. */
  readonly epochs: number;
  readonly trainSeconds: number;
  readonly samplesSeen: number;
  readonly curve: readonly CurvePoint[];
}
