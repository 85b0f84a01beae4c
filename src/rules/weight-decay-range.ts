import { createRule, optionsSchema } from '../engine/rule.js';
import type { DocumentFacts, Finding } from '../engine/rule.js';
import { pointer, pointerToDotPath } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { WEIGHT_DECAY } from '../knowledge/guide.js';
import { hasDecoupledWeightDecay, optimizerFamily } from './optimizers.js';
import { allLayers, defaultNote, formatNumber, isFiniteNumber } from './util.js';

export interface Options {
  /**
   * Coupled decay / L2 above this (up to `coupledMax`) is an info. Default: GUIDE §6's suggested 5e-4, not
   * §7's 1e-4 — the guide recommends 5e-4 itself, and its more specific advice wins.
   */
  readonly coupledInfoAbove: number;
  /** Coupled decay / L2 above this is a warning. */
  readonly coupledMax: number;
  /** Decoupled decay (AdamW and relatives) above this is a warning. */
  readonly decoupledMax: number;
  /**
   * The value suggested in place of too strong a coupled decay: the top of GUIDE §7's range, 1e-4. Not §6's
   * 5e-4, tolerated above: on the bench, 1e-2 → 5e-4 gained less than its noise, 1e-2 → 1e-4 clearly more.
   */
  readonly suggested: number;
}

/** One weight-decay coefficient in the config, and how it acts on the weights. */
interface DecayTerm {
  readonly path: Pointer;
  readonly value: number;
  readonly label: string;
  /** How the coefficient acts, written after the value: ` (coupled, with sgd)`. */
  readonly qualifier: string;
  readonly decoupled: boolean;
}

const positive = { type: 'number', exclusiveMinimum: 0 } as const;

export default createRule<Options>({
  id: 'weight-decay-range',
  meta: {
    description: 'Coupled weight decay or L2 above 1e-3 (info above the 5e-4 GUIDE §6 suggests), or decoupled (AdamW) weight decay above 0.1.',
    severity: 'warning',
    tier: 3,
    category: 'regularization',
    guide: '§7, §6',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({ coupledInfoAbove: positive, coupledMax: positive, decoupledMax: positive, suggested: positive }),
    defaultOptions: {
      coupledInfoAbove: WEIGHT_DECAY.suggested,
      coupledMax: WEIGHT_DECAY.coupledWarning,
      decoupledMax: WEIGHT_DECAY.decoupledWarning,
      suggested: WEIGHT_DECAY.coupledRangeTop,
    },
  },
  check(config, context) {
    for (const term of decayTerms(config)) {
      const finding = judge(term, context.options, context.document);
      if (finding) context.report(finding);
    }
  },
});

/**
 * Every decay coefficient whose coupling is known: the optimizer's weight decay (decoupled for AdamW and
 * relatives, coupled for the GUIDE §7 families; an unknown optimizer leaves it ambiguous, so it is skipped),
 * and L2 regularization, which always adds to the loss and so is coupled.
 */
function decayTerms(config: TrainingConfig): DecayTerm[] {
  const terms: DecayTerm[] = [];
  const { optimizer } = config;
  const decay = optimizer?.weightDecay;
  if (isFiniteNumber(decay)) {
    const decoupled = hasDecoupledWeightDecay(optimizer);
    if (decoupled || optimizerFamily(optimizer) !== undefined) {
      const qualifier = ` (${decoupled ? 'decoupled' : 'coupled'}, with ${optimizer?.name ?? ''})`;
      terms.push({ path: pointer('optimizer', 'weightDecay'), value: decay, label: 'Weight decay', qualifier, decoupled });
    }
  }
  const l2 = config.regularization?.l2;
  if (isFiniteNumber(l2)) terms.push({ path: pointer('regularization', 'l2'), value: l2, label: 'L2 regularization', qualifier: '', decoupled: false });
  for (const { layer, path, index } of allLayers(config)) {
    const kernelL2 = layer.kernelRegularizer?.l2;
    if (isFiniteNumber(kernelL2)) {
      terms.push({ path: `${path}/kernelRegularizer/l2`, value: kernelL2, label: `Layer ${index} kernel L2`, qualifier: '', decoupled: false });
    }
  }
  return terms;
}

/** The strongest level that applies to one term, or nothing. Negative values are invalid-value's. */
function judge(term: DecayTerm, options: Options, document: DocumentFacts): Finding | undefined {
  const written = `${term.label} ${formatNumber(term.value)}${term.qualifier}${defaultNote(document, term.path)}`;
  if (term.decoupled) {
    if (term.value <= options.decoupledMax) return undefined;
    return {
      path: term.path,
      message: `${written} is above ${formatNumber(options.decoupledMax)}, the top of the usual decoupled range (GUIDE §7, §6 Tier 3): the decay then outweighs the gradient and the model underfits.`,
      suggestion: setTo(term.path, options.decoupledMax, 'the top of the usual decoupled range'),
    };
  }
  if (term.value > options.coupledMax) {
    return {
      path: term.path,
      message: `${written} is above ${formatNumber(options.coupledMax)}, an order of magnitude past the GUIDE §7 range [0, ${formatNumber(WEIGHT_DECAY.coupledRangeTop)}]: coupled decay that strong shrinks the weights faster than the data trains them. Use ${formatNumber(options.suggested)}, within that range, and do not search it much (GUIDE §6 Tier 3).`,
      suggestion: setTo(term.path, options.suggested, 'within the GUIDE §7 range'),
    };
  }
  if (term.value > options.coupledInfoAbove) {
    return {
      path: term.path,
      severity: 'info',
      message: `${written} is above ${formatNumber(options.coupledInfoAbove)}, the value GUIDE §6 Tier 3 suggests (§7's table: [0, ${formatNumber(WEIGHT_DECAY.coupledRangeTop)}]); keep it if it is a recipe's value, but do not spend trials on it.`,
      suggestion: setTo(term.path, options.coupledInfoAbove, 'the value GUIDE §6 Tier 3 suggests'),
    };
  }
  return undefined;
}

function setTo(path: Pointer, value: number, why: string): NonNullable<Finding['suggestion']> {
  return {
    path,
    value,
    description: `Set ${pointerToDotPath(path)} to ${formatNumber(value)}, ${why}.`,
    edits: [{ op: 'set', path, value }],
  };
}
