import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix.js';
import { resolveRules } from '../../src/engine/settings.js';
import { RULES } from '../../src/rules/index.js';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) =>
  diagnosticsOf('search-grid-size', dedent(yaml), setting).map(brief);

const LR3 = '- { parameter: optimizer.learningRate, values: [0.1, 0.01, 0.001] }';
const BATCH3 = '- { parameter: training.batchSize, values: [16, 32, 64] }';
const DROPOUT3 = '- { parameter: model.layers.2.rate, values: [0.1, 0.3, 0.5] }';

/** A search section with the given head lines and space items. */
const search = (head: string[], items: string[]) => ['search:', ...head.map((l) => `  ${l}`), '  space:', ...items.map((l) => `    ${l}`)].join('\n') + '\n';

describe('search-grid-size', () => {
  describe('valid', () => {
    it('a grid that fits its trial budget exactly', () => {
      expect(check(search(['strategy: grid', 'trials: 9'], [LR3, BATCH3]))).toEqual([]);
    });

    it('a grid of exactly 100 combinations with no budget', () => {
      const ten = (p: string) => `- { parameter: ${p}, values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }`;
      expect(check(search(['strategy: grid'], [ten('training.epochs'), ten('training.batchSize')]))).toEqual([]);
    });

    it('a grid over two dimensions plus a fixed one', () => {
      expect(check(search(['strategy: grid'], [LR3, BATCH3, '- { parameter: optimizer.momentum, values: [0.9] }']))).toEqual([]);
    });

    it('a random search with a continuous dimension (no finite count)', () => {
      expect(check(search(['strategy: random', 'trials: 5'], [LR3, BATCH3, '- { parameter: optimizer.weightDecay, min: 0.0, max: 0.1 }']))).toEqual([]);
    });

    it('stays silent without a space, and leaves an invalid budget to invalid-value', () => {
      expect(check('search: { strategy: grid, trials: 3 }\n')).toEqual([]);
      expect(check(search(['strategy: grid', 'trials: 0'], [LR3, BATCH3]))).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('a grid with more combinations than trials, at the strategy, suggesting quasi-random search', () => {
      const [d, ...rest] = diagnosticsOf('search-grid-size', search(['strategy: grid', 'trials: 8'], [LR3, BATCH3]));
      expect(rest).toEqual([]);
      expect(brief(d!)).toBe(
        '2:13-2:17 warning Grid search over 2 dimensions has 9 combinations, more than the 8 trials can cover (GUIDE §4.2: the cost grows exponentially with the number of hyperparameters).',
      );
      expect(d!.suggestion).toMatchObject({
        path: '/search/strategy',
        value: 'quasiRandom',
        edits: [{ op: 'set', path: '/search/strategy', value: 'quasiRandom' }],
      });
      expect(d!.suggestion!.description).toContain('with a budget of 8 trials');
    });

    it('a grid of 101 combinations with no budget, suggesting a budget of 100', () => {
      const values = (n: number) => `[${Array.from({ length: n }, (_, i) => i + 1).join(', ')}]`;
      const [d] = diagnosticsOf('search-grid-size', search([], [`- { parameter: training.epochs, values: ${values(101)} }`]));
      expect(brief(d!)).toBe(
        '2:3-2:8 warning Grid search over 1 dimension has 101 combinations, more than 100 with no trial budget (search.trials) set (GUIDE §4.2: the cost grows exponentially with the number of hyperparameters).',
      );
      // Neither key is written, so there is nothing to edit in place: the suggestion names the values.
      expect(d!.suggestion).toMatchObject({ path: '/search/strategy', value: 'quasiRandom' });
      expect(d!.suggestion!.description).toContain('with a budget of 100 trials');
      expect(d!.suggestion!.edits).toBeUndefined();
    });

    it('a grid over three dimensions within budget is an info (the Playbook keeps grids to 1–2)', () => {
      const [d] = diagnosticsOf('search-grid-size', search(['strategy: grid', 'trials: 27'], [LR3, BATCH3, DROPOUT3]));
      expect(brief(d!)).toBe(
        '2:13-2:17 info Grid search over 3 dimensions (Tuning Playbook: grid search only in 1–2 dimensions, quasi-random search for exploration).',
      );
      expect(d!.suggestion).toMatchObject({ value: 'quasiRandom', edits: [{ op: 'set', path: '/search/strategy', value: 'quasiRandom' }] });
      const fixed = fixText(search(['strategy: grid # was', 'trials: 27'], [LR3, BATCH3, DROPOUT3]), { filePath: 'a.yaml' }, resolveRules(RULES.filter((r) => r.id === 'search-grid-size')), 'unsafe');
      expect(fixed.output.split('\n').slice(0, 3)).toEqual(['search:', '  strategy: "quasiRandom" # was', '  trials: 27']);
      expect(fixed.result.diagnostics).toEqual([]);
    });

    it('does not count a one-value dimension (a fixed setting) as a grid dimension', () => {
      expect(check(search(['strategy: grid', 'trials: 8'], [LR3, '- { parameter: optimizer.momentum, values: [0.9] }', BATCH3]))[0]).toMatch(
        /^2:13-2:17 warning Grid search over 2 dimensions has 9 combinations, more than the 8 trials can cover/,
      );
    });

    it('reports the budget overrun once, not also the dimension count', () => {
      expect(check(search(['strategy: grid', 'trials: 26'], [LR3, BATCH3, DROPOUT3]))).toEqual([
        '2:13-2:17 warning Grid search over 3 dimensions has 27 combinations, more than the 26 trials can cover (GUIDE §4.2: the cost grows exponentially with the number of hyperparameters).',
      ]);
    });

    it('an all-discrete Bayesian search larger than its budget suggests ranges', () => {
      const [d] = diagnosticsOf('search-grid-size', search(['strategy: bayesian', 'trials: 20'], [LR3, BATCH3, DROPOUT3]));
      expect(brief(d!)).toBe(
        '2:13-2:21 warning Every dimension of this bayesian search is a list of values: 27 combinations, more than the 20 trials can cover, and each hyperparameter is only ever tried at its listed values (GUIDE §4.3: random search samples each hyperparameter from a distribution).',
      );
      expect(d!.suggestion).toMatchObject({ path: '/search/space' });
      expect(d!.suggestion!.description).toContain('at most 20 combinations');
    });

    it('takes its thresholds as options', () => {
      expect(check(search(['strategy: grid'], [LR3, BATCH3, DROPOUT3]), ['warning', { maxGridDimensions: 3 }])).toEqual([]);
      expect(check(search([], [LR3, BATCH3]), ['warning', { maxCombinationsWithoutBudget: 8 }])).toHaveLength(1);
      expect(() => check(search([], [LR3]), ['warning', { maxGridDimensions: 0 }])).toThrow(/invalid options/);
    });
  });
});
