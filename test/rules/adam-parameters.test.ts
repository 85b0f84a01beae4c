import { describe, expect, it } from 'vitest';
import { brief, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) => diagnosticsOf('adam-parameters', yaml, setting).map(brief);
const ADVICE = 'use 0.9 / 0.999 / 1e-8 unless the search budget is large (GUIDE §6 Tier 3, Tuning Playbook).';

describe('adam-parameters', () => {
  describe('valid', () => {
    it.each([
      ['the recommended values', 0.9, 0.999, 1e-8],
      ['the low edges', 0.8, 0.99, 1e-10],
      ['the high edges', 0.95, 0.9999, 1e-6],
    ])('accepts %s', (_name, beta1, beta2, epsilon) => {
      expect(check(`optimizer: { name: adam, beta1: ${beta1}, beta2: ${beta2}, epsilon: ${epsilon} }`)).toEqual([]);
    });

    it('stays silent for optimizers outside the Adam family and without values', () => {
      expect(check('optimizer: { name: lion, beta1: 0.5, beta2: 0.5 }')).toEqual([]);
      expect(check('optimizer: { beta1: 0.5 }')).toEqual([]);
      expect(check('optimizer: { name: adam, learningRate: 0.001 }')).toEqual([]);
    });

    it('leaves values outside the domain to invalid-value', () => {
      expect(check('optimizer: { name: adam, beta1: 1.2, epsilon: 0 }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports β2 0.95 (LLM recipes) with 0.999 as the suggestion', () => {
      const [d] = diagnosticsOf('adam-parameters', 'optimizer:\n  name: adamw\n  beta2: 0.95\n');
      expect(brief(d!)).toBe(`3:10-3:14 info Adam β2 0.95 is outside [0.99, 0.9999]; ${ADVICE}`);
      expect(d!.suggestion).toEqual({
        path: '/optimizer/beta2',
        value: 0.999,
        description: 'Set optimizer.beta2 to 0.999.',
        edits: [{ op: 'set', path: '/optimizer/beta2', value: 0.999 }],
      });
    });

    it('reports each parameter just past its edge, once each', () => {
      expect(check('optimizer: { name: nadam, beta1: 0.79, beta2: 0.99995, epsilon: 1.1e-6 }')).toEqual([
        `1:34-1:38 info Adam β1 0.79 is outside [0.8, 0.95]; ${ADVICE}`,
        `1:47-1:54 info Adam β2 0.99995 is outside [0.99, 0.9999]; ${ADVICE}`,
        `1:65-1:71 info Adam ε 1.1e-6 is outside [1e-10, 1e-6]; ${ADVICE}`,
      ]);
    });

    it('reports ε below the band with 1e-8 as the suggestion', () => {
      const [d] = diagnosticsOf('adam-parameters', 'optimizer: { name: adamax, epsilon: 1.0e-12 }');
      expect(brief(d!)).toBe(`1:37-1:44 info Adam ε 1e-12 is outside [1e-10, 1e-6]; ${ADVICE}`);
      expect(d!.suggestion?.value).toBe(1e-8);
    });

    it('takes bands as options', () => {
      const setting = ['info', { beta2: { low: 0.95, high: 0.999, recommended: 0.98 } }] as const;
      expect(check('optimizer: { name: adam, beta2: 0.95 }', setting)).toEqual([]);
      expect(() => check('optimizer: { name: adam }', ['info', { beta2: { low: 0.95 } }])).toThrow(/invalid options/);
    });
  });
});
