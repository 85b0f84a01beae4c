import type { Point } from '../history/history.js';
import { formatNumber } from '../../rules/util.js';
import { ANALYSIS } from './finding.js';
import type { HistoryFinding } from './finding.js';
import { at, label, median, noise, valueAtRow } from './series.js';
import type { Series } from './series.js';

/**
 * The model learns the training set, not the task, judged on a validation loss against the training loss:
 * - at least 3 evaluations after its best, the median of the last 3 is more than its noise above it (1.5
 *   noise widths, at least 5% of the best), while the training loss is below its value at the best — a
 *   one-evaluation spike, or a rise the run recovered from (a new best later), is not a finding;
 * - or the validation loss never improved on its first value by more than that (nor 5%), its best not among
 *   the last 3 evaluations, while the training loss fell 20% (over 5 evaluations or more): the training set
 *   is fitted with no gain on validation.
 */
export function findOverfitting(train: Series, validation: Series): HistoryFinding | undefined {
  const points = validation.points.filter((p) => Number.isFinite(p.value));
  if (points.length < 2 || train.points.length === 0) return undefined;
  const best = points.reduce((a, b) => (b.value < a.value ? b : a));
  const margin = Math.max(ANALYSIS.overfitNoise * noise(points), ANALYSIS.overfitFloor * Math.abs(best.value));
  return risen(points, best, margin, train, validation.name) ?? flat(points, best, margin, train, validation.name);
}

function risen(points: readonly Point[], best: Point, margin: number, train: Series, name: string): HistoryFinding | undefined {
  // Every point after the best is above it (it is the minimum): the rise holds if the last few are clearly above — their median, so one spike does not make it.
  const after = points.filter((p) => p.row > best.row);
  const last = after.at(-1);
  if (!last || after.length < ANALYSIS.overfitPersistence) return undefined;
  if (median(after.slice(-ANALYSIS.overfitPersistence).map((p) => p.value)) <= best.value + margin) return undefined;
  const trainAtBest = valueAtRow(train.points, best.row);
  const trainNow = valueAtRow(train.points, last.row);
  if (trainAtBest === undefined || trainNow === undefined || !(trainNow < trainAtBest)) return undefined;
  const start = after.find((p) => p.value > best.value + margin)!;
  return {
    kind: 'overfitting',
    ...at(start),
    bestEpoch: best.epoch,
    series: name,
    detail: `${name} has risen above its best ${formatNumber(best.value)} (${label(best)}) since ${label(start)}, ending at ${formatNumber(last.value)}, while ${train.name} fell from ${formatNumber(trainAtBest)} to ${formatNumber(trainNow)}: the best model was at epoch ${best.epoch}.`,
  };
}

function flat(points: readonly Point[], best: Point, margin: number, train: Series, name: string): HistoryFinding | undefined {
  const first = points[0]!;
  const lateBest = points.slice(-ANALYSIS.overfitPersistence).includes(best);
  if (points.length < ANALYSIS.minEvaluations || lateBest || first.value - best.value > Math.min(margin, ANALYSIS.overfitFloor * Math.abs(first.value))) return undefined;
  const trainFirst = valueAtRow(train.points, first.row) ?? train.points[0]!.value;
  const last = points.at(-1)!;
  const trainLast = valueAtRow(train.points, last.row);
  if (trainLast === undefined || !(trainFirst > 0) || (trainFirst - trainLast) / trainFirst < ANALYSIS.trainingGain) return undefined;
  return {
    kind: 'overfitting',
    ...at(last),
    bestEpoch: best.epoch,
    series: name,
    detail: `${name} never improved on its first value ${formatNumber(first.value)} by more than its noise (best ${formatNumber(best.value)}, ${label(best)}) while ${train.name} fell ${Math.round((100 * (trainFirst - trainLast)) / trainFirst)}% (${formatNumber(trainFirst)} → ${formatNumber(trainLast)}): the model fits the training set with no gain on validation.`,
  };
}
