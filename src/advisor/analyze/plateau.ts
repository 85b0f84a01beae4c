import type { Point } from '../history/history.js';
import { PLATEAU } from '../../knowledge/guide.js';
import { formatNumber } from '../../rules/util.js';
import { ANALYSIS } from './finding.js';
import type { HistoryFinding } from './finding.js';
import { at, label, valueAtRow } from './series.js';

/**
 * No new best for PLATEAU.patience (10) epochs (GUIDE §5.3): the first time that happens. When the logged
 * learning rate has already fallen to 1/1024 of its initial value, §5.3 stops instead of halving again.
 */
export function findPlateau(points: readonly Point[], name: string, learningRates: readonly Point[]): HistoryFinding | undefined {
  let best: Point | undefined;
  let sinceBest = 0;
  for (const point of points) {
    if (!Number.isFinite(point.value)) return undefined;
    if (!best || point.value < best.value - ANALYSIS.minRelativeImprovement * Math.abs(best.value)) {
      best = point;
      sinceBest = 0;
      continue;
    }
    sinceBest++;
    if (sinceBest < PLATEAU.patience) continue;
    const initial = learningRates[0]?.value;
    const current = valueAtRow(learningRates, point.row);
    const stop = initial !== undefined && current !== undefined && initial > 0 && current <= initial / PLATEAU.floorDivisor;
    const action = stop
      ? `the rate (${formatNumber(current)}) is already 1/${PLATEAU.floorDivisor} of its initial ${formatNumber(initial)}: stop training (GUIDE §5.3).`
      : `halve the learning rate and continue (GUIDE §5.3).`;
    return {
      kind: 'plateau',
      ...at(point),
      bestEpoch: best.epoch,
      ...(stop ? { stop } : {}),
      detail: `${name} has not beaten its best ${formatNumber(best.value)} (${label(best)}) for ${PLATEAU.patience} epochs by ${label(point)}: ${action}`,
    };
  }
  return undefined;
}
