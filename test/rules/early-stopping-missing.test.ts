import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) =>
  diagnosticsOf('early-stopping-missing', dedent(yaml), setting).map(brief);

describe('early-stopping-missing', () => {
  describe('valid', () => {
    it('accepts runs shorter than 50 epochs', () => {
      expect(check('data: { validationSplit: 0.1 }\ntraining: { epochs: 49 }')).toEqual([]);
    });

    it('accepts long runs with early stopping or a plateau schedule', () => {
      expect(check('data: { validationSplit: 0.1 }\ntraining: { epochs: 200, earlyStopping: { patience: 10 } }')).toEqual([]);
      expect(check('data: { validationSize: 5000 }\ntraining: { epochs: 200 }\nschedule: { type: ReduceLROnPlateau }')).toEqual([]);
    });

    it('stays silent without validation data, or when the config does not say', () => {
      expect(check('data: { validationSplit: 0 }\ntraining: { epochs: 100 }')).toEqual([]);
      expect(check('training: { epochs: 100 }')).toEqual([]);
      expect(check('data: { validationSplit: 0.2 }\ntraining: { maxSteps: 100000 }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports 50 epochs with a validation split at the epochs, suggesting early stopping', () => {
      const [d] = diagnosticsOf('early-stopping-missing', 'data: { validationSplit: 0.1 }\ntraining:\n  epochs: 50\n');
      expect(brief(d!)).toBe(
        '3:11-3:13 info Training runs 50 epochs with validation data but no early stopping or reduce-on-plateau schedule: GUIDE §2.4.1 stops once n epochs (n = 10, 20, 30 …) bring no new best validation score, instead of training on while the model overfits.',
      );
      expect(d!.suggestion).toEqual({
        path: '/training/earlyStopping',
        value: { monitor: 'val_loss', patience: 10 },
        description: 'Add training.earlyStopping: { monitor: val_loss, patience: 10 }.',
        edits: [{ op: 'set', path: '/training/earlyStopping', value: { monitor: 'val_loss', patience: 10 } }],
      });
    });

    it('reports with a validation size and a schedule that is not a plateau schedule', () => {
      expect(check('data: { validationSize: 1 }\ntraining: { epochs: 300 }\nschedule: { type: cosineDecay, decaySteps: 1000 }')).toHaveLength(1);
    });

    it('takes the epoch threshold and the patience as options', () => {
      expect(check('data: { validationSplit: 0.1 }\ntraining: { epochs: 80 }', ['info', { minEpochs: 100 }])).toEqual([]);
      const [d] = diagnosticsOf('early-stopping-missing', 'data: { validationSplit: 0.1 }\ntraining: { epochs: 20 }\n', ['info', { minEpochs: 20, patience: 20 }]);
      expect(d!.suggestion).toMatchObject({ value: { monitor: 'val_loss', patience: 20 } });
      expect(() => check('training: {}', ['info', { patience: 0 }])).toThrow(/invalid options/);
    });
  });
});
