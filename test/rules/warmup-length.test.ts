import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) => diagnosticsOf('warmup-length', dedent(yaml), setting).map(brief);
const PLAYBOOK = 'warm-up is usually at most 10% of training (Tuning Playbook).';
const NEVER = 'the learning rate never reaches its target value.';

describe('warmup-length', () => {
  describe('valid', () => {
    it.each([
      ['25% of maxSteps (the info edge)', 'training: { maxSteps: 1000 }\nschedule: { warmupSteps: 250 }'],
      ['YOLO: 3 of 100 epochs', 'training: { epochs: 100 }\nschedule: { warmupEpochs: 3.0 }'],
      ['a ratio at the info edge', 'schedule: { warmupRatio: 0.25 }'],
      ['steps computed from the data: 10% of 300', 'data: { trainSize: 3200 }\ntraining: { batchSize: 32, epochs: 3 }\nschedule: { warmupSteps: 30 }'],
    ])('accepts %s', (_name, yaml) => {
      expect(check(yaml)).toEqual([]);
    });

    it('stays silent when the run length is unknown', () => {
      expect(check('schedule: { warmupSteps: 100000 }')).toEqual([]);
      expect(check('training: { epochs: 3 }\nschedule: { warmupSteps: 100000 }')).toEqual([]);
      expect(check('training: { maxSteps: 300 }\nschedule: { warmupEpochs: 50 }')).toEqual([]);
    });

    it('lets warmupSteps override warmupRatio, as HuggingFace does', () => {
      expect(check('training: { maxSteps: 1000 }\nschedule: { warmupSteps: 50, warmupRatio: 0.9 }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('warns about a warm-up as long as maxSteps, suggesting 10% of the run', () => {
      const [d] = diagnosticsOf('warmup-length', 'training: { maxSteps: 400 }\nschedule: { warmupSteps: 400 }');
      expect(brief(d!)).toBe(`2:26-2:29 warning A warm-up of 400 steps is as long as the whole run (training.maxSteps 400): ${NEVER}`);
      expect(d!.suggestion).toEqual({
        path: '/schedule/warmupSteps',
        value: 40,
        description: 'Set schedule.warmupSteps to 40, 10% of the run.',
        edits: [{ op: 'set', path: '/schedule/warmupSteps', value: 40 }],
      });
    });

    it('computes the run from trainSize, the effective batch and epochs', () => {
      const yaml = `
        data: { trainSize: 3200 }
        training: { batchSize: 16, gradientAccumulation: 2, epochs: 3 }
        schedule: { warmupSteps: 500 }
      `;
      const [d] = diagnosticsOf('warmup-length', dedent(yaml));
      expect(brief(d!)).toBe(`3:26-3:29 warning A warm-up of 500 steps is longer than the whole run (300 steps: 3 epochs × 100 steps per epoch): ${NEVER}`);
      expect(d!.suggestion?.value).toBe(30);
    });

    it('warns about warmupEpochs equal to epochs', () => {
      const [d] = diagnosticsOf('warmup-length', 'training: { epochs: 3 }\nschedule: { warmupEpochs: 3.0 }');
      expect(brief(d!)).toBe(`2:27-2:30 warning A warm-up of 3 epochs is as long as the whole run (training.epochs 3): ${NEVER}`);
      expect(d!.suggestion?.value).toBe(0.3);
    });

    it('reports just over a quarter as info, once', () => {
      expect(check('training: { maxSteps: 1000 }\nschedule: { warmupSteps: 251 }')).toEqual([
        `2:26-2:29 info A warm-up of 251 steps is 25.1% of the run (training.maxSteps 1000); ${PLAYBOOK}`,
      ]);
      expect(check('data: { trainSize: 1000 }\ntraining: { batchSize: 10, maxSteps: 300 }\nschedule: { warmupEpochs: 1 }')).toEqual([
        `3:27-3:28 info A warm-up of 1 epoch is 33.3% of the run (3 epochs: training.maxSteps 300 at 100 steps per epoch); ${PLAYBOOK}`,
      ]);
    });

    it('checks a warm-up ratio on its own', () => {
      expect(check('schedule: { warmupRatio: 0.3 }')).toEqual([`1:26-1:29 info A warm-up ratio of 0.3 is 30% of the run; ${PLAYBOOK}`]);
      const [d] = diagnosticsOf('warmup-length', 'schedule: { warmupRatio: 1.0 }');
      expect(brief(d!)).toBe(`1:26-1:29 warning A warm-up ratio of 1 is as long as the whole run: ${NEVER}`);
      expect(d!.suggestion?.value).toBe(0.1);
    });

    it('takes its fractions as options', () => {
      const setting = ['warning', { infoFraction: 0.5, suggestedFraction: 0.05 }] as const;
      expect(check('schedule: { warmupRatio: 0.3 }', setting)).toEqual([]);
      const [d] = diagnosticsOf('warmup-length', 'training: { maxSteps: 1000 }\nschedule: { warmupSteps: 1000 }', setting);
      expect(d!.suggestion?.value).toBe(50);
      expect(() => check('schedule: {}', ['warning', { suggestedFraction: 1 }])).toThrow(/invalid options/);
    });
  });
});
