import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string) => diagnosticsOf('schedule-validity', dedent(yaml)).map(brief);

describe('schedule-validity', () => {
  describe('valid', () => {
    it.each([
      ['decaySteps at its edge', 'schedule: { type: exponentialDecay, decaySteps: 1, decayRate: 0.96 }'],
      ['decayRate exactly 1', 'schedule: { type: exponentialDecay, decaySteps: 100, decayRate: 1 }'],
      ['a tiny positive power', 'schedule: { type: polynomialDecay, decaySteps: 100, power: 0.01 }'],
      ['plateau factors just inside (0, 1)', 'schedule: { type: reduceOnPlateau, factor: 0.999 }'],
      ['matching piecewise lists', 'schedule: { type: piecewiseConstant, boundaries: [1000, 2000], values: [0.1, 0.01, 0.001] }'],
      ['an end rate equal to the initial rate', 'optimizer: { learningRate: 0.01 }\nschedule: { type: polynomialDecay, endLearningRate: 0.01 }'],
    ])('%s', (_name, yaml) => {
      expect(check(yaml)).toEqual([]);
    });

    it('stays silent where the field means something else or the type is unknown', () => {
      // Inverse-time decay divides by (1 + decayRate · t): a rate above 1 decays faster, it does not grow.
      expect(check('schedule: { type: inverseTimeDecay, decaySteps: 10, decayRate: 2 }')).toEqual([]);
      expect(check('schedule: { decaySteps: 10, decayRate: 2 }')).toEqual([]);
      expect(check('schedule: { type: custom, factor: 3 }')).toEqual([]);
      expect(check('schedule: { type: polynomialDecay, endLearningRate: 0.5 }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports decaySteps 0, without a suggestion when no length is implied', () => {
      const [d] = diagnosticsOf('schedule-validity', 'schedule: { type: exponentialDecay, decaySteps: 0, decayRate: 0.96 }');
      expect(brief(d!)).toBe('1:49-1:50 error schedule.decaySteps is 0; it divides the step count and must be greater than 0 (Keras raises an error).');
      expect(d!.suggestion).toBeUndefined();
    });

    it('suggests the run length for a polynomial decaySteps ≤ 0, and power 1 for power 0', () => {
      const found = diagnosticsOf('schedule-validity', dedent(`
        training: { maxSteps: 5000 }
        schedule:
          type: polynomialDecay
          decaySteps: -10
          power: 0
      `));
      expect(found.map(brief)).toEqual([
        '4:15-4:18 error schedule.decaySteps is -10; it divides the step count and must be greater than 0 (Keras raises an error).',
        '5:10-5:11 error schedule.power is 0; polynomial decay needs a power greater than 0 (0 never decays, a negative power grows without bound).',
      ]);
      expect(found.map((d) => d.suggestion?.edits)).toEqual([
        [{ op: 'set', path: '/schedule/decaySteps', value: 5000 }],
        [{ op: 'set', path: '/schedule/power', value: 1 }],
      ]);
    });

    it('reports piecewise lists of the wrong length and boundaries out of order, suggesting the sorted boundaries', () => {
      const found = diagnosticsOf('schedule-validity', 'schedule: { type: piecewiseConstant, boundaries: [2000, 1000], values: [0.1, 0.01] }');
      expect(found.map(brief)).toEqual([
        '1:57-1:61 error Piecewise-constant boundaries must be strictly increasing; boundary 1 (1000) is not greater than 2000.',
        '1:72-1:83 error A piecewise-constant schedule needs one value more than it has boundaries: 2 boundaries, 2 values.',
      ]);
      expect(found[0]!.suggestion).toEqual({
        path: '/schedule/boundaries',
        value: [1000, 2000],
        description: 'Sort schedule.boundaries: [1000, 2000].',
        edits: [{ op: 'set', path: '/schedule/boundaries', value: [1000, 2000] }],
      });
    });

    it('has no sorted order to suggest for duplicate boundaries', () => {
      const [d] = diagnosticsOf('schedule-validity', 'schedule: { type: piecewiseConstant, boundaries: [1000, 1000], values: [0.1, 0.01, 0.001] }');
      expect(brief(d!)).toBe('1:57-1:61 error Piecewise-constant boundaries must be strictly increasing; boundary 1 (1000) is not greater than 1000.');
      expect(d!.suggestion).toBeUndefined();
    });

    it('reports plateau factors at both edges of (0, 1), suggesting 0.5', () => {
      expect(check('schedule: { type: reduceOnPlateau, factor: 1 }')).toEqual([
        '1:44-1:45 error reduceOnPlateau factor 1 must lie in (0, 1): the new rate is rate × factor, so it never decreases (Keras raises an error).',
      ]);
      const [d] = diagnosticsOf('schedule-validity', 'schedule: { type: ReduceLROnPlateau, factor: 0 }');
      expect(brief(d!)).toBe('1:46-1:47 error reduceOnPlateau factor 0 must lie in (0, 1): the new rate is rate × factor.');
      expect(d!.suggestion?.value).toBe(0.5);
    });

    it('warns about a growing exponential rate, suggesting the inverse factor', () => {
      const [d] = diagnosticsOf('schedule-validity', 'schedule: { type: exponential_decay, decaySteps: 100, decayRate: 1.25 }');
      expect(brief(d!)).toBe('1:66-1:70 warning Exponential decay with decayRate 1.25 > 1 makes the learning rate grow (rate × 1.25 every decaySteps).');
      expect(d!.suggestion).toMatchObject({ path: '/schedule/decayRate', value: 0.8 });
    });

    it('warns about an end rate above the initial rate, suggesting 1/1024 of it', () => {
      const [d] = diagnosticsOf('schedule-validity', 'optimizer: { learningRate: 0.01 }\nschedule: { type: polynomialDecay, endLearningRate: 0.02 }');
      expect(brief(d!)).toBe('2:53-2:57 warning schedule.endLearningRate 0.02 is above the initial learning rate 0.01: the schedule raises the rate instead of decaying it.');
      expect(d!.suggestion).toMatchObject({ path: '/schedule/endLearningRate', value: 9.8e-6 });
    });

    it('reports an error trigger at the configured severity', () => {
      const found = diagnosticsOf('schedule-validity', 'schedule: { type: reduceOnPlateau, factor: 2 }', 'warning');
      expect(found.map((d) => d.severity)).toEqual(['warning']);
    });
  });
});
