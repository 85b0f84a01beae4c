import { ANALYSIS } from './finding.js';
import type { HistoryFinding } from './finding.js';
import { at, label, smooth } from './series.js';
import type { Series } from './series.js';

/**
 * The training loss swings up and down instead of descending: in a window of `oscillationWindow` points
 * (epochs, or windows of logged steps, whose batch noise is averaged out first) it changes direction at
 * least `oscillationReversals` times, with mean swings of at least `oscillationSwing` of its level.
 */
export function findOscillation(train: Series, stepBased: boolean): HistoryFinding | undefined {
  // A short per-step log is batch noise, not epochs: only averaged windows of several steps can show a swing.
  if (stepBased && train.points.length < ANALYSIS.oscillationMinSteps) return undefined;
  const points = smooth(train.points);
  const size = ANALYSIS.oscillationWindow;
  for (let start = 0; start + size <= points.length; start++) {
    const window = points.slice(start, start + size);
    const steps = window.slice(1).map((p, i) => p.value - window[i]!.value);
    const reversals = steps.slice(1).filter((d, i) => Math.sign(d) !== 0 && Math.sign(d) === -Math.sign(steps[i]!)).length;
    const level = window.reduce((sum, p) => sum + Math.abs(p.value), 0) / size;
    const swing = steps.reduce((sum, d) => sum + Math.abs(d), 0) / steps.length;
    if (reversals >= ANALYSIS.oscillationReversals && level > 0 && swing >= ANALYSIS.oscillationSwing * level) {
      const first = window[0]!;
      return {
        kind: 'oscillation',
        ...at(first),
        series: train.name,
        detail: `${train.name} changes direction ${reversals} times in the ${size} points from ${label(first)}, swinging ${Math.round((100 * swing) / level)}% of its level: the rate is too large to settle.`,
      };
    }
  }
  return undefined;
}
