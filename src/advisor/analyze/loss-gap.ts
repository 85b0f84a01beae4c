import { LOSS_MAGNITUDE_RATIO } from '../../knowledge/guide.js';
import { formatNumber } from '../../rules/util.js';
import type { HistoryFinding } from './finding.js';
import { at, label, median, normalizeName } from './series.js';
import type { Series } from './series.js';

/** The term name as a config names the output: `out1_loss` → `out1`, `train/box_loss` → `box`, `train_kld` → `kld`. */
export function termName(metric: string): string {
  return normalizeName(metric).replace(/^(train|training)_/, '').replace(/_loss$/, '');
}

/**
 * Two loss terms (`out1_loss`, `sft_loss`, `recon_loss` and `kld` …) more than 100× apart (GUIDE §6 Tier 1,
 * §7) at the first epoch, the scale the loss weights balance when training starts (what the loss-magnitude-gap
 * rule calls a term's expected value), or typically (the median over the run). The larger term dominates the
 * gradient while it is that large. Only terms that stay positive have a magnitude to compare: a Wasserstein
 * critic's loss crosses zero, and its ratio to anything means nothing. Reported at the first point where the
 * terms are that far apart.
 */
export function findLossMagnitudeGap(terms: readonly Series[]): HistoryFinding | undefined {
  const usable = terms
    .filter((t) => t.points.every((p) => !Number.isFinite(p.value) || p.value > 0))
    .map((t) => ({ metric: t.name, points: t.points.filter((p) => Number.isFinite(p.value)) }))
    .filter((t) => t.points.length > 0);
  if (usable.length < 2) return undefined;
  const first = (t: (typeof usable)[number]) => t.points[0]!.value;
  const typical = (t: (typeof usable)[number]) => median(t.points.map((p) => p.value));
  for (const [measure, name] of [[first, 'at the start'], [typical, 'typically']] as const) {
    const sorted = [...usable].sort((a, b) => measure(a) - measure(b));
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
