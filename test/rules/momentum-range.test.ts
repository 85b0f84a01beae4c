import { describe, expect, it } from 'vitest';
import { brief, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) => diagnosticsOf('momentum-range', yaml, setting).map(brief);

describe('momentum-range', () => {
  describe('valid', () => {
    it.each([0.8, 0.9, 0.937, 0.99])('accepts momentum %s (edges included)', (momentum) => {
      expect(check(`optimizer: { name: sgd, momentum: ${momentum} }`)).toEqual([]);
    });

    it('stays silent for plain SGD (momentum 0) and without a momentum', () => {
      expect(check('optimizer: { name: sgd, momentum: 0 }')).toEqual([]);
      expect(check('optimizer: { name: sgd, learningRate: 0.01 }')).toEqual([]);
    });

    it('leaves values outside [0, 1) to invalid-value and Adam to adam-parameters', () => {
      expect(check('optimizer: { name: sgd, momentum: 1.5 }')).toEqual([]);
      expect(check('optimizer: { name: adam, momentum: 0.5 }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports just below the low edge, with 0.9 as the suggestion', () => {
      const [d] = diagnosticsOf('momentum-range', 'optimizer:\n  name: sgd\n  momentum: 0.79\n');
      expect(brief(d!)).toBe('3:13-3:17 info Momentum 0.79 is below [0.8, 0.99]; 0.9 is a common and good choice (GUIDE §6 Tier 2); the change multiplies the effective step lr / (1 − β) by 2.1, so re-tune the learning rate with it (at an equal effective step, β itself made no measurable difference on the bench).');
      expect(d!.suggestion).toEqual({
        path: '/optimizer/momentum',
        value: 0.9,
        description: 'Set optimizer.momentum to 0.9.',
        edits: [{ op: 'set', path: '/optimizer/momentum', value: 0.9 }],
      });
    });

    it('reports just above the high edge', () => {
      expect(check('optimizer: { name: momentum, momentum: 0.9999 }')).toEqual([
        '1:40-1:46 warning Momentum 0.9999 is above [0.8, 0.99]; 0.9 is a common and good choice (GUIDE §6 Tier 2); the change divides the effective step lr / (1 − β) by 1000, so re-tune the learning rate with it.',
      ]);
    });

    it('checks RMSprop momentum too', () => {
      expect(check('optimizer: { name: rmsprop, momentum: 0.5 }')).toEqual([
        '1:39-1:42 info Momentum 0.5 is below [0.8, 0.99]; 0.9 is a common and good choice (GUIDE §6 Tier 2); the change multiplies the effective step lr / (1 − β) by 5, so re-tune the learning rate with it (at an equal effective step, β itself made no measurable difference on the bench).',
      ]);
    });

    it('takes the band and the suggestion as options', () => {
      const setting = ['warning', { low: 0.5, high: 0.95, recommended: 0.85 }] as const;
      expect(check('optimizer: { name: sgd, momentum: 0.6 }', setting)).toEqual([]);
      const [d] = diagnosticsOf('momentum-range', 'optimizer: { name: sgd, momentum: 0.97 }', setting);
      expect(d!.suggestion?.value).toBe(0.85);
    });

    it('rejects malformed options', () => {
      expect(() => check('optimizer: { name: sgd }', ['warning', { low: 2 }])).toThrow(/invalid options/);
    });
  });
});
