import { pointsOf } from '../history/history.js';
import type { TrainingHistory } from '../history/history.js';
import { LOSS_MAGNITUDE_RATIO } from '../../knowledge/guide.js';
import { formatNumber } from '../../rules/util.js';
import type { HistoryFinding } from './finding.js';
import { at, label, median } from './series.js';

/** Per-output training losses of a multi-output model (`out1_loss`, `out2_loss`), not validation or totals. */
export function outputLossTerms(history: TrainingHistory, totalName: string | undefined): string[] {
  return history.metrics.filter((m) => m !== totalName && /^(?!val_|eval_|validation_)(.+)_loss$/.test(m) && !/^(train|training)_loss$/.test(m));
}

/** The term name as a config names the output: `out1_loss` → `out1`. */
export function termName(metric: string): string {
  return metric.replace(/_loss$/, '');
}

/**
 * Two per-output losses more than 100× apart (GUIDE §6 Tier 1, §7) at the first epoch, the scale the loss
 * weights balance when training starts (what the loss-magnitude-gap rule calls a term's expected value),
 * or typically (the median over the run). The larger term dominates the gradient while it is that large:
 * on the two-output MNIST fixture the class head barely learned for the 7 epochs the ink head's error
 * took to shrink. Reported at the first epoch where the terms are that far apart.
 */
export function findLossMagnitudeGap(history: TrainingHistory, totalName: string | undefined): HistoryFinding | undefined {
  const terms = outputLossTerms(history, totalName)
    .map((metric) => ({ metric, points: pointsOf(history, metric).filter((p) => Number.isFinite(p.value) && p.value > 0) }))
    .filter((t) => t.points.length > 0);
  if (terms.length < 2) return undefined;
  const first = (t: (typeof terms)[number]) => t.points[0]!.value;
  const typical = (t: (typeof terms)[number]) => median(t.points.map((p) => p.value));
  for (const [measure, name] of [[first, 'at the start'], [typical, 'typically']] as const) {
    const sorted = [...terms].sort((a, b) => measure(a) - measure(b));
    const low = sorted[0]!;
    const high = sorted.at(-1)!;
    const ratio = measure(high) / measure(low);
    if (ratio <= LOSS_MAGNITUDE_RATIO) continue;
    const lowByRow = new Map(low.points.map((p) => [p.row, p.value]));
    const from = high.points.find((p) => (lowByRow.get(p.row) ?? Infinity) * LOSS_MAGNITUDE_RATIO < p.value) ?? high.points[0]!;
    const [highTerm, lowTerm] = [termName(high.metric), termName(low.metric)];
    return {
      kind: 'loss-magnitude-gap',
      ...at(from),
      terms: [highTerm, lowTerm],
      magnitudes: { [highTerm]: measure(high), [lowTerm]: measure(low) },
      detail: `${high.metric} (${formatNumber(measure(high))}) is ${formatNumber(Math.round(ratio))}× ${low.metric} (${formatNumber(measure(low))}) ${name}, from ${label(from)}: GUIDE §6 keeps loss terms within ${LOSS_MAGNITUDE_RATIO}× of each other, so reweight them (or rescale the larger term's target).`,
    };
  }
  return undefined;
}
