import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../src/bench/budget.js';
import { writeOutputs } from '../../src/bench/command.js';
import { toEvidence } from '../../src/bench/evidence-build.js';
import { evidenceFor, loadEvidence } from '../../src/bench/evidence.js';
import { analyzeSweep, areaUnderCurve } from '../../src/bench/experiments.js';
import { mergeRunDirs } from '../../src/bench/merge.js';
import type { JobResult } from '../../src/bench/jobs.js';
import { renderReport } from '../../src/bench/report.js';
import { collect } from '../../src/bench/results.js';
import { appendRun, poolRuns, readRuns } from '../../src/bench/store.js';
import { summaryTable } from '../../src/bench/summary.js';
import { CANNED_SCENARIOS, cannedJobs, cannedRun, RUN_INFO } from './fixtures.js';

describe('results.json', () => {
  it('has issue 7’s shape with issue 16’s paired statistics and provenance', () => {
    const { results } = cannedRun();
    expect(Object.keys(results)).toEqual(['tool', 'backend', 'backendFallback', 'environment', 'budget', 'statistics', 'scenarios']);
    expect(results.tool).toEqual({ name: 'hplint', version: '0.1.0' });
    expect(Object.keys(results.environment)).toEqual(['cpus', 'cpuModel', 'memoryGiB', 'machine', 'node', 'tfjs', 'commit', 'date', 'load']);
    expect(results.backendFallback).toEqual({ order: ['node', 'wasm', 'cpu'], notUsed: ["node: Cannot find package '@tensorflow/tfjs-node'"] });
    expect(results.statistics).toMatchObject({ tests: 2, correction: 'holm', confidence: 0.95 });
    expect(results.scenarios.map((s) => s.id)).toEqual(['learning-rate-range', 'early-stopping-missing']);
    const [lr] = results.scenarios;
    expect(Object.keys(lr!)).toEqual([
      'id', 'ruleId', 'title', 'data', 'metric', 'higherIsBetter', 'seeds', 'baseline', 'advised', 'effect', 'minimalEffect', 'verdict', 'p', 'selection', 'advice', 'measures', 'wallSeconds', 'pHolm',
    ]);
    expect(lr).toMatchObject({ ruleId: 'learning-rate-range', metric: 'testAccuracy', higherIsBetter: true, seeds: [1, 2, 3], verdict: 'validated', selection: 'none', minimalEffect: 0.005, wallSeconds: 12 });
    expect(lr!.effect.paired).toBe(true);
    expect(lr!.effect.mean).toBeCloseTo(0.8067, 4);
    expect(lr!.baseline.values).toEqual([0.1, 0.12, 0.09]);
    // The advised value is the rule's own suggestion for the baseline config.
    expect(lr!.advice).toEqual([{ path: '/optimizer/learningRate', value: 0.01 }]);
  });

  it('measures early stopping in epochs, lower is better, on the validation split, and reports the test accuracy beside it', () => {
    const stopping = cannedRun().results.scenarios[1]!;
    expect(stopping).toMatchObject({ metric: 'epochsTrained', higherIsBetter: false, verdict: 'validated', selection: 'validation' });
    expect(stopping.effect.mean).toBeCloseTo(28.67, 2);
    expect(stopping.measures.accuracy!.effect.mean).toBeCloseTo(-0.005, 10);
  });

  it('pairs only seeds that both arms finished', () => {
    const jobs = cannedJobs().filter((r) => !(r.job.kind === 'scenario' && r.job.arm === 'advised' && r.job.seed === 2));
    const lr = cannedRun(jobs).results.scenarios[0]!;
    expect(lr.seeds).toEqual([1, 3]);
    expect(lr.baseline.values).toEqual([0.1, 0.09]);
  });

  it('prints a terminal summary table', () => {
    const { results, details } = cannedRun();
    const lines = summaryTable(results, details).split('\n');
    expect(lines[0]).toMatch(/^scenario\s+rule\s+baseline\s+advised\s+effect\s+95% CI\s+minimal\s+seeds\s+pHolm\s+verdict$/);
    expect(lines[2]).toMatch(/^learning-rate-range\s+learning-rate-range\s+10\.3% ± 1\.5%\s+91\.0% ± 1\.0%\s+\+80\.7 pts\s+\[\d+\.\d, \d+\.\d\]\s+0\.5 pts\s+3\s+\S+\s+validated$/);
    expect(lines[3]).toMatch(/^early-stopping-missing .*28\.7 epochs saved .* validated$/);
    expect(lines.join('\n')).toContain('2 validated, 0 no-effect, 0 contradicted, 0 inconclusive (2 tests');
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
  it('is one self-contained page with the verdicts, the effect plot, mean ± interval curves, the sweep with §7 shaded and the machine', () => {
    const { results, details } = cannedRun();
    const html = renderReport(results, details);
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src="http/);
    expect(html.match(/<tr class="verdict-row"/g)).toHaveLength(2);
    expect(html).toContain('<td class="validated">validated</td>');
    // The effect plot, two learning-curve charts, the §3 chart and one §7 small multiple.
    expect(html.match(/<svg /g)).toHaveLength(5);
    expect(html.match(/<svg [^>]*class="chart forest"/g)).toHaveLength(1);
    expect(html.match(/<line class="interval"/g)).toHaveLength(2);
    // Mean ± interval bands: two arms in two scenarios and three batch sizes (one seed each: a flat band).
    expect(html.match(/<polygon class="interval-band"/g)?.length).toBe(4 + 3);
    expect(html.match(/<rect class="range-band"/g)).toHaveLength(1);
    expect(html).toContain('<b id="smallest-fast-batch">32</b>');
    expect(html).toContain('<b id="backend">wasm</b>');
    expect(html).toContain('fallback order: node → wasm → cpu');
    expect(html).toContain('2 × Test CPU @ 2.0GHz');
    expect(html).toContain('<tr class="sweep-row"><td>adam</td>');
    expect(html).toContain('<b>adadelta</b>');
  });

  it('wraps long legend labels instead of letting them run off the chart', () => {
    const { results, details } = cannedRun();
    const long = { ...details, scenarios: details.scenarios.map((s) => ({ ...s, advised: { ...s.advised, label: 'a very long label '.repeat(6) } })) };
    const html = renderReport(results, long);
    const legendLines = [...html.matchAll(/<text [^>]*class="legend">([^<]*)<\/text>/g)].map((m) => m[1] ?? '').filter((l) => l.includes('long'));
    expect(legendLines.length).toBeGreaterThan(2);
    // 250 px of legend hold about 36 characters of 11 px text.
    expect(Math.max(...legendLines.map((l) => l.length))).toBeLessThanOrEqual(40);
  });

  it('escapes text from the results', () => {
    const { results, details } = cannedRun();
    const html = renderReport({ ...results, backend: '<b>x</b>' }, details);
    expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
  });
});

describe('evidence', () => {
  it('turns results.json alone into citable claims with the run’s date, commit and machine', () => {
    const { results } = cannedRun();
    const evidence = toEvidence(results);
    expect(evidence).toMatchObject({ date: '2026-11-29', backend: 'wasm', budget: 'quick', commit: '0123456789abcdef0123456789abcdef01234567', machine: '2 × Test CPU @ 2.0GHz, Linux 6.1 x64' });
    expect(evidence.scenarios.map((e) => e.claim)).toEqual([
      expect.stringMatching(/^validated on MNIST: \+80\.7 points over 3 paired seeds \(95% CI \d+\.\d to \d+\.\d\)$/),
      expect.stringMatching(/^validated on MNIST: \+28\.7 epochs saved over 3 paired seeds/),
    ]);
  });

  it('loads the committed evidence without TF.js, one entry per scenario of a rule', () => {
    const evidence = loadEvidence();
    expect(evidence.scenarios.length).toBeGreaterThan(0);
    for (const entry of evidence.scenarios) expect(evidenceFor(entry.ruleId, evidence)).toContainEqual(entry);
    expect(evidenceFor('no-such-rule', evidence)).toEqual([]);
  });
});

describe('runs.jsonl: resuming and merging', () => {
  const withDir = (body: (dir: string) => void) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hplint-bench-'));
    try {
      body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('appends each finished run and reads them back, skipping a line cut short by a kill', () => {
    withDir((dir) => {
      const [first, second] = cannedJobs();
      appendRun(dir, 'quick', first!);
      appendRun(dir, 'quick', second!);
      writeFileSync(path.join(dir, 'runs.jsonl'), '{"budget":"quick","job":', { flag: 'a' });
      expect(readRuns(dir, 'quick')).toEqual([first, second]);
      expect(() => readRuns(dir, 'full')).toThrow(/quick-budget run cannot be resumed or merged with the full budget/);
    });
  });

  it('refuses to pool the same seed of the same arm twice', () => {
    const jobs = cannedJobs();
    expect(() => poolRuns([{ dir: 'a', runs: jobs }, { dir: 'b', runs: jobs.slice(0, 1) }])).toThrow(/duplicate run "scenario learning-rate-range baseline 1" in a and b/);
  });

  it('merges runs with different seeds into one paired comparison, and refuses overlapping seeds', () => {
    withDir((root) => {
      const write = (name: string, jobs: readonly JobResult[]) => {
        const dir = path.join(root, name);
        mkdirSync(dir);
        for (const job of jobs) appendRun(dir, 'quick', job);
        writeOutputs(dir, { scenarios: CANNED_SCENARIOS, batchTime: true, sweep: true }, BUDGETS.quick, jobs, RUN_INFO);
        return dir;
      };
      const a = write('a', cannedJobs([1, 2, 3]));
      const b = write('b', cannedJobs([4, 5, 6]).filter((r) => r.job.kind === 'scenario'));
      const merged = mergeRunDirs([a, b]);
      const { results } = collect({ scenarios: merged.plan.scenarios, jobs: merged.jobs, budget: merged.budget, includeBatchTime: merged.plan.batchTime, includeSweep: merged.plan.sweep, run: merged.run });
      const lr = results.scenarios.find((s) => s.id === 'learning-rate-range')!;
      expect(lr.seeds).toEqual([1, 2, 3, 4, 5, 6]);
      expect(merged.plan.sweep).toBe(true);
      const single = cannedRun().results.scenarios[0]!;
      expect(lr.effect.ci95![1] - lr.effect.ci95![0]).toBeLessThan(single.effect.ci95![1] - single.effect.ci95![0]);
      const overlapping = write('c', cannedJobs([3]).filter((r) => r.job.kind === 'scenario'));
      expect(() => mergeRunDirs([a, overlapping])).toThrow(/duplicate run "scenario learning-rate-range baseline 3"/);
    });
  });
});
