import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../src/bench/budget.js';
import { selectPlan } from '../../src/bench/command.js';
import { armRunOf, planJobs } from '../../src/bench/jobs.js';
import { METRICS, SCENARIOS } from '../../src/bench/scenarios.js';
import type { TrainSpec } from '../../src/bench/spec.js';
import { RULES } from '../../src/rules/index.js';

describe('scenario definitions', () => {
  it('has at least 12 scenarios with unique ids', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
  });

  it('ties every scenario to a registered rule (its type, RuleId, already says so)', () => {
    const registered = new Set(RULES.map((rule) => rule.id));
    expect(SCENARIOS.map((s) => s.ruleId).filter((id) => !registered.has(id))).toEqual([]);
  });

  it('covers the rules issue 7 lists', () => {
    expect(new Set(SCENARIOS.map((s) => s.ruleId))).toEqual(
      new Set(['learning-rate-range', 'batchnorm-small-batch', 'batch-size-extremes', 'dropout-before-batchnorm', 'dropout-range', 'weight-decay-range', 'momentum-range', 'loss-magnitude-gap', 'early-stopping-missing', 'plateau-policy', 'recurrent-dropout', 'search-log-scale', 'search-grid-size']),
    );
  });

  it('fixes one known metric per scenario in advance, with a direction and a minimal effect', () => {
    for (const s of SCENARIOS) {
      expect(Object.keys(METRICS)).toContain(s.metric);
      expect(s.minEffect).toBeGreaterThan(0);
      expect(s.higherIsBetter).toBe(s.metric !== 'epochsTrained');
    }
  });

  it('changes only the advised setting between the two arms', () => {
    const differences = (a: TrainSpec, b: TrainSpec) => Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k as keyof TrainSpec]) !== JSON.stringify(b[k as keyof TrainSpec]));
    const changed = Object.fromEntries(
      SCENARIOS.map((s) => {
        const baseline = s.baseline.run(BUDGETS.quick, 1);
        const advised = s.advised.run(BUDGETS.quick, 1);
        if (baseline.kind !== 'train' || advised.kind !== 'train') return [s.id, 'search'];
        return [s.id, differences(baseline.spec, advised.spec).join(',')];
      }),
    );
    expect(changed).toEqual({
      'learning-rate-range': 'optimizer',
      'learning-rate-range-finetune': 'optimizer',
      'batchnorm-small-batch': 'batchSize',
      'batch-size-extremes': 'batchSize',
      'dropout-before-batchnorm': 'layers',
      'dropout-range': 'layers',
      'weight-decay-range': 'layers',
      'momentum-range-low': 'optimizer',
      'momentum-range-high': 'optimizer',
      'loss-magnitude-gap': 'lossWeights',
      'early-stopping-missing': 'earlyStopping',
      'plateau-policy': 'plateau',
      'recurrent-dropout': 'layers',
      'search-log-scale': 'search',
      'search-grid-size': 'search',
    });
  });

  it('gives both arms of a search the same number of trials', () => {
    for (const s of SCENARIOS.filter((x) => x.curveAxis === 'trial')) {
      const [baseline, advised] = [s.baseline.run(BUDGETS.full, 2), s.advised.run(BUDGETS.full, 2)];
      expect(baseline.kind === 'search' && advised.kind === 'search' && baseline.trials.length === advised.trials.length).toBe(true);
    }
  });

  it('samples learning rates on a linear scale in the baseline and a log scale in the advised search', () => {
    const s = SCENARIOS.find((x) => x.id === 'search-log-scale')!;
    const rates = (run: ReturnType<typeof s.baseline.run>) => (run.kind === 'search' ? run.trials.map((t) => t.optimizer.learningRate) : []);
    const below = (xs: number[]) => xs.filter((x) => x < 1e-2).length;
    expect(below(rates(s.baseline.run(BUDGETS.full, 3)))).toBeLessThanOrEqual(2);
    expect(below(rates(s.advised.run(BUDGETS.full, 3)))).toBeGreaterThanOrEqual(4);
  });

  it('documents every scenario in docs/bench.md', () => {
    const docs = readFileSync(new URL('../../docs/bench.md', import.meta.url), 'utf8');
    expect(SCENARIOS.filter((s) => !docs.includes(`\`${s.id}\``)).map((s) => s.id)).toEqual([]);
  });
});

describe('planning', () => {
  it('goes round-robin over seeds so an interrupted run keeps every scenario', () => {
    const jobs = planJobs({ scenarios: SCENARIOS.slice(0, 2), batchTime: false, sweep: false }, BUDGETS.quick, 2);
    expect(jobs.map((j) => (j.kind === 'scenario' ? `${j.scenarioId}:${j.arm}:${j.seed}` : j.kind))).toEqual([
      'learning-rate-range:baseline:1', 'learning-rate-range:advised:1', 'learning-rate-range-finetune:baseline:1', 'learning-rate-range-finetune:advised:1',
      'learning-rate-range:baseline:2', 'learning-rate-range:advised:2', 'learning-rate-range-finetune:baseline:2', 'learning-rate-range-finetune:advised:2',
    ]);
  });

  it('plans the §3 and §7 experiments after the first seed', () => {
    const jobs = planJobs(selectPlan([]), BUDGETS.quick, 3);
    expect(jobs.filter((j) => j.kind === 'batchTime')).toHaveLength(8);
    expect(jobs.filter((j) => j.kind === 'sweep')).toHaveLength(7 * 5);
    expect(jobs.findIndex((j) => j.kind === 'batchTime')).toBe(SCENARIOS.length * 2);
    expect(armRunOf({ kind: 'sweep', optimizer: 'momentum', learningRate: 0.01, seed: 1 }, BUDGETS.quick)).toMatchObject({ kind: 'train', spec: { optimizer: { name: 'momentum', learningRate: 0.01, momentum: 0.9 } } });
  });

  it('selects by scenario id, by rule id, or an experiment, and rejects unknown ids', () => {
    expect(selectPlan(['momentum-range']).scenarios.map((s) => s.id)).toEqual(['momentum-range-low', 'momentum-range-high']);
    expect(selectPlan(['batch-size-time'])).toEqual({ scenarios: [], batchTime: true, sweep: false });
    expect(() => selectPlan(['no-such-thing'])).toThrow(/unknown bench scenario "no-such-thing"; known: learning-rate-range/);
  });
});
