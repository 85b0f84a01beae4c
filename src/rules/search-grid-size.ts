import type { FormatName } from '../adapters/adapter.js';
import { createRule, optionsSchema } from '../engine/rule.js';
import type { EditOp, Suggestion } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { SEARCH } from '../knowledge/guide.js';
import { dimensionsOf, discreteSize, nativeEdits, varies } from './search.js';
import { isPositiveInteger } from './util.js';

export interface Options {
  /** A grid over more varying dimensions than this is reported (info). */
  readonly maxGridDimensions: number;
  /** With no `trials` set, a discrete space with more combinations than this is reported. */
  readonly maxCombinationsWithoutBudget: number;
}

const WHY = 'GUIDE §4.2: the cost grows exponentially with the number of hyperparameters';
const SAMPLING = 'GUIDE §4.3: random search samples each hyperparameter from a distribution';
const PLAYBOOK = 'Tuning Playbook: grid search only in 1–2 dimensions, quasi-random search for exploration';

export default createRule<Options>({
  id: 'search-grid-size',
  meta: {
    description: 'A grid (or all-discrete) search space has more combinations than the trial budget, or a grid spans more than two dimensions.',
    severity: 'warning',
    tier: null,
    category: 'search',
    guide: '§4.2',
    fixable: 'unsafe',
    optionsSchema: optionsSchema({
      maxGridDimensions: { type: 'integer', minimum: 1 },
      maxCombinationsWithoutBudget: { type: 'integer', minimum: 1 },
    }),
    defaultOptions: { maxGridDimensions: SEARCH.gridMaxDimensions, maxCombinationsWithoutBudget: SEARCH.gridMaxPointsWithoutBudget },
  },
  check(config, context) {
    const dimensions = dimensionsOf(config);
    const trials = config.search?.trials;
    if (dimensions.length === 0 || (trials !== undefined && !isPositiveInteger(trials))) return;
    const strategy = config.search?.strategy;
    // An unset strategy over lists of values is how Hydra's basic sweeper and hand-written loops run: a grid.
    const gridLike = strategy === 'grid' || strategy === undefined;
    const sizes = dimensions.map(discreteSize);
    const combinations = sizes.every((s) => s !== undefined) ? sizes.reduce((a, b) => a * b, 1) : undefined;
    const path = strategy === undefined ? pointer('search', 'space') : pointer('search', 'strategy');
    const limit = trials ?? context.options.maxCombinationsWithoutBudget;
    // A one-value dimension is a fixed setting: it adds no combinations and no dimension to the grid.
    const varying = dimensions.filter(varies).length;

    if (combinations !== undefined && combinations > limit) {
      const budget = trials === undefined ? `more than ${limit} with no trial budget (search.trials) set` : `more than the ${trials} trials can cover`;
      const message = gridLike
        ? `Grid search over ${dimensionCount(varying)} has ${combinations} combinations, ${budget} (${WHY}).`
        : `Every dimension of this ${strategy} search is a list of values: ${combinations} combinations, ${budget}, and each ` +
          `hyperparameter is only ever tried at its listed values (${SAMPLING}).`;
      context.report({
        path,
        message,
        suggestion: gridLike ? quasiRandomSuggestion(config, context.document.format, limit) : rangesSuggestion(limit),
      });
      return;
    }
    if (strategy === 'grid' && varying > context.options.maxGridDimensions) {
      context.report({
        path,
        severity: 'info',
        message: `Grid search over ${dimensionCount(varying)} (${PLAYBOOK}).`,
        suggestion: quasiRandomSuggestion(config, context.document.format, trials ?? combinations),
      });
    }
  },
});

function dimensionCount(n: number): string {
  return n === 1 ? '1 dimension' : `${n} dimensions`;
}

/** Quasi-random search with the same budget: every trial tries a new value of every dimension. */
function quasiRandomSuggestion(config: TrainingConfig, format: FormatName, budget: number | undefined): Suggestion {
  const search = config.search ?? {};
  // Only written keys can be edited in place; a budget to add leaves the edit to the user, who sees the value.
  const editable = search.strategy !== undefined && (search.trials !== undefined || budget === undefined);
  const edits: EditOp[] = editable ? [{ op: 'set', path: pointer('search', 'strategy'), value: 'quasiRandom' }] : [];
  const withBudget = budget === undefined ? '' : ` with a budget of ${budget} trials`;
  return {
    path: pointer('search', 'strategy'),
    value: 'quasiRandom',
    description: `Set search.strategy to quasiRandom${withBudget} (${PLAYBOOK}; Bergstra & Bengio 2012).`,
    ...nativeEdits(format, edits),
  };
}

/** A random or Bayesian search over lists only samples a lattice: continuous ranges use the budget better. */
function rangesSuggestion(limit: number): Suggestion {
  return {
    path: pointer('search', 'space'),
    description: `Search the numeric dimensions over ranges (min/max, scale: log for rates and decays) instead of lists, or cut the lists to at most ${limit} combinations.`,
  };
}
