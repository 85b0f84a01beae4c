import { createRule, optionsSchema } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import type { LossTerm, TrainingConfig } from '../model/types.js';
import { LOSS_MAGNITUDE_RATIO } from '../knowledge/guide.js';
import { formatNumber, isFiniteNumber, roundNice } from './util.js';

export interface Options {
  /** Terms whose weighted magnitudes differ by more than this factor are out of balance. */
  readonly maxRatio: number;
}

interface Contribution {
  readonly index: number;
  readonly name: string;
  readonly weight: number;
  readonly value: number;
}

const CROSS_ENTROPY = /^(crossentropy|categoricalcrossentropy|sparsecategoricalcrossentropy|softmaxcrossentropy|ce|nll|nllloss)$/;
const BINARY_CROSS_ENTROPY = /^(binarycrossentropy|bce|bcewithlogits|sigmoidcrossentropy)$/;

export default createRule<Options>({
  id: 'loss-magnitude-gap',
  meta: {
    description: 'Two loss terms whose weight × magnitude differ by more than two orders of magnitude (GUIDE §6 Tier 1).',
    severity: 'warning',
    tier: 1,
    category: 'loss',
    guide: '§6, §7',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({ maxRatio: { type: 'number', exclusiveMinimum: 1 } }),
    defaultOptions: { maxRatio: LOSS_MAGNITUDE_RATIO },
  },
  check(config, context) {
    const terms = config.losses ?? [];
    if (terms.length < 2) return;
    const { maxRatio } = context.options;
    const weighted = terms
      .map((term, index) => contribution(term, index, magnitude(term, config)))
      .filter((c): c is Contribution => c !== undefined);
    if (weighted.length >= 2) {
      const [low, high] = extremes(weighted);
      const ratio = high.value / low.value;
      if (ratio <= maxRatio) return;
      // Re-weight the auxiliary term: the first term is the main objective the others support.
      const change = low.index === 0 ? high : low;
      const reference = change === low ? high : low;
      const target = change === low ? reference.value / 10 : reference.value * 10;
      const newWeight = roundNice((change.weight * target) / change.value);
      const weightPath = pointer('losses', change.index, 'weight');
      context.report({
        path: pointer('losses', change.index),
        message: `Loss terms "${low.name}" (${formatNumber(low.value)}) and "${high.name}" (${formatNumber(high.value)}) differ ${formatNumber(Math.round(ratio))}× in weight × magnitude; keep them within ${maxRatio}× (GUIDE §6 Tier 1).`,
        suggestion: {
          path: weightPath,
          value: newWeight,
          description: `Set the weight of "${change.name}" to ${formatNumber(newWeight)}, within one order of magnitude of "${reference.name}".`,
          edits: [{ op: 'set', path: weightPath, value: newWeight }],
        },
      });
      return;
    }
    if (terms.some((term) => magnitude(term, config) !== undefined)) return;
    const byWeight = terms
      .map((term, index) => contribution(term, index, 1))
      .filter((c): c is Contribution => c !== undefined);
    if (byWeight.length < 2) return;
    const [low, high] = extremes(byWeight);
    if (high.weight / low.weight <= maxRatio) return;
    context.report({
      path: pointer('losses', low.index, 'weight'),
      severity: 'info',
      message: `Loss weights of "${low.name}" (${formatNumber(low.weight)}) and "${high.name}" (${formatNumber(high.weight)}) differ more than ${maxRatio}×; without the terms' typical values (expectedValue) hplint cannot tell whether their contributions are balanced (GUIDE §6 Tier 1).`,
    });
  },
});

/** A term's typical value: declared, or ln(classes) for cross-entropy at initialisation. */
function magnitude(term: LossTerm, config: TrainingConfig): number | undefined {
  if (isFiniteNumber(term.expectedValue) && term.expectedValue > 0) return term.expectedValue;
  const name = (term.name ?? '').toLowerCase().replace(/[^a-z]/g, '');
  const classes = config.data?.numClasses;
  if (!isFiniteNumber(classes) || classes < 2) return undefined;
  if (CROSS_ENTROPY.test(name)) return Math.log(classes);
  if (BINARY_CROSS_ENTROPY.test(name)) return Math.log(2);
  return undefined;
}

function contribution(term: LossTerm, index: number, size: number | undefined): Contribution | undefined {
  const weight = term.weight ?? 1;
  if (size === undefined || !isFiniteNumber(weight) || weight <= 0) return undefined;
  return { index, name: term.name ?? `term ${index}`, weight, value: weight * size };
}

function extremes(list: readonly Contribution[]): [Contribution, Contribution] {
  const sorted = [...list].sort((a, b) => a.value - b.value);
  return [sorted[0]!, sorted[sorted.length - 1]!];
}
