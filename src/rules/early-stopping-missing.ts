import { createRule, optionsSchema } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import { PLATEAU } from '../knowledge/guide.js';
import { scheduleKind } from './schedules.js';
import { defaultNote, formatNumber, isFiniteNumber } from './util.js';
import { validationData } from './validation.js';

export interface Options {
  /** Runs of at least this many epochs are expected to stop early. */
  readonly minEpochs: number;
  /** The patience of the suggested early stopping (GUIDE §2.4.1: n = 10, 20, 30 …). */
  readonly patience: number;
}

const EARLY_STOPPING_PATH = pointer('training', 'earlyStopping');

export default createRule<Options>({
  id: 'early-stopping-missing',
  meta: {
    description: 'A long run (≥ 50 epochs) with validation data but neither early stopping nor a reduce-on-plateau schedule.',
    severity: 'info',
    tier: null,
    category: 'training-process',
    guide: '§2.4.1',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({ minEpochs: { type: 'number', minimum: 1 }, patience: { type: 'integer', minimum: 1 } }),
    defaultOptions: { minEpochs: PLATEAU.earlyStoppingEpochs, patience: PLATEAU.patience },
  },
  check(config, context) {
    const epochs = config.training?.epochs;
    const { minEpochs, patience } = context.options;
    if (!isFiniteNumber(epochs) || epochs < minEpochs || validationData(config).state !== 'present') return;
    if (config.training?.earlyStopping || scheduleKind(config.schedule) === 'reduceOnPlateau') return;
    const epochsPath = pointer('training', 'epochs');
    const value = { monitor: 'val_loss', patience };
    context.report({
      path: epochsPath,
      message: `Training runs ${formatNumber(epochs)} epochs${defaultNote(context.document, epochsPath)} with validation data but no early stopping or reduce-on-plateau schedule: GUIDE §2.4.1 stops once n epochs (n = 10, 20, 30 …) bring no new best validation score, instead of training on while the model overfits.`,
      suggestion: {
        path: EARLY_STOPPING_PATH,
        value,
        description: `Add training.earlyStopping: { monitor: val_loss, patience: ${patience} }.`,
        edits: [{ op: 'set', path: EARLY_STOPPING_PATH, value }],
      },
    });
  },
});
