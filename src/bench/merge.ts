import type { ArmDetails, BenchDetails, Collected, ScenarioDetails, ScenarioResult } from './results.js';
import { scenarioById } from './scenarios.js';
import { compare, summarize } from './stats.js';

/**
 * Merges runs of the same scenarios with different seeds (e.g. seeds 1–3 and a `--first-seed 4` run) into
 * one, recomputing every statistic from the pooled values. Experiments come from the first run that has them.
 */
export function mergeRuns(runs: readonly Collected[]): Collected {
  const [first] = runs;
  if (!first) throw new Error('nothing to merge');
  const ids = [...new Set(runs.flatMap((run) => run.results.scenarios.map((s) => s.id)))];
  const scenarios: ScenarioResult[] = [];
  const details: ScenarioDetails[] = [];
  for (const id of ids) {
    const parts = runs.flatMap((run) => {
      const result = run.results.scenarios.find((s) => s.id === id);
      const detail = run.details.scenarios.find((s) => s.id === id);
      return result && detail ? [{ result, detail }] : [];
    });
    const [head] = parts;
    const scenario = scenarioById(id);
    if (!head || !scenario) continue;
    const pool = (arm: 'baseline' | 'advised') => summarize(parts.flatMap((p) => p.result[arm].values));
    const baseline = pool('baseline');
    const advised = pool('advised');
    scenarios.push({
      ...head.result,
      seeds: parts.reduce((sum, p) => sum + p.result.seeds, 0),
      baseline,
      advised,
      ...compare(baseline.values, advised.values, scenario),
      wallSeconds: Math.round(parts.reduce((sum, p) => sum + p.result.wallSeconds, 0) * 10) / 10,
    });
    const arm = (name: 'baseline' | 'advised'): ArmDetails => ({
      label: head.detail[name].label,
      curves: parts.flatMap((p) => p.detail[name].curves),
      accuracy: summarize(parts.flatMap((p) => p.detail[name].accuracy.values)),
    });
    details.push({ ...head.detail, baseline: arm('baseline'), advised: arm('advised') });
  }
  const merged: BenchDetails = {
    ...first.details,
    wallSeconds: runs.reduce((sum, run) => sum + run.details.wallSeconds, 0),
    interrupted: runs.some((run) => run.details.interrupted),
    failures: runs.flatMap((run) => run.details.failures),
    scenarios: details,
    batchTime: runs.find((run) => run.details.batchTime)?.details.batchTime ?? null,
    sweep: runs.find((run) => run.details.sweep)?.details.sweep ?? null,
  };
  return { results: { ...first.results, scenarios }, details: merged };
}
