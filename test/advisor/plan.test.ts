import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advisor/advise.js';
import { spaced } from '../../src/advisor/plan.js';

const plan = (config: string, budget?: number) => advise(config, { filePath: 'train.yaml', ...(budget !== undefined ? { budget } : {}) }).plan;
const searched = (config: string, budget?: number) => plan(config, budget).search.map((d) => `${d.parameter} ${d.scale} [${d.range.join(', ')}]`);
const ADAM = 'optimizer: { name: adam, learningRate: 0.001 }\ntraining: { batchSize: 64 }\n';

describe('what to search for the budget (GUIDE §6 order; Playbook for Adam)', () => {
  it('under 10 trials: the learning rate only, on a log scale over §7, as a grid', () => {
    const p = plan(ADAM, 5);
    expect(searched(ADAM, 5)).toEqual(['optimizer.learningRate log [0.001, 0.01]']);
    expect(p.search[0]!.values).toEqual([0.001, 0.0018, 0.0032, 0.0056, 0.01]);
    expect([p.strategy, p.trials]).toEqual(['grid', 5]);
    expect(p.fixed.map((f) => `${f.parameter}=${f.value}`)).toEqual(['optimizer.beta1=0.9', 'optimizer.epsilon=1e-8', 'optimizer.beta2=0.999']);
  });

  it("the default 20 trials: Tier 3 (Adam's β1, ε) stays at its suggested value; the trials go to the rate", () => {
    const p = plan(ADAM);
    expect(p.budget).toBe(20);
    expect(searched(ADAM)).toEqual(['optimizer.learningRate log [0.001, 0.01]']);
    expect([p.strategy, p.trials]).toEqual(['grid', 20]);
    expect(p.fixed.map((f) => f.parameter)).toEqual(['optimizer.beta1', 'optimizer.epsilon', 'optimizer.beta2']);
  });

  it('50 trials: add β1 and ε (ε on a log scale); four dimensions go quasi-random with every trial', () => {
    const p = plan(ADAM, 50);
    expect(searched(ADAM, 50)).toEqual(['optimizer.learningRate log [0.001, 0.01]', 'optimizer.beta1 linear [0.8, 0.95]', 'optimizer.epsilon log [1e-10, 0.000001]', 'regularization.l2 log [0.000001, 0.0001]']);
    expect([p.strategy, p.trials]).toEqual(['quasiRandom', 50]);
    expect(p.search.every((d) => d.values === undefined)).toBe(true);
  });

  it("a sweep file's own search space is reused, in GUIDE §6 order", () => {
    const sweep = 'method: random\nmetric: { name: val_loss, goal: minimize }\nparameters:\n  dropout: { min: 0.1, max: 0.5 }\n  learning_rate: { distribution: log_uniform_values, min: 1.0e-5, max: 1.0e-2 }\n';
    const p = advise(sweep, { filePath: 'sweep.yaml' }).plan;
    expect(p.search.map((d) => `${d.parameter} ${d.scale} [${d.range.join(', ')}]`)).toEqual(expect.arrayContaining([expect.stringMatching(/learningRate log \[0\.00001, 0\.01\]/)]));
    expect(p.search[0]!.parameter).toMatch(/learningRate/);
    expect(p.search.length).toBeGreaterThan(1);
  });

  it('a large budget adds weight decay (log scale within §7) and, well beyond, β2', () => {
    expect(searched(ADAM, 100)).toEqual([
      'optimizer.learningRate log [0.001, 0.01]',
      'optimizer.beta1 linear [0.8, 0.95]',
      'optimizer.epsilon log [1e-10, 0.000001]',
      'optimizer.beta2 linear [0.99, 0.9999]',
      'regularization.l2 log [0.000001, 0.0001]',
    ]);
  });

  it('SGD with momentum: the rate, then momentum (tier 2) from 10 trials', () => {
    const sgd = 'optimizer: { name: sgd, learningRate: 0.005, momentum: 0.9 }\n';
    expect(searched(sgd, 9)).toEqual(['optimizer.learningRate log [0.001, 0.01]']);
    expect(plan(sgd, 9).fixed).toEqual([{ parameter: 'optimizer.momentum', value: 0.9, why: 'tuned only from 10 trials; GUIDE §6 Tier 2: a common and good choice' }]);
    expect(searched(sgd, 10)).toEqual(['optimizer.learningRate log [0.001, 0.01]', 'optimizer.momentum linear [0.8, 0.99]']);
  });

  it('fine-tuning searches the shifted range (GUIDE §4.5)', () => {
    expect(searched('pretrained: true\noptimizer: { name: adam, learningRate: 1.0e-4 }\n', 5)).toEqual(['optimizer.learningRate log [0.00001, 0.001]']);
  });

  it('an optimizer §7 has no range for: a decade either side of its rate', () => {
    expect(searched('optimizer: { name: lion, learningRate: 1.0e-4 }\n', 5)).toEqual(['optimizer.learningRate log [0.00001, 0.001]']);
    expect(searched('optimizer: { name: lion }\n', 5)).toEqual([]);
  });
});

describe('the §5.3 schedule, spelled out', () => {
  it('halves after 10 epochs without a new best, from the (suggested) rate down to 1/1024 of it, then stops', () => {
    const p = plan('optimizer: { name: rmsprop, learningRate: 0.5 }\n');
    expect(p.schedule).toMatchObject({ type: 'reduceOnPlateau', factor: 0.5, patience: 10, initialLearningRate: 0.01 });
    expect(p.schedule.rates).toHaveLength(11);
    expect(p.schedule.rates![0]).toBe(0.01);
    expect(p.schedule.rates!.at(-1)).toBeCloseTo(0.01 / 1024, 12);
  });

  it('early stopping after 10 epochs without improvement, on the validation loss when there is validation data', () => {
    expect(plan('data: { validationSplit: 0.2 }\noptimizer: { name: adam }\n').earlyStopping).toMatchObject({ monitor: 'val_loss', patience: 10 });
    expect(plan(ADAM).earlyStopping.monitor).toBe('loss');
  });
});

describe('the §3 batch-size procedure', () => {
  it('powers of two from ÷4 to ×4 the effective batch, within [1, 1024], compared by wall-clock time', () => {
    const p = plan(ADAM);
    expect(p.batchSize.current).toBe(64);
    expect(p.batchSize.candidates).toEqual([16, 32, 64, 128, 256]);
    expect(p.batchSize.steps[2]).toBe('Plot validation accuracy against wall-clock time, not against steps.');
    expect(plan('training: { batchSize: 512, devices: 2 }\noptimizer: { name: adam }\n').batchSize.candidates).toEqual([256, 512, 1024]);
    expect(plan('optimizer: { name: adam }\n').batchSize).toMatchObject({ candidates: [8, 16, 32, 64, 128] });
  });
});

describe('spaced', () => {
  it('log and linear, both ends included, two significant digits', () => {
    expect(spaced([1e-3, 1e-1], 3, 'log')).toEqual([0.001, 0.01, 0.1]);
    expect(spaced([0.8, 0.95], 4, 'linear')).toEqual([0.8, 0.85, 0.9, 0.95]);
    expect(spaced([1e-3, 1e-2], 1, 'log')).toEqual([0.0032]);
  });
});

describe('the learning rate is searched, and shown, in the band learning-rate-range holds the run to', () => {
  const DPO = 'model_name_or_path: zephyr-sft\nbeta: 0.1\nloss_type: sigmoid\nlearning_rate: 1.0e-4\nper_device_train_batch_size: 8\nnum_processes: 8\n';

  it('a DPO recipe: the preference band, never §7 shifted for fine-tuning', () => {
    const result = advise(DPO, { filePath: 'dpo.yaml' });
    expect(result.plan.search[0]).toMatchObject({ parameter: 'optimizer.learningRate', range: [3e-7, 5e-6] });
    expect(result.suggestions[0]).toMatchObject({ parameter: 'optimizer.learningRate', suggested: 5e-6, range: [3e-7, 5e-6] });
  });
});
