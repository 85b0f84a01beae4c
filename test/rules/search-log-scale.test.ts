import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix.js';
import { runRules } from '../../src/engine/lint.js';
import type { DocumentFacts } from '../../src/engine/rule.js';
import { resolveRules } from '../../src/engine/settings.js';
import { RULES } from '../../src/rules/index.js';
import { brief, diagnosticsOf } from '../helpers/lint.js';

const space = (...items: string[]) => ['search:', '  strategy: random', '  space:', ...items.map((i) => `    - ${i}`)].join('\n') + '\n';
const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) => diagnosticsOf('search-log-scale', yaml, setting).map(brief);

describe('search-log-scale', () => {
  describe('valid', () => {
    it('a learning-rate range on a log scale', () => {
      expect(check(space('{ parameter: optimizer.learningRate, min: 1.0e-5, max: 0.1, scale: log }'))).toEqual([]);
    });

    it('a linear range just under 100× (the threshold)', () => {
      expect(check(space('{ parameter: optimizer.learningRate, min: 0.00101, max: 0.1 }'))).toEqual([]);
    });

    it('a list of values spread over decades', () => {
      expect(check(space('{ parameter: regularization.l2, values: [1.0e-6, 1.0e-4, 1.0e-2] }'))).toEqual([]);
    });

    it('a range that starts at 0 (no log scale exists) and parameters searched linearly by nature', () => {
      expect(check(space('{ parameter: optimizer.weightDecay, min: 0.0, max: 0.1 }'))).toEqual([]);
      expect(check(space('{ parameter: model.layers.2.rate, min: 0.001, max: 0.5 }'))).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('a learning rate over four decades with no scale, reported at the dimension with a log-scale fix', () => {
      const [d, ...rest] = diagnosticsOf('search-log-scale', space('{ parameter: optimizer.learningRate, min: 1.0e-5, max: 0.1 }'));
      expect(rest).toEqual([]);
      expect(brief(d!)).toBe(
        '4:7-4:67 warning optimizer.learningRate is searched on a linear scale over [1e-5, 0.1] (4 orders of magnitude): 90% of the samples land in the top decade (GUIDE §4.3; Tuning Playbook: search such parameters on a log scale).',
      );
      // The missing key cannot be edited in place, so the edit rewrites the dimension with its scale.
      const item = { parameter: 'optimizer.learningRate', min: 1e-5, max: 0.1, scale: 'log' };
      expect(d!.suggestion).toEqual({
        path: '/search/space/0/scale',
        value: 'log',
        description: 'Set scale: log, so every order of magnitude between 1e-5 and 0.1 gets the same share of trials.',
        edits: [{ op: 'set', path: '/search/space/0', value: item }],
      });
    });

    it('the fix (--fix-unsafe) sets the written scale, or rewrites the dimension, and then the rule is silent', () => {
      const yaml = space('{ parameter: optimizer.learningRate, min: 1.0e-5, max: 0.1 }', '{ parameter: regularization.l2, min: 1.0e-6, max: 1.0e-2, scale: linear } # decay');
      const fixed = fixText(yaml, { filePath: 'a.yaml' }, resolveRules(RULES.filter((r) => r.id === 'search-log-scale')), 'unsafe');
      expect(fixed.output).toBe(
        space('{"parameter":"optimizer.learningRate","min":0.00001,"max":0.1,"scale":"log"}', '{ parameter: regularization.l2, min: 1.0e-6, max: 1.0e-2, scale: "log" } # decay'),
      );
      expect(fixed.result.diagnostics).toEqual([]);
    });

    it('in other formats the suggestion carries no edit: W&B and Optuna spell a log scale differently', () => {
      const facts: DocumentFacts = { format: 'sweep', rawScalar: () => undefined, defaultOf: () => undefined, typeProblems: [], unknownKeys: [], tags: [] };
      const config = { search: { space: [{ parameter: 'optimizer.learningRate', min: 1e-5, max: 0.1 }] } };
      const [found] = runRules(config, facts, resolveRules(RULES.filter((r) => r.id === 'search-log-scale')));
      expect(found!.finding.suggestion).toEqual({
        path: '/search/space/0/scale',
        value: 'log',
        description: 'Set scale: log, so every order of magnitude between 1e-5 and 0.1 gets the same share of trials.',
      });
    });

    it('exactly 100× on an explicit linear scale, reported at the scale', () => {
      expect(check(space('{ parameter: regularization.l2, min: 1.0e-4, max: 1.0e-2, scale: linear }'))).toEqual([
        '4:72-4:78 warning regularization.l2 is searched on a linear scale over [1e-4, 0.01] (2 orders of magnitude): 91% of the samples land in the top decade (GUIDE §4.3; Tuning Playbook: search such parameters on a log scale).',
      ]);
    });

    it('ε, weight decay and a layer group learning rate, one diagnostic each', () => {
      const yaml = space(
        '{ parameter: optimizer.epsilon, min: 1.0e-10, max: 1.0e-6 }',
        '{ parameter: optimizer.weightDecay, min: 1.0e-5, max: 0.1 }',
        '{ parameter: optimizer.layerLearningRates.0.learningRate, min: 1.0e-6, max: 1.0e-3 }',
        '{ parameter: training.batchSize, min: 1, max: 1024 }',
      );
      expect(check(yaml).map((d) => d.split(' is searched')[0])).toEqual([
        '4:7-4:66 warning optimizer.epsilon',
        '5:7-5:66 warning optimizer.weightDecay',
        '6:7-6:91 warning optimizer.layerLearningRates.0.learningRate',
      ]);
    });

    it('takes the ratio and the parameter list as options', () => {
      const yaml = space('{ parameter: optimizer.learningRate, min: 0.001, max: 0.05 }', '{ parameter: optimizer.momentum, min: 0.001, max: 0.99 }');
      expect(check(yaml, ['warning', { ratio: 10, parameters: ['momentum'] }])).toHaveLength(2);
      expect(() => check(yaml, ['warning', { ratio: 1 }])).toThrow(/invalid options/);
    });
  });
});
