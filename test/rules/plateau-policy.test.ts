import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) => diagnosticsOf('plateau-policy', dedent(yaml), setting).map(brief);
const ADAM = 'optimizer: { name: adam, learningRate: 0.001 }';
const CONSTANT = (epochs: number) => `A constant learning rate for ${epochs} epochs: GUIDE §5.3 halves the rate after 10 epochs without a new best and stops at 1/1024 of the initial rate.`;

describe('plateau-policy', () => {
  describe('valid', () => {
    it.each([
      ['the §5.3 policy itself', 'patience: 10, factor: 0.5, minLearningRate: 9.765625e-7'],
      ['the low factor edge and a longer patience', 'patience: 30, factor: 0.1, minLearningRate: 1.0e-6'],
      ['no values to compare', 'monitor: val_accuracy'],
    ])('accepts %s', (_name, fields) => {
      expect(check(`${ADAM}\nschedule: { type: reduceOnPlateau, ${fields} }`)).toEqual([]);
    });

    it('accepts a constant rate below 30 epochs, or any decaying schedule', () => {
      expect(check(`${ADAM}\ntraining: { epochs: 29 }`)).toEqual([]);
      expect(check(`${ADAM}\ntraining: { epochs: 200 }\nschedule: { type: cosineDecay, decaySteps: 10000 }`)).toEqual([]);
    });

    it('does not judge a framework default the file did not write (torch min_lr = 0)', () => {
      const hydra = dedent(`
        optimizer:
          _target_: torch.optim.Adam
          lr: 0.001
        scheduler:
          _target_: torch.optim.lr_scheduler.ReduceLROnPlateau
          factor: 0.1
          patience: 10
      `);
      expect(check(hydra)).toEqual([]);
      expect(check(hydra.replace('patience: 10', 'patience: 10\n  min_lr: 0'))).toHaveLength(1);
    });

    it('stays silent without an optimizer, and leaves invalid factors to schedule-validity', () => {
      expect(check('training: { epochs: 50 }')).toEqual([]);
      expect(check(`${ADAM}\nschedule: { type: reduceOnPlateau, factor: 1.5, patience: -1 }`)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports each departure from §5.3 on its own value', () => {
      const found = diagnosticsOf('plateau-policy', `${ADAM}\nschedule: { type: reduceOnPlateau, patience: 9, factor: 0.8, minLearningRate: 0 }`);
      expect(found.map(brief)).toEqual([
        '2:46-2:47 info reduceOnPlateau patience 9 is below 10: GUIDE §5.3 waits 10 or more epochs without a new best before lowering the rate.',
        '2:57-2:60 info reduceOnPlateau factor 0.8 is outside [0.1, 0.5]: GUIDE §5.3 halves the rate (or divides it by 10) on a plateau.',
        '2:79-2:80 info reduceOnPlateau minLearningRate 0 is below 1/1024 of the initial rate (9.766e-7): GUIDE §5.3 stops training there instead of decaying further.',
      ]);
      expect(found.map((d) => d.suggestion?.value)).toEqual([10, 0.5, 0.001 / 1024]);
      expect(found[0]!.suggestion).toEqual({
        path: '/schedule/patience',
        value: 10,
        description: 'Set schedule.patience to 10 (GUIDE §5.3).',
        edits: [{ op: 'set', path: '/schedule/patience', value: 10 }],
      });
    });

    it('suggests the nearer factor edge below the band', () => {
      const [d] = diagnosticsOf('plateau-policy', `${ADAM}\nschedule: { type: ReduceLROnPlateau, factor: 0.09 }`);
      expect(brief(d!)).toBe('2:46-2:50 info reduceOnPlateau factor 0.09 is outside [0.1, 0.5]: GUIDE §5.3 halves the rate (or divides it by 10) on a plateau.');
      expect(d!.suggestion?.value).toBe(0.1);
    });

    it('suggests the §5.3 policy as a schedule for 30 epochs at a constant rate', () => {
      const [d] = diagnosticsOf('plateau-policy', `${ADAM}\ntraining: { epochs: 30 }`);
      expect(brief(d!)).toBe(`1:40-1:45 info ${CONSTANT(30)}`);
      const policy = { type: 'reduceOnPlateau', monitor: 'loss', factor: 0.5, patience: 10, minLearningRate: 0.001 / 1024 };
      expect(d!.suggestion).toEqual({
        path: '/schedule',
        value: policy,
        description: 'Add schedule: { type: reduceOnPlateau, monitor: loss, factor: 0.5, patience: 10, minLearningRate: 9.766e-7 } (GUIDE §5.3).',
        edits: [{ op: 'set', path: '/schedule', value: policy }],
      });
    });

    it('points at a written constant schedule and monitors what early stopping monitors', () => {
      const yaml = dedent(`
        optimizer: { name: sgd }
        training: { epochs: 100, earlyStopping: { monitor: val_accuracy, patience: 20 } }
        schedule: { type: constant }
      `);
      const [d] = diagnosticsOf('plateau-policy', yaml);
      expect(brief(d!)).toBe(`3:19-3:27 info ${CONSTANT(100)}`);
      expect(d!.suggestion?.value).toEqual({ type: 'reduceOnPlateau', monitor: 'val_accuracy', factor: 0.5, patience: 10 });
    });

    it('takes its thresholds as options', () => {
      const setting = ['info', { patience: 5, factorHigh: 0.9, constantRateEpochs: 100 }] as const;
      expect(check(`${ADAM}\ntraining: { epochs: 50 }\n`, setting)).toEqual([]);
      expect(check(`${ADAM}\nschedule: { type: reduceOnPlateau, patience: 5, factor: 0.8 }`, setting)).toEqual([]);
      expect(() => check(ADAM, ['info', { factorLow: 1 }])).toThrow(/invalid options/);
    });
  });
});
