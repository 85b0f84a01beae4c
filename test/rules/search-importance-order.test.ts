import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix.js';
import { resolveRules } from '../../src/engine/settings.js';
import { RULES } from '../../src/rules/index.js';
import { brief, diagnosticsOf } from '../helpers/lint.js';

const config = (head: string, ...items: string[]) => `${head}search:\n  strategy: random\n  space:\n${items.map((i) => `    - ${i}\n`).join('')}`;
const check = (yaml: string) => diagnosticsOf('search-importance-order', yaml).map(brief);

const DROPOUT = '{ parameter: model.layers.2.rate, min: 0.1, max: 0.5 }';
const DECAY = '{ parameter: optimizer.weightDecay, values: [0.0, 1.0e-4] }';

describe('search-importance-order', () => {
  describe('valid', () => {
    it('tunes the learning rate together with tier-3 parameters', () => {
      expect(check(config('', '{ parameter: optimizer.learningRate, min: 1.0e-4, max: 1.0e-2, scale: log }', DROPOUT))).toEqual([]);
    });

    it('tunes a piecewise schedule value or a layer-group rate (both are learning rates)', () => {
      expect(check(config('', '{ parameter: schedule.values.0, values: [0.1, 0.01] }', DROPOUT))).toEqual([]);
      expect(check(config('', '{ parameter: optimizer.layerLearningRates.1.learningRate, min: 1.0e-5, max: 1.0e-3 }', DECAY))).toEqual([]);
    });

    it('tunes only tier-2 parameters, or a tier-3 parameter held at one value', () => {
      expect(check(config('', '{ parameter: training.batchSize, values: [16, 32] }', '{ parameter: optimizer.momentum, values: [0.9, 0.99] }'))).toEqual([]);
      expect(check(config('', '{ parameter: model.layers.2.rate, values: [0.3] }'))).toEqual([]);
    });

    it('stays silent when a dimension is not a canonical parameter (it may be the learning rate)', () => {
      expect(check(config('', '{ parameter: learn_rate, min: 1.0e-4, max: 0.1 }', DROPOUT))).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('tier-3 only, with the current rate: suggests a log range a decade either side', () => {
      const [d, ...rest] = diagnosticsOf('search-importance-order', config('optimizer: { name: adam, learningRate: 3.0e-4 }\n', DROPOUT, DECAY));
      expect(rest).toEqual([]);
      expect(brief(d!)).toBe(
        '4:3-4:8 info The search tunes tier-3 hyperparameters (model.layers.2.rate, optimizer.weightDecay) but keeps the learning rate fixed at 3e-4: GUIDE §6 puts the learning rate first — tune it before network shape, Adam, weight decay or dropout.',
      );
      const value = { parameter: 'optimizer.learningRate', min: 3e-5, max: 3e-3, scale: 'log' };
      // A new list item cannot be edited into place: the value is there for the user (and the advisor).
      expect(d!.suggestion).toEqual({ path: '/search/space/2', value, description: 'Search optimizer.learningRate over [3e-5, 0.003] on a log scale.' });
    });

    it('a learning-rate dimension with one value counts as fixed, and the suggestion replaces it', () => {
      const [d] = diagnosticsOf('search-importance-order', config('', '{ parameter: optimizer.learningRate, values: [0.01] }', '{ parameter: model.layers.0.units, values: [64, 128] }'));
      expect(brief(d!)).toMatch(/^3:3-3:8 info The search tunes tier-3 hyperparameters \(model\.layers\.0\.units\) but keeps the learning rate fixed:/);
      expect(d!.suggestion).toBeUndefined();
    });

    it('without a rate, suggests the §7 range of the optimizer (shifted for fine-tuning)', () => {
      const yaml = config('pretrained: true\noptimizer: { name: adam }\n', '{ parameter: optimizer.beta2, values: [0.99, 0.999] }');
      const [d] = diagnosticsOf('search-importance-order', yaml);
      expect(brief(d!)).toMatch(/^5:3-5:8 info The search tunes tier-3 hyperparameters \(optimizer\.beta2\) but keeps the learning rate fixed:/);
      expect(d!.suggestion).toMatchObject({ path: '/search/space/1', value: { min: 1e-5, max: 1e-3, scale: 'log' } });
    });

    it('replaces a one-value learning-rate dimension when the rate is known', () => {
      const yaml = config('optimizer: { name: sgd, learningRate: 0.1 }\n', '{ parameter: optimizer.learningRate, values: [0.1] }', '{ parameter: regularization.l2, values: [1.0e-4, 5.0e-4] }');
      const [d] = diagnosticsOf('search-importance-order', yaml);
      const value = { parameter: 'optimizer.learningRate', min: 0.01, max: 1, scale: 'log' };
      expect(d!.suggestion).toMatchObject({ path: '/search/space/0', value, edits: [{ op: 'set', path: '/search/space/0', value }] });
      const fixed = fixText(yaml, { filePath: 'a.yaml' }, resolveRules(RULES.filter((r) => r.id === 'search-importance-order')), 'unsafe');
      expect(fixed.output).toContain('    - {"parameter":"optimizer.learningRate","min":0.01,"max":1,"scale":"log"}\n');
      expect(fixed.result.diagnostics.filter((x) => x.ruleId === 'search-importance-order')).toEqual([]);
    });
  });
});
