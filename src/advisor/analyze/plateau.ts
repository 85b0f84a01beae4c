import type { Point } from '../history/history.js';
import { PLATEAU } from '../../knowledge/guide.js';
import { formatNumber } from '../../rules/util.js';
import { ANALYSIS } from './finding.js';
import type { HistoryFinding } from './finding.js';
import { at, label, median, smooth, valueAtRow } from './series.js';
import type { Series } from './series.js';

/** The series GUIDE §5.3 watches, and which way is better. */
export interface Monitored extends Series {
  readonly higherIsBetter: boolean;
  /** Per logged step without evaluations (a training loss, an RL reward): judged by its trend, not by patience. */
  readonly byTrend: boolean;
}

/**
 * GUIDE §5.3: no new best for 10 epochs (evaluations, for a run that evaluates by step); any improvement
 * beyond 1e-4 of the best is a new best, as the guide counts it (a slow creep is progress). When the logged learning rate has already fallen to 1/1024
 * of its initial value, §5.3 stops instead of halving again. A series that has stopped moving at all (updates
 * have stopped) is a plateau however short the run; one logged per step without evaluations is on a plateau
 * when its fitted change over the last half of the run is within 3 standard errors and 2% of its level.
 */
export function findPlateau(monitored: Monitored, learningRates: readonly Point[]): HistoryFinding | undefined {
  const points = monitored.points.filter((p) => Number.isFinite(p.value));
  if (points.length !== monitored.points.length) return undefined;
  return monitored.byTrend ? flatTrend(monitored) : (patience(monitored, points, learningRates) ?? flatline(monitored, points));
}

function patience(monitored: Monitored, points: readonly Point[], learningRates: readonly Point[]): HistoryFinding | undefined {
  const sign = monitored.higherIsBetter ? -1 : 1;
  let best: Point | undefined;
  let sinceBest = 0;
  for (const point of points) {
    if (!best || sign * (best.value - point.value) > ANALYSIS.minRelativeImprovement * Math.abs(best.value)) {
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
    const unit = point.step !== undefined ? 'evaluations' : 'epochs';
    return {
      kind: 'plateau',
      ...at(point),
      bestEpoch: best.epoch,
      series: monitored.name,
      ...(stop ? { stop } : {}),
      detail: `${monitored.name} has not beaten its best ${formatNumber(best.value)} (${label(best)}) for ${PLATEAU.patience} ${unit} by ${label(point)}: ${action}`,
    };
  }
  return undefined;
}

/** The last `flatlineEpochs` epochs (at least) within a thousandth of their level: nothing is being learned. */
function flatline(monitored: Monitored, points: readonly Point[]): HistoryFinding | undefined {
  const tail = points.slice(-ANALYSIS.flatlineEpochs);
  if (points.length < 2 * ANALYSIS.flatlineEpochs || tail.length < ANALYSIS.flatlineEpochs) return undefined;
  const values = tail.map((p) => p.value);
  const level = Math.abs(median(values));
  if (!(level > 0) || Math.max(...values) - Math.min(...values) > ANALYSIS.flatlineTolerance * level) return undefined;
  let from = points.length - tail.length;
  while (from > 0 && Math.abs(points[from - 1]!.value - median(values)) <= ANALYSIS.flatlineTolerance * level) from--;
  const start = points[from]!;
  return {
    kind: 'plateau',
    ...at(start),
    bestEpoch: start.epoch,
    series: monitored.name,
    detail: `${monitored.name} has not moved (within ${ANALYSIS.flatlineTolerance * 100}% of ${formatNumber(median(values))}) since ${label(start)}: updates have stopped — a learning rate decayed to about zero, or frozen weights.`,
  };
}

/** Least-squares change over the last half of a per-step series, against its standard error. */
function flatTrend(monitored: Monitored): HistoryFinding | undefined {
  const points = smooth(monitored.points, 40);
  if (monitored.points.length < ANALYSIS.trendMinPoints || points.length < 8) return undefined;
  const half = points.slice(Math.floor(points.length / 2));
  const xs = half.map((p) => p.step ?? p.row);
  const ys = half.map((p) => p.value);
  const n = half.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  const sxx = xs.reduce((a, x) => a + (x - mx) ** 2, 0);
  if (!(sxx > 0)) return undefined;
  const slope = xs.reduce((a, x, i) => a + (x - mx) * (ys[i]! - my), 0) / sxx;
  const residual = Math.sqrt(ys.reduce((a, y, i) => a + (y - my - slope * (xs[i]! - mx)) ** 2, 0) / Math.max(1, n - 2));
  const span = xs.at(-1)! - xs[0]!;
  const change = slope * span;
  const uncertainty = ANALYSIS.trendSignificance * (residual / Math.sqrt(sxx)) * span;
  const improving = monitored.higherIsBetter ? change : -change;
  if (improving > Math.max(uncertainty, ANALYSIS.trendFraction * Math.abs(my))) return undefined;
  const start = half[0]!;
  return {
    kind: 'plateau',
    ...at(start),
    series: monitored.name,
    detail: `${monitored.name} has stopped improving since ${label(start)}: over the second half of the run its fitted change is ${formatNumber(Number(change.toPrecision(2)))} around ${formatNumber(Number(my.toPrecision(3)))}, within its noise. Decay the learning rate (GUIDE §5.3), or stop.`,
  };
}
