import type { Evidence, EvidenceEntry } from './evidence-format.js';
import { claimOf } from './evidence-format.js';
import type { BenchDetails, BenchResults } from './results.js';
import { METRICS } from './scenarios.js';

/** Turns a run's results into the compact evidence form. */
export function toEvidence(results: BenchResults, details: BenchDetails, date: Date): Evidence {
  const scenarios = results.scenarios.map((r): EvidenceEntry => {
    const d = details.scenarios.find((s) => s.id === r.id);
    const scale = METRICS[r.metric].percent ? 100 : 1;
    const round = (n: number) => Math.round(n * scale * 100) / 100;
    const entry = {
      scenario: r.id,
      ruleId: r.ruleId,
      title: d?.title ?? r.id,
      data: d?.data === 'synthetic' ? ('synthetic data' as const) : ('MNIST' as const),
      metric: METRICS[r.metric].label,
      verdict: r.verdict,
      effect: round(r.effect),
      ci95: r.ci95 ? ([round(r.ci95[0]), round(r.ci95[1])] as const) : null,
      unit: METRICS[r.metric].percent ? ('points' as const) : ('epochs' as const),
      seeds: r.seeds,
    };
    return { ...entry, claim: claimOf(entry) };
  });
  return { generatedBy: `hplint ${results.tool.version} bench`, date: date.toISOString().slice(0, 10), backend: results.backend, budget: details.budget, scenarios };
}
