import type { FormatName } from '../adapters/adapter.js';
import { createRule, NO_OPTIONS } from '../engine/rule.js';
import type { Suggestion } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { FINE_TUNE_DIVISORS, LEARNING_RATE_RANGES } from '../knowledge/guide.js';
import type { Range } from '../knowledge/guide.js';
import { optimizerFamily } from './optimizers.js';
import { dimensionsOf, isCanonicalParameter, isLearningRateParameter, isTier3Parameter, nativeEdits, varies } from './search.js';
import { formatNumber, initialLearningRate, roundNice } from './util.js';

/** One decade either side of the current rate: wide enough to find the optimum, centred on the recipe. */
const DECADE = 10;

export default createRule<Record<string, never>>({
  id: 'search-importance-order',
  meta: {
    description: 'A search space tunes tier-3 hyperparameters (network shape, Adam, weight decay, dropout) but keeps the learning rate fixed.',
    severity: 'info',
    tier: null,
    category: 'search',
    guide: '§6',
    fixable: 'unsafe',
    ...NO_OPTIONS,
  },
  check(config, context) {
    const dimensions = dimensionsOf(config);
    // A parameter the model does not name (an unmapped sweep key) might be the learning rate: stay silent.
    if (dimensions.length === 0 || !dimensions.every((d) => isCanonicalParameter(d.parameter))) return;
    if (dimensions.some((d) => isLearningRateParameter(d.parameter) && varies(d))) return;
    const tier3 = dimensions.filter((d) => varies(d) && isTier3Parameter(d.parameter)).map((d) => d.parameter);
    if (tier3.length === 0) return;
    const lr = initialLearningRate(config);
    const fixedAt = lr ? ` at ${formatNumber(lr.value)}` : '';
    context.report({
      path: pointer('search', 'space'),
      message:
        `The search tunes tier-3 hyperparameters (${tier3.join(', ')}) but keeps the learning rate fixed${fixedAt}: ` +
        'GUIDE §6 puts the learning rate first — tune it before network shape, Adam, weight decay or dropout.',
      ...suggestion(config, context.document.format, lr?.value),
    });
  },
});

/** A learning-rate dimension on a log scale: a decade either side of the current rate, else the §7 range. */
function suggestion(config: TrainingConfig, format: FormatName, lr: number | undefined): { suggestion?: Suggestion } {
  const range = lr !== undefined && lr > 0 ? { low: roundNice(lr / DECADE), high: roundNice(lr * DECADE) } : guideRange(config);
  if (!range) return {};
  const space = config.search?.space ?? [];
  const fixed = space.findIndex((d) => d.parameter === 'optimizer.learningRate');
  const path = pointer('search', 'space', fixed >= 0 ? fixed : space.length);
  const value = { parameter: 'optimizer.learningRate', min: range.low, max: range.high, scale: 'log' };
  return {
    suggestion: {
      path,
      value,
      description: `Search optimizer.learningRate over [${formatNumber(range.low)}, ${formatNumber(range.high)}] on a log scale.`,
      // A one-value learning-rate dimension is replaced in place; a new list item is left to the user.
      ...nativeEdits(format, fixed >= 0 ? [{ op: 'set', path, value }] : []),
    },
  };
}

/** GUIDE §7's range for the optimizer, shifted down for fine-tuning (§4.5); undefined for unknown optimizers. */
function guideRange(config: TrainingConfig): Range | undefined {
  const family = optimizerFamily(config.optimizer);
  if (!family) return undefined;
  const base = LEARNING_RATE_RANGES[family];
  return config.pretrained === true ? { low: base.low / FINE_TUNE_DIVISORS.low, high: base.high / FINE_TUNE_DIVISORS.high } : base;
}
