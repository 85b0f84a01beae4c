import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) =>
  diagnosticsOf('missing-validation', dedent(yaml), setting).map(brief);

describe('missing-validation', () => {
  describe('valid', () => {
    it.each([
      ['a validation split', 'data: { validationSplit: 0.1 }'],
      ['a validation set of one example', 'data: { validationSize: 1 }'],
      ['a split of zero beside a validation set', 'data: { validationSplit: 0, validationSize: 500 }'],
      ['no word about validation data (it may come from code)', 'data: { trainSize: 1000 }'],
    ])('early stopping with %s', (_name, data) => {
      expect(check(`${data}\ntraining: { earlyStopping: { monitor: val_loss, patience: 10 } }`)).toEqual([]);
    });

    it('accepts monitors of training metrics without validation data', () => {
      expect(check('data: { validationSplit: 0 }\ntraining: { earlyStopping: { monitor: loss } }\nschedule: { type: reduceOnPlateau, monitor: train_loss }')).toEqual([]);
    });

    it('stays silent with no early stopping and no plateau schedule', () => {
      expect(check('data: { validationSplit: 0 }\nschedule: { type: cosineDecay, monitor: val_loss }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports an early-stopping val_* monitor with validationSplit 0, suggesting a split', () => {
      const [d] = diagnosticsOf('missing-validation', 'data: { validationSplit: 0 }\ntraining:\n  earlyStopping: { monitor: val_accuracy, patience: 10 }\n');
      expect(brief(d!)).toBe(
        '3:29-3:41 warning Early stopping monitors val_accuracy, but the run holds out no validation data (data.validationSplit: 0): the metric is never computed, so training never stops early (GUIDE §2.4.1, §5.2).',
      );
      expect(d!.suggestion).toEqual({
        path: '/data/validationSplit',
        value: 0.1,
        description: 'Hold out validation data: set data.validationSplit to 0.1 (or give the run a validation set).',
        edits: [{ op: 'set', path: '/data/validationSplit', value: 0.1 }],
      });
    });

    it('reads an unset monitor as the Keras default and reports each reader', () => {
      const yaml = `
        data: { validationSize: 0 }
        training:
          earlyStopping: { patience: 10 }
        schedule: { type: ReduceLROnPlateau, factor: 0.5 }
      `;
      expect(check(yaml)).toEqual([
        '3:18-3:34 warning Early stopping monitors val_loss, the Keras default, but the run holds out no validation data (data.validationSize: 0): the metric is never computed, so training never stops early (GUIDE §2.4.1, §5.2).',
        '4:19-4:36 warning The reduce-on-plateau schedule monitors val_loss, the Keras default, but the run holds out no validation data (data.validationSize: 0): the metric is never computed, so the learning rate is never reduced (GUIDE §2.4.1, §5.2).',
      ]);
    });

    it('recognizes Lightning and HuggingFace validation monitors', () => {
      expect(check('data: { validationSplit: 0 }\nschedule: { type: plateau, monitor: val/loss }')).toHaveLength(1);
      expect(check('data: { validationSplit: 0 }\ntraining: { earlyStopping: { monitor: eval_loss } }')).toHaveLength(1);
    });

    it('takes the suggested split as an option', () => {
      const [d] = diagnosticsOf('missing-validation', 'data: { validationSplit: 0 }\ntraining: { earlyStopping: {} }\n', ['warning', { suggestedValidationSplit: 0.2 }]);
      expect(d!.suggestion).toMatchObject({ value: 0.2 });
      expect(() => check('data: {}', ['warning', { suggestedValidationSplit: 1 }])).toThrow(/invalid options/);
    });
  });
});
