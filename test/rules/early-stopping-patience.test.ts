import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (training: string, setting?: Parameters<typeof diagnosticsOf>[2]) =>
  diagnosticsOf('early-stopping-patience', `training: ${training}\n`, setting).map(brief);

describe('early-stopping-patience', () => {
  describe('valid', () => {
    it.each([
      ['patience 10 of 100 epochs', '{ epochs: 100, earlyStopping: { patience: 10 } }'],
      ['patience one below the epochs', '{ epochs: 31, earlyStopping: { patience: 30 } }'],
      ['patience 20 without an epoch count', '{ maxSteps: 5000, earlyStopping: { patience: 20 } }'],
      ['a short run that cannot wait 10 epochs', '{ epochs: 8, earlyStopping: { patience: 3 } }'],
      ['no early stopping', '{ epochs: 5 }'],
    ])('%s', (_name, training) => {
      expect(check(training)).toEqual([]);
    });

    it('leaves negative patience to invalid-value', () => {
      expect(check('{ epochs: 100, earlyStopping: { patience: -1 } }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('warns when patience equals the epochs, suggesting 10', () => {
      const [d] = diagnosticsOf('early-stopping-patience', 'training:\n  epochs: 100\n  earlyStopping:\n    patience: 100\n');
      expect(brief(d!)).toBe('4:15-4:18 warning Early-stopping patience 100 is not below the 100 training epochs: early stopping can never trigger (GUIDE §2.4.1).');
      expect(d!.suggestion).toEqual({
        path: '/training/earlyStopping/patience',
        value: 10,
        description: 'Set training.earlyStopping.patience to 10 (GUIDE §2.4.1: n = 10, 20, 30 …).',
        edits: [{ op: 'set', path: '/training/earlyStopping/patience', value: 10 }],
      });
    });

    it('says a run too short for the guide should train longer or drop early stopping', () => {
      const [d] = diagnosticsOf('early-stopping-patience', 'training: { epochs: 10, earlyStopping: { patience: 10 } }\n');
      expect(brief(d!)).toBe('1:52-1:54 warning Early-stopping patience 10 is not below the 10 training epochs: early stopping can never trigger (GUIDE §2.4.1).');
      expect(d!.suggestion).toEqual({
        path: '/training/earlyStopping/patience',
        description: 'The run is too short for a patience of 10 epochs (GUIDE §2.4.1): train for more epochs, or drop early stopping.',
      });
    });

    it('notes patience just below 10, once, at info', () => {
      expect(check('{ epochs: 50, earlyStopping: { monitor: val_loss, patience: 9 } }')).toEqual([
        '1:71-1:72 info Early-stopping patience 9 is below 10 epochs: validation scores are noisy, and GUIDE §2.4.1 waits n = 10, 20, 30 … epochs without a new best before stopping.',
      ]);
      expect(check('{ earlyStopping: { patience: 0 } }')).toEqual([
        '1:40-1:41 info Early-stopping patience 0 is below 10 epochs: validation scores are noisy, and GUIDE §2.4.1 waits n = 10, 20, 30 … epochs without a new best before stopping.',
      ]);
    });

    it('takes the minimum patience as an option', () => {
      expect(check('{ epochs: 50, earlyStopping: { patience: 5 } }', ['warning', { minPatience: 5 }])).toEqual([]);
      expect(() => check('{}', ['warning', { minPatience: 0 }])).toThrow(/invalid options/);
    });
  });

  describe('units (HF and axolotl count evaluations)', () => {
    const hf = (yaml: string) => diagnosticsOf('early-stopping-patience', dedent(yaml)).map(brief);

    it('compares patience in evaluations with epochs through the evaluations per epoch', () => {
      // 4 evaluations per epoch: patience 8 is 2 epochs, below 10; not 8 epochs.
      expect(hf('base_model: m\nnum_epochs: 20\nevals_per_epoch: 4\nearly_stopping_patience: 8\nmicro_batch_size: 2\n')).toEqual([
        '4:26-4:27 info Early-stopping patience 8 evaluations (2 epochs at 4 per epoch) is below 10 epochs: validation scores are noisy, and GUIDE §2.4.1 waits n = 10, 20, 30 … epochs without a new best before stopping.',
      ]);
      // 20 evaluations at one per epoch are 20 epochs: not below a 3-epoch run.
      expect(hf('model_name_or_path: m\nnum_train_epochs: 3\neval_strategy: epoch\nearly_stopping_patience: 20\n')[0]).toMatch(/warning Early-stopping patience 20 evaluations \(20 epochs at 1 per epoch\) is not below the 3 training epochs/);
    });

    it('is quiet when the evaluations per epoch are unknown (eval every N steps)', () => {
      expect(hf('model_name_or_path: m\nnum_train_epochs: 3\neval_strategy: steps\neval_steps: 100\nearly_stopping_patience: 3\n')).toEqual([]);
    });
  });
});
