import type { Point } from '../history/history.js';
import { formatNumber } from '../../rules/util.js';
import { ANALYSIS } from './finding.js';
import type { HistoryFinding } from './finding.js';
import { at, label } from './series.js';

/**
 * The loss became NaN or infinite, blew up past `blowUpFactor` × its best so far, or never improved on its
 * first epoch and ended above it (a rate so high that the network saturates: Adam at 0.5 on MNIST).
 */
export function findDivergence(points: readonly Point[], name: string): HistoryFinding | undefined {
  let best: Point | undefined;
  for (const point of points) {
    if (!Number.isFinite(point.value)) {
      return { kind: 'divergence', ...at(point), detail: `${name} is ${point.value} at ${label(point)}: training diverged.` };
    }
    if (best && best.value > 0 && point.value > ANALYSIS.blowUpFactor * best.value) {
      return {
        kind: 'divergence',
        ...at(point),
        detail: `${name} blew up to ${formatNumber(point.value)} at ${label(point)}, more than ${ANALYSIS.blowUpFactor}× its best ${formatNumber(best.value)} (${label(best)}).`,
      };
    }
    if (!best || point.value < best.value) best = point;
  }
  return rising(points, name);
}

function rising(points: readonly Point[], name: string): HistoryFinding | undefined {
  const [first, ...rest] = points;
  const last = rest.at(-1);
  if (!first || !last || rest.length < 2 || first.value <= 0) return undefined;
  if (rest.some((p) => p.value < first.value)) return undefined;
  const threshold = first.value * (1 + ANALYSIS.risingFraction);
  const crossed = rest.find((p) => p.value > threshold);
  if (!crossed || last.value <= threshold) return undefined;
  return {
    kind: 'divergence',
    ...at(crossed),
    detail: `${name} never improved on its first value ${formatNumber(first.value)} and rose to ${formatNumber(last.value)} by ${label(last)}: the steps are too large to descend.`,
  };
}
