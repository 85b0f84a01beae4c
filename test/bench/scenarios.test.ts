import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGETS } from '../../src/bench/budget.js';
import { selectPlan } from '../../src/bench/command.js';
import { armConfigs, scenarioRun } from '../../src/bench/arms.js';
import { defaultWorkers, listScenarios } from '../../src/bench/command.js';
import { drawSplit, loadMnist } from '../../src/bench/data.js';
import { armRunOf, planJobs } from '../../src/bench/jobs.js';
import { METRICS, scenarioById, SCENARIOS } from '../../src/bench/scenarios.js';
import type { TrainSpec } from '../../src/bench/spec.js';
import { lintText, RULES } from '../../src/rules/index.js';

/** The value at a JSON pointer. */
function at(value: unknown, pointer: string): unknown {
  return pointer.split('/').slice(1).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);
}

describe('scenario definitions', () => {
  it('has at least 12 scenarios with unique ids', () => {
    expect(SCENARIOS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(SCENARIOS.map((s) => s.id)).size).toBe(SCENARIOS.length);
  });

  it('ties every scenario to a registered rule (its type, RuleId, already says so)', () => {
    const registered = new Set(RULES.map((rule) => rule.id));
    expect(SCENARIOS.map((s) => s.ruleId).filter((id) => !registered.has(id))).toEqual([]);
  });

  it('covers the rules issue 7 lists, and the §7 boundary for two optimizers', () => {
    expect(SCENARIOS.filter((s) => s.ruleId === 'learning-rate-range').map((s) => armConfigs(s, BUDGETS.quick, 1).baseline.optimizer.name)).toEqual(['adam', 'sgd', 'adam']);
    expect(new Set(SCENARIOS.map((s) => s.ruleId))).toEqual(
      new Set(['learning-rate-range', 'batchnorm-small-batch', 'batch-size-extremes', 'dropout-before-batchnorm', 'dropout-range', 'weight-decay-range', 'momentum-range', 'loss-magnitude-gap', 'early-stopping-missing', 'plateau-policy', 'recurrent-dropout', 'search-log-scale', 'search-grid-size']),
    );
  });

  it('fixes one known metric per scenario in advance, with a direction and a minimal effect', () => {
    for (const s of SCENARIOS) {
      expect(Object.keys(METRICS)).toContain(s.metric);
      expect(s.minimalEffect).toBeGreaterThan(0);
      expect(s.higherIsBetter).toBe(s.metric !== 'epochsTrained');
      expect(s.design.length).toBeGreaterThan(40);
    }
  });

  it('takes the advised value from the rule’s own suggestion on the baseline config', () => {
    for (const s of SCENARIOS) {
      const { baseline, advised } = armConfigs(s, BUDGETS.quick, 1);
      const findings = lintText(JSON.stringify(baseline), { filePath: 'x.json' }).diagnostics.filter((d) => d.ruleId === s.ruleId);
      expect(findings.length, s.id).toBeGreaterThan(0);
      for (const finding of findings) {
        const set = finding.suggestion?.edits?.find((e) => e.op === 'set');
        if (set) expect(at(advised, set.path), `${s.id} ${set.path}`).toEqual(set.value);
      }
    }
  });

  it('changes only the advised setting between the two arms', () => {
    const differences = (a: TrainSpec, b: TrainSpec) => Object.keys({ ...a, ...b }).filter((k) => JSON.stringify(a[k as keyof TrainSpec]) !== JSON.stringify(b[k as keyof TrainSpec]));
    const changed = Object.fromEntries(
      SCENARIOS.map((s) => {
        const baseline = scenarioRun(s, 'baseline', BUDGETS.quick, 1);
        const advised = scenarioRun(s, 'advised', BUDGETS.quick, 1);
        if (baseline.kind !== 'train' || advised.kind !== 'train') return [s.id, 'search'];
        return [s.id, differences(baseline.spec, advised.spec).join(',')];
      }),
    );
    expect(changed).toEqual({
      'learning-rate-range': 'optimizer',
      'learning-rate-range-sgd': 'optimizer',
      'learning-rate-range-finetune': 'optimizer',
      'batchnorm-small-batch': 'batchSize',
      'batchnorm-small-batch-time': 'batchSize',
      // The rule rescales the rate with the batch (one suggestion, two edits).
      'batch-size-extremes': 'optimizer,batchSize',
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

  it('holds momentum’s effective rate lr / (1 − β) equal in momentum-range-low', () => {
    const s = scenarioById('momentum-range-low')!;
    const { baseline, advised } = armConfigs(s, BUDGETS.full, 1);
    const effective = (c: typeof baseline) => c.optimizer.learningRate / (1 - (c.optimizer.momentum ?? 0));
    expect(advised.optimizer.momentum).toBe(0.9);
    expect(effective(advised)).toBeCloseTo(effective(baseline), 10);
  });

  it('watches a validation split wherever a scenario stops, changes the rate or chooses on a metric', () => {
    for (const s of SCENARIOS) {
      const runs = [scenarioRun(s, 'baseline', BUDGETS.quick, 1), scenarioRun(s, 'advised', BUDGETS.quick, 1)];
      const specs = runs.flatMap((r) => (r.kind === 'train' ? [r.spec] : r.trials));
      const decides = runs.some((r) => r.kind === 'search') || specs.some((spec) => spec.earlyStopping || spec.plateau);
      expect(s.selection, s.id).toBe(decides ? 'validation' : 'none');
      if (decides) for (const spec of specs) expect(spec.data.validationSize, s.id).toBeGreaterThan(0);
    }
  });

  it('gives both arms of a search the same number of trials, stops the grid at its budget, and draws the grid’s offset from the seed', () => {
    for (const s of SCENARIOS.filter((x) => x.curveAxis === 'trial')) {
      const [baseline, advised] = [scenarioRun(s, 'baseline', BUDGETS.full, 2), scenarioRun(s, 'advised', BUDGETS.full, 2)];
      expect(baseline.kind === 'search' && advised.kind === 'search' && baseline.trials.length === advised.trials.length).toBe(true);
    }
    const grid = scenarioById('search-grid-size')!;
    const rates = (seed: number) => {
      const run = scenarioRun(grid, 'baseline', BUDGETS.full, seed);
      return run.kind === 'search' ? [...new Set(run.trials.map((t) => t.optimizer.learningRate))] : [];
    };
    // 64 combinations, 8 trials, the rate varying slowest: the budget ends before the second rate.
    expect(rates(1)).toHaveLength(1);
    expect(rates(1)).not.toEqual(rates(2));
    const advised = scenarioRun(grid, 'advised', BUDGETS.full, 1);
    expect(advised.kind === 'search' ? new Set(advised.trials.map((t) => t.optimizer.learningRate)).size : 0).toBe(BUDGETS.full.search.trials);
  });

  it('samples learning rates on a linear scale in the baseline and a log scale in the advised search', () => {
    const s = scenarioById('search-log-scale')!;
    const rates = (arm: 'baseline' | 'advised') => {
      const run = scenarioRun(s, arm, BUDGETS.full, 3);
      return run.kind === 'search' ? run.trials.map((t) => t.optimizer.learningRate) : [];
    };
    const below = (xs: number[]) => xs.filter((x) => x < 1e-2).length;
    expect(below(rates('baseline'))).toBeLessThanOrEqual(2);
    expect(below(rates('advised'))).toBeGreaterThanOrEqual(4);
  });

  it('draws a different training subset for each seed, the same for both arms of a seed', () => {
    const pool = loadMnist().train;
    const labels = (seed: number) => Array.from(drawSplit(pool, seed, { train: 50, validation: 20 }).train.labels).join('');
    expect(labels(1)).toBe(labels(1));
    expect(labels(1)).not.toBe(labels(2));
    const split = drawSplit(pool, 4, { train: 100, validation: 50 }, [5, 6]);
    expect(new Set([...split.train.labels, ...split.validation.labels])).toEqual(new Set([5, 6]));
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
      'learning-rate-range:baseline:1', 'learning-rate-range:advised:1', 'learning-rate-range-sgd:baseline:1', 'learning-rate-range-sgd:advised:1',
      'learning-rate-range:baseline:2', 'learning-rate-range:advised:2', 'learning-rate-range-sgd:baseline:2', 'learning-rate-range-sgd:advised:2',
    ]);
  });

  it('plans the §3 and §7 experiments after the first seed', () => {
    const jobs = planJobs(selectPlan([]), BUDGETS.quick, 3);
    expect(jobs.filter((j) => j.kind === 'batchTime')).toHaveLength(8);
    expect(jobs.filter((j) => j.kind === 'sweep')).toHaveLength(6 * 5);
    expect(jobs.findIndex((j) => j.kind === 'batchTime')).toBe(SCENARIOS.length * 2);
    expect(armRunOf({ kind: 'sweep', optimizer: 'momentum', learningRate: 0.01, seed: 1 }, BUDGETS.quick)).toMatchObject({ kind: 'train', spec: { optimizer: { name: 'momentum', learningRate: 0.01, momentum: 0.9 } } });
  });

  it('selects by scenario id, by rule id, or an experiment, and rejects unknown ids', () => {
    expect(selectPlan(['momentum-range']).scenarios.map((s) => s.id)).toEqual(['momentum-range-low', 'momentum-range-high']);
    expect(selectPlan(['batch-size-time'])).toEqual({ scenarios: [], batchTime: true, sweep: false });
    expect(() => selectPlan(['no-such-thing'])).toThrow(/unknown bench scenario "no-such-thing"; known: learning-rate-range/);
  });
});

describe('command line', () => {
  it('lists every scenario and experiment with its rule, metric and minimal effect', () => {
    const list = listScenarios();
    for (const s of SCENARIOS) expect(list).toMatch(new RegExp(`^${s.id} +${s.ruleId} +`, 'm'));
    expect(list).toContain('early-stopping-missing');
    expect(list).toMatch(/epochs trained, minimal effect 5 epochs, validation split/);
    expect(list).toMatch(/^learning-rate-sweep/m);
  });

  it('defaults to one worker per core, as free memory allows', () => {
    expect(defaultWorkers(2, 8 * 1024 ** 3)).toBe(2);
    expect(defaultWorkers(16, 2 * 1024 ** 3)).toBe(3);
    expect(defaultWorkers(4, 100 * 1024 ** 2)).toBe(1);
  });
});
