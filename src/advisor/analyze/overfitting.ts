import type { Point } from '../history/history.js';
import { formatNumber } from '../../rules/util.js';
import { ANALYSIS } from './finding.js';
import type { HistoryFinding } from './finding.js';
import { at, label, valueAtRow } from './series.js';

/**
 * The validation loss rose `overfitRise` above its best while the training loss kept falling below its
 * value at that best: the model learns the training set, not the task.
 */
export function findOverfitting(train: readonly Point[], validation: readonly Point[], names: { train: string; validation: string }): HistoryFinding | undefined {
  const finite = validation.filter((p) => Number.isFinite(p.value));
  if (finite.length === 0 || train.length === 0) return undefined;
  const best = finite.reduce((a, b) => (b.value < a.value ? b : a));
  const trainAtBest = valueAtRow(train, best.row);
  if (trainAtBest === undefined || best.value <= 0) return undefined;
  const worse = finite.find((p) => {
    if (p.row <= best.row || p.value < best.value * (1 + ANALYSIS.overfitRise)) return false;
    const trainNow = valueAtRow(train, p.row);
    return trainNow !== undefined && trainNow < trainAtBest;
  });
  if (!worse) return undefined;
  const trainNow = valueAtRow(train, worse.row)!;
  return {
    kind: 'overfitting',
    ...at(worse),
    bestEpoch: best.epoch,
    detail: `${names.validation} rose from its best ${formatNumber(best.value)} (${label(best)}) to ${formatNumber(worse.value)} at ${label(worse)} while ${names.train} fell from ${formatNumber(trainAtBest)} to ${formatNumber(trainNow)}: stop at epoch ${best.epoch} or regularize.`,
  };
}
