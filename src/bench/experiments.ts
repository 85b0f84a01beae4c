import { LEARNING_RATE_RANGES } from '../knowledge/guide.js';
import type { Range } from '../knowledge/guide.js';
import type { Budget } from './budget.js';
import { mean } from './stats.js';
import type { ArmRun, CurvePoint, OptimizerName } from './spec.js';

/** The guide's two experiments: §3 (accuracy against wall-clock per batch size) and §7 (a rate sweep per optimizer). */

export const BATCH_SIZES = [8, 16, 32, 64, 128, 256, 512, 1024] as const;

/** Optimizers with a §7 row that TF.js implements correctly, and the §7 row each is judged by. */
export const SWEEP_OPTIMIZERS: readonly { readonly name: OptimizerName; readonly range: Range }[] = [
  { name: 'sgd', range: LEARNING_RATE_RANGES.sgd },
  { name: 'momentum', range: LEARNING_RATE_RANGES.momentum },
  { name: 'adagrad', range: LEARNING_RATE_RANGES.adagrad },
  { name: 'rmsprop', range: LEARNING_RATE_RANGES.rmsprop },
  { name: 'adam', range: LEARNING_RATE_RANGES.adam },
  { name: 'adamax', range: LEARNING_RATE_RANGES.adamax },
];

/** §7 rows the sweep leaves out, and why (the report prints these). */
export const EXCLUDED_FROM_SWEEP: readonly { readonly optimizer: string; readonly reason: string }[] = [
  {
    optimizer: 'adadelta',
    reason:
      'TF.js 4.x (tfjs-core adadelta_optimizer) divides the update by the accumulator of the previous step instead of the updated one; its first step is a plain SGD step (lr × gradient) and afterwards the ratio of its two accumulators stays near 1, so it behaves like plain SGD and its sweep would measure SGD, not Adadelta.',
  },
  { optimizer: 'nadam', reason: 'TF.js has no Nadam optimizer.' },
];

export function batchTimeRun(budget: Budget, batchSize: number): ArmRun {
  const seconds = budget.batchTime.seconds;
  return {
    kind: 'train',
    spec: {
      data: { kind: 'mnist', trainSize: budget.batchTime.trainSize, testSize: budget.testSize },
      layers: [{ type: 'dense', units: budget.hidden }],
      optimizer: { name: 'adam', learningRate: 1e-3 },
      batchSize,
      epochs: 1000,
      timeBudgetSeconds: seconds,
      evaluateEverySeconds: seconds / 10,
    },
  };
}

export function sweepRun(budget: Budget, optimizer: OptimizerName, learningRate: number): ArmRun {
  return {
    kind: 'train',
    spec: {
      data: { kind: 'mnist', trainSize: budget.sweep.trainSize, testSize: budget.testSize },
      layers: [{ type: 'dense', units: budget.hidden }],
      optimizer: { name: optimizer, learningRate, ...(optimizer === 'momentum' ? { momentum: 0.9 } : {}) },
      batchSize: 32,
      epochs: budget.sweep.epochs,
    },
  };
}

/** A point within this much accuracy of the best counts as equally good (a "fast" batch, a "best" rate). */
export const TOLERANCE = 0.01;

export interface BatchTimeSeries {
  readonly batchSize: number;
  /** One curve per seed: accuracy against training seconds. */
  readonly curves: readonly (readonly CurvePoint[])[];
}

/**
 * Accuracy averaged over the time budget (the area under the accuracy–time curve, step-wise, divided by
 * the budget): high when a batch size improves fast, not only when it ends well.
 */
export function areaUnderCurve(curve: readonly CurvePoint[], seconds: number): number {
  let area = 0;
  let previous = { seconds: 0, accuracy: 0 };
  for (const point of curve) {
    const until = Math.min(point.seconds, seconds);
    if (until > previous.seconds) area += (until - previous.seconds) * previous.accuracy;
    previous = { seconds: Math.max(previous.seconds, until), accuracy: point.accuracy };
  }
  if (seconds > previous.seconds) area += (seconds - previous.seconds) * previous.accuracy;
  return area / seconds;
}

export interface BatchTimeAnalysis {
  readonly rows: readonly { readonly batchSize: number; readonly area: number; readonly finalAccuracy: number }[];
  /** GUIDE §3: the smallest batch whose improvement is as fast as the best (area within TOLERANCE). */
  readonly smallestFast: number | null;
}

export function analyzeBatchTime(series: readonly BatchTimeSeries[], seconds: number): BatchTimeAnalysis {
  const rows = series
    .filter((s) => s.curves.length > 0)
    .map((s) => ({
      batchSize: s.batchSize,
      area: mean(s.curves.map((c) => areaUnderCurve(c, seconds))),
      finalAccuracy: mean(s.curves.map((c) => c.at(-1)?.accuracy ?? 0)),
    }))
    .sort((a, b) => a.batchSize - b.batchSize);
  const best = Math.max(...rows.map((r) => r.area));
  const smallestFast = rows.find((r) => r.area >= best - TOLERANCE)?.batchSize ?? null;
  return { rows, smallestFast };
}

export interface SweepCell {
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly accuracies: readonly number[];
}

export interface SweepRow {
  readonly optimizer: OptimizerName;
  readonly guideRange: Range;
  readonly points: readonly { readonly learningRate: number; readonly accuracy: number }[];
  readonly bestRate: number;
  /** The rates within TOLERANCE of the best accuracy: the measured good range. */
  readonly goodRange: Range;
  /** Where the best rate lands against the §7 row. */
  readonly placement: 'inside' | 'below' | 'above';
}

export function analyzeSweep(cells: readonly SweepCell[]): SweepRow[] {
  return SWEEP_OPTIMIZERS.flatMap(({ name, range }) => {
    const points = cells
      .filter((c) => c.optimizer === name && c.accuracies.length > 0)
      .map((c) => ({ learningRate: c.learningRate, accuracy: mean(c.accuracies) }))
      .sort((a, b) => a.learningRate - b.learningRate);
    if (points.length === 0) return [];
    const best = points.reduce((a, b) => (b.accuracy > a.accuracy ? b : a));
    const good = points.filter((p) => p.accuracy >= best.accuracy - TOLERANCE).map((p) => p.learningRate);
    // A tiny relative slack: sweep rates such as 1e-2 must count as inside a range that ends at 1e-2.
    const placement = best.learningRate < range.low * (1 - 1e-9) ? 'below' : best.learningRate > range.high * (1 + 1e-9) ? 'above' : 'inside';
    return [{ optimizer: name, guideRange: range, points, bestRate: best.learningRate, goodRange: { low: Math.min(...good), high: Math.max(...good) }, placement }];
  });
}
