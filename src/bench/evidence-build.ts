import type { Evidence, EvidenceEntry } from './evidence-format.js';
import { claimOf } from './evidence-format.js';
import { BUDGETS } from './budget.js';
import type { BenchResults, ScenarioResult } from './results.js';
import { METRICS, scenarioById } from './scenarios.js';
import { valueAtPointer } from '../model/pointer.js';

/** Turns a run's results.json into the compact evidence form: a pure function of results.json alone. */
export function toEvidence(results: BenchResults): Evidence {
  const scenarios = results.scenarios.map((r): EvidenceEntry => {
    const scale = METRICS[r.metric].percent ? 100 : 1;
    const round = (n: number) => Math.round(n * scale * 100) / 100;
    const entry = {
      scenario: r.id,
      ruleId: r.ruleId,
      title: r.title,
      data: r.data === 'synthetic' ? ('synthetic data' as const) : ('MNIST' as const),
      metric: METRICS[r.metric].label,
      verdict: r.verdict,
      effect: round(r.effect.mean),
      ci95: r.effect.ci95 ? ([round(r.effect.ci95[0]), round(r.effect.ci95[1])] as const) : null,
      minimalEffect: round(r.minimalEffect),
      unit: METRICS[r.metric].percent ? ('points' as const) : ('epochs' as const),
      seeds: r.seeds.length,
      ...moved(r, results),
    };
    return { ...entry, claim: claimOf(entry) };
  });
  const env = results.environment;
  return {
    generatedBy: `hplint ${results.tool.version} bench`,
    date: env.date.slice(0, 10),
    commit: env.commit,
    machine: `${env.cpus} × ${env.cpuModel}, ${env.machine}`,
    backend: results.backend,
    budget: results.budget,
    scenarios,
  };
}

/** Up or down: the advised value against the baseline config's value at the same path, for a numeric change. */
function moved(r: ScenarioResult, results: BenchResults): { moved?: 'up' | 'down' } {
  const scenario = scenarioById(r.id);
  const advice = r.advice[0];
  if (!scenario || !advice || typeof advice.value !== 'number' || r.seeds[0] === undefined) return {};
  const before = valueAtPointer(scenario.config(BUDGETS[results.budget], r.seeds[0]), advice.path);
  if (typeof before !== 'number' || before === advice.value) return {};
  return { moved: advice.value > before ? 'up' : 'down' };
}
