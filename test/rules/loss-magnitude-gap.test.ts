import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const ID = 'loss-magnitude-gap';
const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) => diagnosticsOf(ID, dedent(yaml), setting).map(brief);

describe(ID, () => {
  describe('valid', () => {
    it('center loss weighted as Wen et al. do', () => {
      expect(check(`
        data: { numClasses: 10 }
        losses:
          - { name: crossEntropy }
          - { name: centerLoss, weight: 0.003, expectedValue: 40 }
      `)).toEqual([]);
    });

    it('exactly 100× apart is still within two orders of magnitude', () => {
      expect(check(`
        losses:
          - { name: a, weight: 1, expectedValue: 1 }
          - { name: b, weight: 1, expectedValue: 100 }
      `)).toEqual([]);
    });

    it('skips terms with no known magnitude when another has one', () => {
      expect(check(`
        losses:
          - { name: a, weight: 1, expectedValue: 1 }
          - { name: b, weight: 1000 }
      `)).toEqual([]);
    });

    it('a single term, or none', () => {
      expect(check('losses: [{ name: crossEntropy, weight: 1000 }]')).toEqual([]);
      expect(check('optimizer: { name: adam }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('just over 100×, reported on the auxiliary term with a new weight', () => {
      const [d] = diagnosticsOf(ID, dedent(`
        losses:
          - { name: main, weight: 1, expectedValue: 1 }
          - { name: aux, weight: 1, expectedValue: 101 }
      `));
      expect(brief(d!)).toBe(
        '3:5-3:49 warning Loss terms "main" (1) and "aux" (101) differ 101× in weight × magnitude; keep them within 100× (GUIDE §6 Tier 1).',
      );
      expect(d!.suggestion).toEqual({
        path: '/losses/1/weight',
        value: 0.099,
        description: 'Set the weight of "aux" to 0.099, within one order of magnitude of "main".',
        edits: [{ op: 'set', path: '/losses/1/weight', value: 0.099 }],
      });
    });

    it('uses ln(numClasses) for cross-entropy', () => {
      expect(check(`
        data: { numClasses: 1000 }
        losses:
          - { name: categoricalCrossentropy }
          - { name: l2Penalty, weight: 0.0001, expectedValue: 10 }
      `)).toEqual([
        '4:5-4:59 warning Loss terms "l2Penalty" (0.001) and "categoricalCrossentropy" (6.908) differ 6908× in weight × magnitude; keep them within 100× (GUIDE §6 Tier 1).',
      ]);
    });

    it('falls back to an info on weights alone when no magnitude is known', () => {
      expect(check(`
        losses:
          - { name: detection, weight: 1 }
          - { name: segmentation, weight: 0.001 }
      `)).toEqual([
        '3:35-3:40 info Loss weights of "segmentation" (0.001) and "detection" (1) differ more than 100×; without the terms\' typical values (expectedValue) hplint cannot tell whether their contributions are balanced (GUIDE §6 Tier 1).',
      ]);
    });

    it('takes maxRatio as an option', () => {
      expect(check(`
        losses:
          - { name: a, expectedValue: 1 }
          - { name: b, expectedValue: 20 }
      `, ['warning', { maxRatio: 10 }])).toHaveLength(1);
    });
  });
});
