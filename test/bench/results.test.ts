import { describe, expect, it } from 'vitest';
import { toEvidence } from '../../src/bench/evidence-build.js';
import { evidenceFor, loadEvidence } from '../../src/bench/evidence.js';
import { analyzeSweep, areaUnderCurve } from '../../src/bench/experiments.js';
import { mergeRuns } from '../../src/bench/merge.js';
import { renderReport } from '../../src/bench/report.js';
import { summaryTable } from '../../src/bench/summary.js';
import { cannedRun } from './fixtures.js';

describe('results.json', () => {
  it('has exactly the shape of issue 7', () => {
    const { results } = cannedRun();
    expect(Object.keys(results)).toEqual(['tool', 'backend', 'environment', 'scenarios']);
    expect(results.tool).toEqual({ name: 'hplint', version: '0.1.0' });
    expect(Object.keys(results.environment)).toEqual(['cpus', 'node', 'tfjs']);
    expect(results.scenarios.map((s) => s.id)).toEqual(['learning-rate-range', 'early-stopping-missing']);
    const [lr] = results.scenarios;
    expect(Object.keys(lr!)).toEqual(['id', 'ruleId', 'metric', 'higherIsBetter', 'seeds', 'baseline', 'advised', 'effect', 'ci95', 'verdict', 'wallSeconds']);
    expect(lr).toMatchObject({ ruleId: 'learning-rate-range', metric: 'testAccuracy', higherIsBetter: true, seeds: 3, verdict: 'validated', wallSeconds: 12 });
    expect(lr!.baseline.values).toEqual([0.1, 0.12, 0.09]);
    expect(lr!.effect).toBeCloseTo(0.8067, 4);
  });

  it('measures early stopping in epochs, lower is better', () => {
    const stopping = cannedRun().results.scenarios[1]!;
    expect(stopping).toMatchObject({ metric: 'epochsTrained', higherIsBetter: false, verdict: 'validated' });
    expect(stopping.effect).toBeCloseTo(28.67, 2);
  });

  it('prints a terminal summary table', () => {
    const { results, details } = cannedRun();
    const lines = summaryTable(results, details).split('\n');
    expect(lines[0]).toMatch(/^scenario\s+rule\s+baseline\s+advised\s+effect\s+95% CI\s+seeds\s+verdict$/);
    expect(lines[2]).toMatch(/^learning-rate-range\s+learning-rate-range\s+10\.3% ± 1\.5%\s+91\.0% ± 1\.0%\s+\+80\.7 pts\s+\[\d+\.\d, \d+\.\d\]\s+3\s+validated$/);
    expect(lines[3]).toMatch(/^early-stopping-missing .*28\.7 epochs saved .* validated$/);
    expect(lines).toContain('GUIDE §3: smallest batch with fast improvement: 32');
  });
});

describe('experiments', () => {
  it('averages accuracy over the time budget step-wise', () => {
    const curve = [{ epoch: 1, seconds: 1, accuracy: 0.5, loss: 1 }, { epoch: 2, seconds: 3, accuracy: 0.9, loss: 1 }];
    // 0 for the first second, 0.5 for two seconds, 0.9 for the last one: (0 + 1 + 0.9) / 4.
    expect(areaUnderCurve(curve, 4)).toBeCloseTo(0.475, 10);
  });

  it('places the best rate of a sweep against the §7 row', () => {
    const rows = analyzeSweep([
      { optimizer: 'sgd', learningRate: 0.1, accuracies: [0.9] },
      { optimizer: 'sgd', learningRate: 1, accuracies: [0.92] },
      { optimizer: 'adam', learningRate: 0.01, accuracies: [0.95] },
      { optimizer: 'adam', learningRate: 0.001, accuracies: [0.945] },
    ]);
    expect(rows.map((r) => [r.optimizer, r.bestRate, r.placement, r.goodRange])).toEqual([
      ['sgd', 1, 'above', { low: 1, high: 1 }],
      ['adam', 0.01, 'inside', { low: 0.001, high: 0.01 }],
    ]);
  });
});

describe('report.html', () => {
  it('is one self-contained page with the verdict rows and the charts', () => {
    const { results, details } = cannedRun();
    const html = renderReport(results, details);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html.match(/<tr class="verdict-row"/g)).toHaveLength(2);
    expect(html).toContain('<td class="validated">validated</td>');
    // Two learning-curve charts, the §3 chart and the §7 chart.
    expect(html.match(/<svg /g)).toHaveLength(4);
    expect(html.match(/<polyline class="series"/g)?.length).toBe(12 + 3 + 1);
    expect(html).toContain('<b id="smallest-fast-batch">32</b>');
    expect(html).toContain('<b id="backend">wasm</b>');
    expect(html).toContain('Backends not used: node: Cannot find package &#39;@tensorflow/tfjs-node&#39;'.replace(/&#39;/g, "'"));
    expect(html).toContain('<tr class="sweep-row"><td>adam</td>');
  });

  it('escapes text from the results', () => {
    const { results, details } = cannedRun();
    const html = renderReport({ ...results, backend: '<b>x</b>' }, details);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('evidence', () => {
  it('turns results into citable claims', () => {
    const { results, details } = cannedRun();
    const evidence = toEvidence(results, details, new Date('2026-11-29T00:00:00Z'));
    expect(evidence).toMatchObject({ date: '2026-11-29', backend: 'wasm', budget: 'quick' });
    expect(evidence.scenarios.map((e) => e.claim)).toEqual([
      expect.stringMatching(/^validated on MNIST: \+80\.7 points over 3 seeds \(95% CI \d+\.\d to \d+\.\d\)$/),
      expect.stringMatching(/^validated on MNIST: \+28\.7 epochs saved over 3 seeds/),
    ]);
  });

  it('loads the committed evidence without TF.js, one entry per scenario of a rule', () => {
    const evidence = loadEvidence();
    expect(evidence.scenarios.length).toBeGreaterThan(0);
    for (const entry of evidence.scenarios) expect(evidenceFor(entry.ruleId, evidence)).toContainEqual(entry);
    expect(evidenceFor('no-such-rule', evidence)).toEqual([]);
  });
});

describe('merging runs', () => {
  it('pools the seeds of two runs and recomputes the statistics', () => {
    const run = cannedRun();
    const merged = mergeRuns([run, run]);
    const [lr] = merged.results.scenarios;
    expect(lr).toMatchObject({ id: 'learning-rate-range', seeds: 6, verdict: 'validated', wallSeconds: 24 });
    expect(lr!.baseline.values).toEqual([0.1, 0.12, 0.09, 0.1, 0.12, 0.09]);
    // Same mean, narrower interval with twice the seeds.
    const single = run.results.scenarios[0]!;
    expect(lr!.effect).toBeCloseTo(single.effect, 12);
    expect(lr!.ci95![1] - lr!.ci95![0]).toBeLessThan(single.ci95![1] - single.ci95![0]);
    expect(merged.details.scenarios[0]!.advised.curves).toHaveLength(6);
    expect(merged.details.batchTime).toEqual(run.details.batchTime);
  });
});
