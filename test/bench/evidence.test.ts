import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { armConfigs } from '../../src/bench/arms.js';
import { BUDGETS } from '../../src/bench/budget.js';
import { toEvidence } from '../../src/bench/evidence-build.js';
import { resultsSection } from '../../src/bench/evidence-docs.js';
import { loadEvidence } from '../../src/bench/evidence.js';
import type { BenchResults } from '../../src/bench/results.js';
import { SCENARIOS } from '../../src/bench/scenarios.js';
import { markdownTable } from '../../src/bench/summary.js';

const read = (relative: string) => readFileSync(new URL(`../../${relative}`, import.meta.url), 'utf8');

/** The committed full run, the evidence the advisor cites, and the docs' table must be one and the same run. */
describe('committed bench evidence', () => {
  const results = JSON.parse(read('docs/bench-run/results.json')) as BenchResults;

  it('is regenerated from docs/bench-run/results.json (node scripts/bench-evidence.mjs)', () => {
    expect(loadEvidence()).toEqual(JSON.parse(JSON.stringify(toEvidence(results))));
  });

  it('matches the results table of docs/bench.md', () => {
    expect(resultsSection(read('docs/bench.md'))).toBe(markdownTable(results));
  });

  it('is a paired run of the current scenarios, with its provenance', () => {
    expect(results.environment.commit).toMatch(/^[0-9a-f]{40}/);
    expect(results.environment.cpuModel).not.toBe('');
    expect(results.statistics.correction).toBe('holm');
    const ids = new Set(SCENARIOS.map((s) => s.id));
    for (const scenario of results.scenarios) {
      expect(ids.has(scenario.id), scenario.id).toBe(true);
      expect(scenario.effect.paired).toBe(true);
      expect(scenario.baseline.values).toHaveLength(scenario.seeds.length);
    }
  });

  it('tested what the rules suggest and measure today: a changed suggestion or metric needs a new run', () => {
    for (const scenario of results.scenarios) {
      const current = SCENARIOS.find((s) => s.id === scenario.id);
      expect(scenario.metric, scenario.id).toBe(current?.metric);
      expect(scenario.minimalEffect, scenario.id).toBe(current?.minimalEffect);
      const today = current ? armConfigs(current, BUDGETS[results.budget], scenario.seeds[0] ?? 1).suggestions.map(({ path, value }) => ({ path, value })) : [];
      expect(scenario.advice, scenario.id).toEqual(today);
    }
  });
});
