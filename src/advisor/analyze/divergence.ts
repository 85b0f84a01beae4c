import type { Point } from '../history/history.js';
import { formatNumber } from '../../rules/util.js';
import { ANALYSIS } from './finding.js';
import type { HistoryFinding } from './finding.js';
import { at, label, noise, smooth } from './series.js';
import type { Series } from './series.js';

/**
 * Judged on the training loss only (a validation loss that rises while the training loss falls is
 * overfitting). Divergence: the loss became NaN or infinite; or it jumped well above its best so far and was
 * still there at the end; or it never improved on its first value and ended above it (a rate so high the
 * network saturates: Adam at 0.5 on MNIST). A jump it recovered from is an oscillation (unstable training).
 */
export function findInstability(train: Series): HistoryFinding | undefined {
  const broken = train.points.find((p) => !Number.isFinite(p.value));
  if (broken) return { kind: 'divergence', ...at(broken), series: train.name, detail: `${train.name} is ${broken.value} at ${label(broken)}: training diverged.` };
  const points = smooth(train.points);
  return jump(points, train.name) ?? rising(points, train.name);
}

function jump(points: readonly Point[], name: string): HistoryFinding | undefined {
  const spread = noise(points);
  const range = Math.max(...points.map((p) => p.value)) - Math.min(...points.map((p) => p.value));
  let best: Point | undefined;
  for (let i = 0; i < points.length; i++) {
    const point = points[i]!;
    if (best) {
      const scale = Math.max(Math.abs(best.value), 0.1 * range);
      const threshold = best.value + Math.max(ANALYSIS.jumpNoise * spread, ANALYSIS.jumpFraction * scale);
      const blownUp = best.value > 0 && point.value > ANALYSIS.blowUpFactor * best.value;
      const run = runAbove(points, i, threshold);
      if (blownUp || run >= ANALYSIS.jumpPersistence) {
        const end = points[Math.min(points.length, i + Math.max(run, 1)) - 1]!;
        const peak = points.slice(i, i + Math.max(run, 1)).reduce((a, b) => (b.value > a.value ? b : a));
        const ongoing = i + run >= points.length;
        return ongoing || blownUp
          ? { kind: 'divergence', ...at(point), series: name, detail: `${name} rose from its best ${formatNumber(best.value)} (${label(best)}) to ${formatNumber(peak.value)} by ${label(peak)} and ${ongoing ? 'did not come back' : 'blew up past 10× its best'}: training diverged.` }
          : { kind: 'oscillation', ...at(point), series: name, detail: `${name} jumped from its best ${formatNumber(best.value)} (${label(best)}) to ${formatNumber(peak.value)} at ${label(peak)} and only recovered after ${label(end)}: the steps are large enough to throw training off its course.` };
      }
    }
    if (!best || point.value < best.value) best = point;
  }
  return undefined;
}

function runAbove(points: readonly Point[], from: number, threshold: number): number {
  let n = 0;
  while (from + n < points.length && points[from + n]!.value > threshold) n++;
  return n;
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
    series: name,
    detail: `${name} never improved on its first value ${formatNumber(first.value)} and rose to ${formatNumber(last.value)} by ${label(last)}: the steps are too large to descend.`,
  };
}
