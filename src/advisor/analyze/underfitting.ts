import { formatNumber } from '../../rules/util.js';
import { ANALYSIS } from './finding.js';
import type { HistoryFinding } from './finding.js';
import { at, label, smooth } from './series.js';
import type { QualitySeries, Series } from './series.js';

/**
 * Evidence that the model has not learned, not merely a high loss: the training loss stayed within 5% of its
 * first value over at least 5 epochs (a loss that fell from 4 to 3.9 learned nothing; one that fell from 28
 * to 25 did learn, whatever its offset), or the validation accuracy stayed at its first value for half the
 * evaluations or more (one class predicted: the majority rate).
 */
export function findUnderfitting(train: Series | undefined, quality: QualitySeries | undefined): HistoryFinding | undefined {
  return (train ? stalledLoss(train) : undefined) ?? (quality?.kind === 'accuracy' ? frozenAccuracy(quality) : undefined);
}

function stalledLoss(train: Series): HistoryFinding | undefined {
  if (train.points.some((p) => !Number.isFinite(p.value))) return undefined;
  const points = smooth(train.points);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || last.epoch - first.epoch + 1 < ANALYSIS.minEpochs || points.length < ANALYSIS.minEpochs || first.value <= 0) return undefined;
  const lowest = Math.min(...points.map((p) => p.value));
  const progress = (first.value - lowest) / first.value;
  if (progress >= ANALYSIS.underfitProgress) return undefined;
  return {
    kind: 'underfitting',
    ...at(last),
    series: train.name,
    detail: `${train.name} went from ${formatNumber(first.value)} to ${formatNumber(last.value)} by ${label(last)} and was never more than ${Math.max(0, Math.round(progress * 100))}% below its start: the model is not learning (a rate too low, or so high that units died, inputs not scaled, or too little capacity).`,
  };
}

function frozenAccuracy(quality: QualitySeries): HistoryFinding | undefined {
  const points = quality.points.filter((p) => Number.isFinite(p.value));
  if (points.length < ANALYSIS.minEpochs) return undefined;
  // Stuck where it started: a value the run keeps from its first evaluation (a top accuracy reached late and held is not this).
  const value = points[0]!.value;
  const at0 = points.filter((p) => p.value === value);
  if (at0.length < ANALYSIS.frozenFraction * points.length || at0.length < 3) return undefined;
  const last = at0.at(-1)!;
  return {
    kind: 'underfitting',
    ...at(last),
    series: quality.name,
    detail: `${quality.name} was exactly ${formatNumber(value)} at ${at0.length} of ${points.length} evaluations (last at ${label(last)}): the model predicts one class (the majority rate), it has not learned the task.`,
  };
}
