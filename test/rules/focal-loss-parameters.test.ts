import { describe, expect, it } from 'vitest';
import { brief, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) => diagnosticsOf('focal-loss-parameters', yaml, setting).map(brief);
const PAPER = 'Lin et al. 2017 recommend γ = 2, α = 0.25 (GUIDE §6 Tier 1)';

describe('focal-loss-parameters', () => {
  describe('valid', () => {
    it.each([
      ['the paper values', 'losses: [{ name: focal, gamma: 2, alpha: 0.25 }]'],
      ['Keras spelling with the paper values', 'losses: [{ name: binary_focal_crossentropy, gamma: 2.0, alpha: 0.25 }]'],
      ['γ alone at the paper value', 'losses: [{ name: focal, gamma: 2 }]'],
    ])('accepts %s', (_name, yaml) => {
      expect(check(yaml)).toEqual([]);
    });

    it('ignores losses that are not focal, and focal losses without values', () => {
      expect(check('losses: [{ name: crossEntropy, gamma: 9 }, { name: focal }]')).toEqual([]);
    });

    it('leaves values outside the domain to invalid-value', () => {
      expect(check('losses: [{ name: focal, gamma: -1, alpha: 1.5 }]')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('warns about γ 0 (plain cross-entropy) once, suggesting both paper values', () => {
      const [d, ...rest] = diagnosticsOf('focal-loss-parameters', 'losses:\n  - { name: focal, gamma: 0, alpha: 0.5 }\n');
      expect(rest).toEqual([]);
      expect(brief(d!)).toBe(`2:27-2:28 warning Focal loss γ 0 is outside [0.5, 5] (γ = 0 is plain cross-entropy); ${PAPER}.`);
      expect(d!.suggestion).toEqual({
        path: '/losses/0',
        value: { gamma: 2, alpha: 0.25 },
        description: 'Set γ = 2, α = 0.25 (Lin et al. 2017).',
        edits: [
          { op: 'set', path: '/losses/0/gamma', value: 2 },
          { op: 'set', path: '/losses/0/alpha', value: 0.25 },
        ],
      });
    });

    it('warns just outside each γ edge', () => {
      expect(check('losses: [{ name: focal, gamma: 0.49 }]')).toEqual([`1:32-1:36 warning Focal loss γ 0.49 is outside [0.5, 5]; ${PAPER}.`]);
      expect(check('losses: [{ name: focal, gamma: 5.01 }]')).toEqual([`1:32-1:36 warning Focal loss γ 5.01 is outside [0.5, 5]; ${PAPER}.`]);
    });

    it('reports γ at the range edges as an info departure from the paper', () => {
      expect(check('losses: [{ name: focal, gamma: 0.5 }]')).toEqual([
        `1:32-1:35 info Focal loss γ 0.5 departs from the paper's values; ${PAPER}: start from them before tuning.`,
      ]);
      expect(check('losses: [{ name: focal, gamma: 5 }]')).toEqual([
        `1:32-1:33 info Focal loss γ 5 departs from the paper's values; ${PAPER}: start from them before tuning.`,
      ]);
    });

    it('reports α alone on α, with 0.25 as the suggestion', () => {
      const [d] = diagnosticsOf('focal-loss-parameters', 'losses:\n  - { name: crossEntropy }\n  - { name: SigmoidFocalLoss, gamma: 2.0, alpha: 0.5 }\n');
      expect(brief(d!)).toBe(`3:50-3:53 info Focal loss α 0.5 departs from the paper's values; ${PAPER}: start from them before tuning.`);
      expect(d!.suggestion).toMatchObject({ path: '/losses/1/alpha', value: 0.25 });
    });

    it('takes the range and the paper values as options', () => {
      expect(check('losses: [{ name: focal, gamma: 1, alpha: 0.5 }]', ['warning', { gamma: 1, alpha: 0.5 }])).toEqual([]);
      expect(check('losses: [{ name: focal, gamma: 8 }]', ['warning', { gammaHigh: 10, gamma: 8 }])).toEqual([]);
      expect(() => check('losses: []', ['warning', { alpha: 2 }])).toThrow(/invalid options/);
    });
  });
});
