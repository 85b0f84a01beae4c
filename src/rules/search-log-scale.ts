import { createRule, optionsSchema } from '../engine/rule.js';
import { SEARCH } from '../knowledge/guide.js';
import { dimensionsOf, isLearningRateParameter, leafOf, nativeEdits, rangeOf } from './search.js';
import { formatNumber } from './util.js';

export interface Options {
  /** A linear range whose max / min reaches this ratio is reported. */
  readonly ratio: number;
  /** Last segments of the parameters searched by orders of magnitude (learning rates always count). */
  readonly parameters: readonly string[];
}

export default createRule<Options>({
  id: 'search-log-scale',
  meta: {
    description: 'A learning rate, weight decay, L1/L2 or ε is searched on a linear scale over several orders of magnitude.',
    severity: 'warning',
    tier: null,
    category: 'search',
    guide: '§4.3',
    fixable: 'unsafe',
    optionsSchema: optionsSchema({
      ratio: { type: 'number', exclusiveMinimum: 1 },
      parameters: { type: 'array', items: { type: 'string', minLength: 1 } },
    }),
    defaultOptions: { ratio: SEARCH.logScaleRatio, parameters: ['weightDecay', 'l1', 'l2', 'epsilon'] },
  },
  check(config, context) {
    for (const dimension of dimensionsOf(config)) {
      const { parameter, spec } = dimension;
      if (!isLearningRateParameter(parameter) && !context.options.parameters.includes(leafOf(parameter))) continue;
      const range = rangeOf(dimension);
      // A range that starts at 0 has no log scale; the ratio is then meaningless, not large.
      if (!range || range.min <= 0 || spec.scale === 'log' || spec.values !== undefined) continue;
      const ratio = range.max / range.min;
      if (ratio < context.options.ratio) continue;
      const topDecade = (range.max - range.max / 10) / (range.max - range.min);
      const scalePath = `${dimension.path}/scale`;
      context.report({
        path: spec.scale === 'linear' ? scalePath : dimension.path,
        message:
          `${parameter} is searched on a linear scale over [${formatNumber(range.min)}, ${formatNumber(range.max)}] (${formatNumber(Math.log10(ratio))} orders of magnitude): ` +
          `${Math.round(topDecade * 100)}% of the samples land in the top decade (GUIDE §4.3; Tuning Playbook: search such parameters on a log scale).`,
        suggestion: {
          path: scalePath,
          value: 'log',
          description: `Set scale: log, so every order of magnitude between ${formatNumber(range.min)} and ${formatNumber(range.max)} gets the same share of trials.`,
          // A missing key cannot be edited in place: the whole dimension is rewritten with its scale.
          ...nativeEdits(
            context.document.format,
            spec.scale === undefined
              ? [{ op: 'set', path: dimension.path, value: { ...spec, scale: 'log' } }]
              : [{ op: 'set', path: scalePath, value: 'log' }],
          ),
        },
      });
    }
  },
});
