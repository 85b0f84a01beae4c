import { createRule, optionsSchema } from '../engine/rule.js';
import { pointer, pointerToDotPath } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { scheduleKind } from './schedules.js';
import { defaultNote } from './util.js';
import { monitorsValidation, validationData } from './validation.js';

export interface Options {
  /** The validation split suggested when there is none (a common hold-out, not a GUIDE number). */
  readonly suggestedValidationSplit: number;
}

/** Something in the config that reads a validation metric. */
interface ValidationReader {
  readonly path: Pointer;
  readonly what: string;
  readonly monitor: string | undefined;
  readonly consequence: string;
}

const SPLIT_PATH = pointer('data', 'validationSplit');

export default createRule<Options>({
  id: 'missing-validation',
  meta: {
    description: 'Early stopping, a reduce-on-plateau schedule or a val_* monitor, but the run holds out no validation data.',
    severity: 'warning',
    tier: null,
    category: 'training-process',
    guide: '§2.4.1, §5.2',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({ suggestedValidationSplit: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } }),
    defaultOptions: { suggestedValidationSplit: 0.1 },
  },
  check(config, context) {
    const validation = validationData(config);
    // Only a config that says "no validation data" is reported: without a word, the data may come from code.
    if (validation.state !== 'none') return;
    const split = context.options.suggestedValidationSplit;
    const none = `${pointerToDotPath(validation.path)}: 0${defaultNote(context.document, validation.path)}`;
    for (const reader of validationReaders(config)) {
      const monitor = reader.monitor ?? 'val_loss, the Keras default';
      context.report({
        path: reader.path,
        message: `${reader.what} monitors ${monitor}, but the run holds out no validation data (${none}): the metric is never computed, so ${reader.consequence} (GUIDE §2.4.1, §5.2).`,
        suggestion: {
          path: SPLIT_PATH,
          value: split,
          description: `Hold out validation data: set data.validationSplit to ${split} (or give the run a validation set).`,
          edits: [{ op: 'set', path: SPLIT_PATH, value: split }],
        },
      });
    }
  },
});

function validationReaders(config: TrainingConfig): ValidationReader[] {
  const readers: ValidationReader[] = [];
  const earlyStopping = config.training?.earlyStopping;
  if (earlyStopping && monitorsValidation(earlyStopping.monitor)) {
    readers.push({
      path: earlyStopping.monitor === undefined ? pointer('training', 'earlyStopping') : pointer('training', 'earlyStopping', 'monitor'),
      what: 'Early stopping',
      monitor: earlyStopping.monitor,
      consequence: 'training never stops early',
    });
  }
  const { schedule } = config;
  if (scheduleKind(schedule) === 'reduceOnPlateau' && monitorsValidation(schedule?.monitor)) {
    readers.push({
      path: schedule?.monitor === undefined ? pointer('schedule', 'type') : pointer('schedule', 'monitor'),
      what: 'The reduce-on-plateau schedule',
      monitor: schedule?.monitor,
      consequence: 'the learning rate is never reduced',
    });
  }
  return readers;
}
