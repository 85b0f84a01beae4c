import { createRule, optionsSchema } from '../engine/rule.js';
import type { DocumentFacts } from '../engine/rule.js';
import { pointer, pointerToDotPath } from '../model/pointer.js';
import { FINE_TUNE_DIVISORS, LEARNING_RATE_RANGES } from '../knowledge/guide.js';
import type { OptimizerFamily, Range } from '../knowledge/guide.js';
import { normalizeOptimizerName, optimizerFamily } from './optimizers.js';
import { defaultNote, formatNumber, initialLearningRate } from './util.js';

export interface Options {
  /** Per-family overrides of the GUIDE §7 ranges, e.g. `{ adam: { low: 1e-4, high: 3e-3 } }`. */
  readonly ranges: Partial<Record<OptimizerFamily, Range>>;
  /** With `pretrained: true` the range becomes [low / fineTuneLowDivisor, high / fineTuneHighDivisor]. */
  readonly fineTuneLowDivisor: number;
  readonly fineTuneHighDivisor: number;
}

const rangeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['low', 'high'],
  properties: { low: { type: 'number', exclusiveMinimum: 0 }, high: { type: 'number', exclusiveMinimum: 0 } },
} as const;

const DISPLAY_NAMES: Record<OptimizerFamily, string> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum',
  adagrad: 'Adagrad',
  adadelta: 'Adadelta',
  rmsprop: 'RMSprop',
  adam: 'Adam',
  adamax: 'Adamax',
  nadam: 'Nadam',
};

export default createRule<Options>({
  id: 'learning-rate-range',
  meta: {
    description: 'The initial learning rate lies outside the GUIDE §7 range for the optimizer in use (shifted down when fine-tuning).',
    severity: 'warning',
    tier: 1,
    category: 'learning-rate',
    guide: '§5, §7, §4.5',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({
      ranges: { type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.keys(LEARNING_RATE_RANGES).map((k) => [k, rangeSchema])) },
      fineTuneLowDivisor: { type: 'number', minimum: 1 },
      fineTuneHighDivisor: { type: 'number', minimum: 1 },
    }),
    defaultOptions: { ranges: {}, fineTuneLowDivisor: FINE_TUNE_DIVISORS.low, fineTuneHighDivisor: FINE_TUNE_DIVISORS.high },
  },
  check(config, context) {
    const lr = initialLearningRate(config);
    const family = optimizerFamily(config.optimizer);
    if (!lr || !family || lr.value <= 0) return;
    const base = context.options.ranges[family] ?? LEARNING_RATE_RANGES[family];
    const fineTuning = config.pretrained === true;
    const range = fineTuning
      ? { low: base.low / context.options.fineTuneLowDivisor, high: base.high / context.options.fineTuneHighDivisor }
      : base;
    if (lr.value >= range.low && lr.value <= range.high) return;
    const above = lr.value > range.high;
    const suggested = above ? range.high : range.low;
    const where = fineTuning
      ? `the fine-tuning range [${formatNumber(range.low)}, ${formatNumber(range.high)}] (GUIDE §4.5: 1–2 orders of magnitude below §7's [${formatNumber(base.low)}, ${formatNumber(base.high)}])`
      : `the recommended range [${formatNumber(range.low)}, ${formatNumber(range.high)}] (GUIDE §7)`;
    context.report({
      path: lr.path,
      message: `${displayName(config.optimizer?.name, family)}${optimizerDefaultNote(context.document)} learning rate ${formatNumber(lr.value)}${defaultNote(context.document, lr.path)} is ${above ? 'above' : 'below'} ${where}.`,
      suggestion: {
        path: lr.path,
        value: suggested,
        description: `Set ${pointerToDotPath(lr.path)} to ${formatNumber(suggested)}, the nearest value in range.`,
        edits: [{ op: 'set', path: lr.path, value: suggested }],
      },
    });
  },
});

/** The family's name, except AdamW, which users know by its own name although it shares Adam's range. */
function displayName(written: string | undefined, family: OptimizerFamily): string {
  return family === 'adam' && normalizeOptimizerName(written) === 'adamw' ? 'AdamW' : DISPLAY_NAMES[family];
}

/** " (the HuggingFace default optimizer)" when the file names no optimizer and its framework chose one. */
function optimizerDefaultNote(document: DocumentFacts): string {
  const source = document.defaultOf(pointer('optimizer', 'name'));
  return source ? ` (the ${source.framework} default optimizer)` : '';
}
