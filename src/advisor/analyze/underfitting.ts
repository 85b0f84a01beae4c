import type { Point } from '../history/history.js';
import { formatNumber } from '../../rules/util.js';
import { ANALYSIS } from './finding.js';
import type { HistoryFinding } from './finding.js';
import { at, label } from './series.js';

/** The training loss barely moved: less than `underfitProgress` of its first value over at least `minEpochs` epochs. */
export function findUnderfitting(points: readonly Point[], name: string): HistoryFinding | undefined {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || last.epoch - first.epoch + 1 < ANALYSIS.minEpochs || first.value <= 0) return undefined;
  if (points.some((p) => !Number.isFinite(p.value))) return undefined;
  const progress = (first.value - last.value) / first.value;
  if (progress >= ANALYSIS.underfitProgress) return undefined;
  return {
    kind: 'underfitting',
    ...at(last),
    detail: `${name} went from ${formatNumber(first.value)} to ${formatNumber(last.value)} by ${label(last)}, ${progress > 0 ? `only ${Math.round(progress * 100)}% lower` : 'no lower'}: the model is not learning (a rate too low, or so high that units died, or too little capacity).`,
  };
}
