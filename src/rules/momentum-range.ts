import { createRule, optionsSchema } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import { MOMENTUM } from '../knowledge/guide.js';
import { isAdamFamily } from './optimizers.js';
import { defaultNote, formatNumber, isFiniteNumber } from './util.js';

export interface Options {
  readonly low: number;
  readonly high: number;
  /** The value suggested in place of an out-of-range momentum. */
  readonly recommended: number;
}

const MOMENTUM_PATH = pointer('optimizer', 'momentum');
const unitInterval = { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } as const;

export default createRule<Options>({
  id: 'momentum-range',
  meta: {
    description: 'The momentum β lies outside [0.8, 0.99]; 0.9 is a common and good choice (GUIDE §6 Tier 2).',
    severity: 'warning',
    tier: 2,
    category: 'momentum',
    guide: '§6',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({ low: unitInterval, high: unitInterval, recommended: unitInterval }),
    defaultOptions: { low: MOMENTUM.low, high: MOMENTUM.high, recommended: MOMENTUM.recommended },
  },
  check(config, context) {
    const momentum = config.optimizer?.momentum;
    // 0 is plain SGD (no momentum), values outside [0, 1) are invalid-value's; Adam's momentum is β1 (adam-parameters).
    if (!isFiniteNumber(momentum) || momentum <= 0 || momentum >= 1 || isAdamFamily(config.optimizer)) return;
    const { low, high, recommended } = context.options;
    if (momentum >= low && momentum <= high) return;
    context.report({
      path: MOMENTUM_PATH,
      // Below the range only an info: at an equal effective step the bench measured no difference between
      // β = 0.5 and 0.9 (docs/bench.md, momentum-range-low), while β near 1 overshoots (momentum-range-high).
      ...(momentum < low ? { severity: 'info' as const } : {}),
      message: `Momentum ${formatNumber(momentum, 6)}${defaultNote(context.document, MOMENTUM_PATH)} is ${momentum < low ? 'below' : 'above'} [${formatNumber(low)}, ${formatNumber(high)}]; ${formatNumber(recommended)} is a common and good choice (GUIDE §6 Tier 2)${effectiveStepNote(momentum, recommended)}.`,
      suggestion: {
        path: MOMENTUM_PATH,
        value: recommended,
        description: `Set optimizer.momentum to ${formatNumber(recommended)}.`,
        edits: [{ op: 'set', path: MOMENTUM_PATH, value: recommended }],
      },
    });
  },
});

/**
 * β also sets the effective step lr / (1 − β): moving it changes that step by (1 − β) / (1 − β'). The bench
 * found no gain from β itself at an equal effective step, so the message says the rate goes with it.
 */
function effectiveStepNote(momentum: number, recommended: number): string {
  const factor = (1 - momentum) / (1 - recommended);
  const change = factor >= 1 ? `multiplies the effective step lr / (1 − β) by ${formatNumber(factor, 2)}` : `divides the effective step lr / (1 − β) by ${formatNumber(1 / factor, 2)}`;
  return `; the change ${change}, so re-tune the learning rate with it${factor >= 1 ? ' (at an equal effective step, β itself made no measurable difference on the bench)' : ''}`;
}
