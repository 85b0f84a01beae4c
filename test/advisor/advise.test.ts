import { describe, expect, it } from 'vitest';
import { advise, AdviceError } from '../../src/advisor/advise.js';
import { historyFromSeries } from '../../src/advisor/history/history.js';
import { inRangeValue } from '../../src/advisor/values.js';
import type { Evidence } from '../../src/bench/evidence-format.js';
import { dedent } from '../helpers/lint.js';
import { adviseFixture } from './helpers.js';

/** rank. parameter current → suggested [ruleId] */
const ranked = (text: string, options: Parameters<typeof advise>[1] = {}) =>
  advise(dedent(text), { filePath: 'train.yaml', ...options }).suggestions.map((s) => `${s.rank}. ${s.parameter} ${JSON.stringify(s.current)} → ${JSON.stringify(s.suggested)} [${[s.ruleId, ...(s.alsoFrom ?? [])].join(', ')}]`);

describe('suggested values', () => {
  it('moves a rate by whole decades into its range: RMSprop 0.5 → 0.005 in [1e-3, 1e-2]', () => {
    const [s] = advise('optimizer: { name: rmsprop, learningRate: 0.5 }\n', { filePath: 'a.yaml' }).suggestions;
    expect(s).toMatchObject({ rank: 1, tier: 1, parameter: 'optimizer.learningRate', current: 0.5, suggested: 0.005, range: [1e-3, 1e-2], ruleId: 'learning-rate-range', source: 'config', guide: '§5, §7, §4.5' });
    expect(s!.rationale).toBe('RMSprop learning rate 0.5 is above the range for training from scratch [0.001, 0.01] (GUIDE §7).');
  });

  it.each([
    [0.5, 1e-3, 1e-2, 0.005],
    [0.02, 1e-3, 1e-2, 0.002],
    [0.1, 1e-3, 1e-2, 0.01],
    [3e-6, 1e-3, 1e-2, 0.003],
    [1e-5, 1e-3, 1e-2, 0.001],
    [0.5, 1e-5, 1e-3, 0.0005],
    [2, 1e-2, 1e-1, 0.02],
  ])('inRangeValue(%s, [%s, %s]) = %s', (value, low, high, expected) => {
    expect(inRangeValue(value, { low, high })).toBe(expected);
  });

  it("keeps a rule's own value where the guide's range is not log-scale (momentum 0.5 → 0.9)", () => {
    expect(ranked('optimizer: { name: sgd, learningRate: 0.005, momentum: 0.5 }\n')).toEqual(['1. optimizer.momentum 0.5 → 0.9 [momentum-range]']);
  });
});

describe('ranking (GUIDE §6: tier, then severity)', () => {
  it("tier 1 before tier 2 before tier 3, process settings last; the schedule's floor follows the new rate", () => {
    const text = `
      data: { trainSize: 50000, validationSplit: 0.1 }
      model:
        layers:
          - { type: dense, units: 256, activation: relu }
          - { type: dropout, rate: 0.8 }
          - { type: dense, units: 10, activation: softmax }
      optimizer: { name: sgd, learningRate: 0.5, momentum: 0.5 }
      training: { batchSize: 32, epochs: 60, earlyStopping: { monitor: val_loss, patience: 3 } }
    `;
    expect(ranked(text)).toEqual([
      '1. optimizer.learningRate 0.5 → 0.005 [learning-rate-range]',
      '2. schedule undefined → {"type":"reduceOnPlateau","monitor":"val_loss","factor":0.5,"patience":10,"minLearningRate":0.0000048828125} [plateau-policy]',
      '3. optimizer.momentum 0.5 → 0.9 [momentum-range]',
      '4. model.layers.1.rate 0.8 → 0.5 [dropout-range]',
      '5. training.earlyStopping.patience 3 → 10 [early-stopping-patience]',
    ]);
  });

  it('a diverging history comes first, lowering the rate at least ×0.1 and into §7 (the larger of the two moves)', () => {
    const advice = adviseFixture('divergence.config.yaml', 'divergence.tfjs.json');
    expect(advice.suggestions.map((s) => [s.rank, s.parameter, s.current, s.suggested, s.source, s.ruleId, s.alsoFrom])).toEqual([
      [1, 'optimizer.learningRate', 0.5, 0.005, 'history', 'history:divergence', ['learning-rate-range']],
    ]);
    expect(advice.suggestions[0]!.rationale).toMatch(/^loss never improved on its first value 13\.58 and rose to 14\.44 by epoch 11: the steps are too large to descend\. Lower the learning rate at least ×0\.1/);
  });

  it('×0.1 alone when the rate is inside §7 but the history still diverges', () => {
    const history = historyFromSeries('keras', { loss: [2.3, 1.2, Number.NaN] });
    expect(ranked('optimizer: { name: sgd, learningRate: 0.1 }\n', { history })).toEqual(['1. optimizer.learningRate 0.1 → 0.01 [history:divergence]']);
  });

  it('a rate the history logged stands in for one the config leaves unset', () => {
    const history = historyFromSeries('keras', { loss: [2.3, 1.2, Number.NaN], lr: [0.01, 0.01, 0.01] });
    expect(ranked('training: { batchSize: 32 }\n', { history })).toEqual(['1. optimizer.learningRate 0.01 → 0.001 [history:divergence]']);
  });
});

describe('history-derived suggestions (source: history)', () => {
  it('plateau: the §5.3 schedule, its floor 1/1024 of the rate the other suggestion sets (0.5 → 0.05)', () => {
    const [first] = adviseFixture('plateau.config.yaml', 'plateau.csv').suggestions;
    expect(first).toMatchObject({
      parameter: 'schedule',
      suggested: { type: 'reduceOnPlateau', monitor: 'val_loss', factor: 0.5, patience: 10, minLearningRate: 0.05 / 1024 },
      source: 'history',
      ruleId: 'history:plateau',
      alsoFrom: ['plateau-policy'],
    });
  });

  it('overfitting: early stopping on the validation loss with patience 10', () => {
    const advice = adviseFixture('overfitting.config.yaml', 'overfitting.history.json');
    expect(advice.suggestions.find((s) => s.parameter === 'training.earlyStopping')).toMatchObject({ tier: null, current: undefined, suggested: { monitor: 'val_loss', patience: 10 }, ruleId: 'history:overfitting', alsoFrom: ['early-stopping-missing'] });
  });

  it('loss-magnitude-gap: reweights the auxiliary term found by its output name, to within 10× of the main one', () => {
    const [s] = adviseFixture('two-outputs.config.yaml', 'two-outputs.history.json').suggestions;
    expect(s).toMatchObject({ rank: 1, tier: 1, parameter: 'losses.1.weight', current: 1, suggested: 0.0027, ruleId: 'history:loss-magnitude-gap' });
  });

  it('the real underfitting run: SGD 1e-4 → 0.01, from the history and learning-rate-range together', () => {
    const [s, ...rest] = adviseFixture('underfitting.config.yaml', 'underfitting.history.json').suggestions;
    expect(rest).toEqual([]);
    expect(s).toMatchObject({ parameter: 'optimizer.learningRate', current: 1e-4, suggested: 0.01, range: [0.01, 0.1], source: 'history', ruleId: 'history:underfitting', alsoFrom: ['learning-rate-range'] });
  });

  it('underfitting raises a rate below §7 into the range, and suggests nothing for a rate inside it', () => {
    const history = historyFromSeries('keras', { loss: [2.3, 2.29, 2.28, 2.27, 2.26, 2.25] });
    expect(ranked('optimizer: { name: sgd, learningRate: 1.0e-4 }\n', { history })).toEqual(['1. optimizer.learningRate 0.0001 → 0.01 [history:underfitting, learning-rate-range]']);
    expect(ranked('optimizer: { name: sgd, learningRate: 0.05 }\n', { history })).toEqual([]);
  });
});

describe('evidence', () => {
  const evidence: Evidence = {
    generatedBy: 'test',
    date: '2026-11-29',
    backend: 'cpu',
    budget: 'full',
    scenarios: [
      { scenario: 'learning-rate-range', ruleId: 'learning-rate-range', title: 'Adam 0.5 vs 1e-3', data: 'MNIST', metric: 'test accuracy', verdict: 'validated', effect: 80, ci95: [70, 90], unit: 'points', seeds: 5, claim: 'validated on MNIST: +80.0 points over 5 seeds (95% CI 70.0 to 90.0)' },
      { scenario: 'learning-rate-range-finetune', ruleId: 'learning-rate-range', title: 'Fine-tuning', data: 'MNIST', metric: 'test accuracy', verdict: 'inconclusive', effect: 1, ci95: null, unit: 'points', seeds: 5, claim: 'inconclusive on MNIST: +1.0 points over 5 seeds' },
    ],
  };

  it("cites the bench scenarios of the suggestion's rule (fine-tuning ones only for a fine-tuning config)", () => {
    const [s] = advise('optimizer: { name: adam, learningRate: 0.5 }\n', { evidence }).suggestions;
    expect(s!.evidence).toEqual(['Adam 0.5 vs 1e-3: validated on MNIST: +80.0 points over 5 seeds (95% CI 70.0 to 90.0)']);
    const [tuned] = advise('pretrained: true\noptimizer: { name: adam, learningRate: 0.5 }\n', { evidence }).suggestions;
    expect(tuned!.evidence).toEqual(['Fine-tuning: inconclusive on MNIST: +1.0 points over 5 seeds']);
  });

  it('cites nothing without evidence', () => {
    expect(advise('optimizer: { name: adam, learningRate: 0.5 }\n').suggestions[0]!.evidence).toBeUndefined();
  });
});

describe('any format the engine reads', () => {
  it('a HuggingFace TrainingArguments JSON with its trainer_state.json', () => {
    const config = JSON.stringify({ learning_rate: 0.5, per_device_train_batch_size: 16, num_train_epochs: 8, eval_strategy: 'epoch', optim: 'adamw_torch' });
    const advice = adviseFixture('divergence.config.yaml', 'hf-trainer_state.json', {});
    expect(advice.findings.map((f) => f.kind)).toEqual(['overfitting']);
    const hf = advise(config, { filePath: 'training_args.json' });
    expect(hf.format).toBe('hf');
    expect(hf.suggestions[0]).toMatchObject({ parameter: 'optimizer.learningRate', current: 0.5, suggested: 0.005 });
  });
});

describe('errors', () => {
  it('a config that does not parse: the position, no stack', () => {
    expect(() => advise('optimizer: [1, 2\n', { filePath: 'bad.yaml' })).toThrow(AdviceError);
    expect(() => advise('optimizer: [1, 2\n', { filePath: 'bad.yaml' })).toThrow(/^bad\.yaml:\d+:\d+: /);
  });

  it('a file that is not a training config', () => {
    expect(() => advise('jobs: { build: { runs-on: ubuntu-latest } }\n', { filePath: 'ci.yaml' })).toThrow(/^ci\.yaml: not a training config hplint can read/);
  });
});
