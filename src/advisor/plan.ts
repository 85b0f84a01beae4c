import type { Tier } from '../engine/rule.js';
import type { TrainingConfig } from '../model/types.js';
import { ADAM, ADAM_SEARCH_BUDGET, BATCH, MOMENTUM, PLATEAU, SEARCH, WEIGHT_DECAY } from '../knowledge/guide.js';
import type { Range } from '../knowledge/guide.js';
import { isAdamFamily, optimizerFamily } from '../rules/optimizers.js';
import { effectiveBatch, initialLearningRate } from '../rules/util.js';
import type { AdvisorSuggestion } from './suggestion.js';
import { learningRateBand } from '../rules/learning-rate-range.js';
import { effectiveRegime } from '../model/regime.js';

/**
 * Budgets at which the plan adds hyperparameters. SGD's momentum (tier 2) joins from the Playbook's 10
 * trials. Tier 3 (Adam's β1 and ε, weight decay) waits for a large budget: GUIDE §6 ranks it last and says
 * to use suggested values and not search weight decay much, so a small default budget spends its trials
 * on the rate; β2 only "well beyond" ε (Playbook).
 */
export const PLAN_BUDGET = { momentum: ADAM_SEARCH_BUDGET.beta1, tier3: 50, beta2: 100 } as const;

/** The default trial budget of `hplint advise`. */
export const DEFAULT_BUDGET = 20;

/** Keras's and TF.js's `fit` batch size, the starting point when the config names none (`model.fit` docs). */
const FRAMEWORK_BATCH = 32;

export interface SearchDimension {
  readonly parameter: string;
  readonly tier: Tier;
  readonly range: readonly [number, number];
  readonly scale: 'log' | 'linear';
  /** The grid's values, when the strategy is a grid. */
  readonly values?: readonly number[];
  readonly why: string;
}

export interface TuningPlan {
  readonly budget: number;
  /** Hyperparameters to search, in GUIDE §6 order. */
  readonly search: readonly SearchDimension[];
  /** Left at these values (not worth trials at this budget). */
  readonly fixed: readonly { readonly parameter: string; readonly value: number; readonly why: string }[];
  readonly strategy: 'grid' | 'quasiRandom';
  /** Trials the strategy uses (a grid may use fewer than the budget). */
  readonly trials: number;
  readonly strategyWhy: string;
  /** GUIDE §5.3, spelled out. */
  readonly schedule: {
    readonly type: 'reduceOnPlateau';
    readonly factor: number;
    readonly patience: number;
    readonly initialLearningRate?: number;
    /** Every rate the policy visits, down to 1/1024 of the initial one, after which training stops. */
    readonly rates?: readonly number[];
    readonly description: string;
  };
  /** GUIDE §2.4.1. */
  readonly earlyStopping: { readonly monitor: string; readonly patience: number; readonly description: string };
  /** GUIDE §3. */
  readonly batchSize: { readonly current?: number; readonly candidates: readonly number[]; readonly steps: readonly string[] };
}

/** The search, the schedule, early stopping and the batch-size procedure for a trial budget. */
export function makePlan(config: TrainingConfig, format: string, suggestions: readonly AdvisorSuggestion[], budget: number, monitor: string): TuningPlan {
  const startRate = suggestedRate(config, suggestions);
  const { search, fixed } = dimensions(config, format, budget, startRate);
  const grid = search.length > 0 && search.length <= SEARCH.gridMaxDimensions;
  const perDimension = grid ? Math.max(1, Math.floor(budget ** (1 / search.length) + 1e-9)) : 0;
  const withValues = grid ? search.map((d) => ({ ...d, values: d.values ?? spaced(d.range, perDimension, d.scale) })) : search;
  const trials = search.length === 0 ? 0 : grid ? Math.min(budget, withValues.reduce((n, d) => n * d.values!.length, 1)) : budget;
  return {
    budget,
    search: withValues,
    fixed,
    strategy: grid ? 'grid' : 'quasiRandom',
    trials,
    strategyWhy: search.length === 0
      ? 'Nothing to search: the config names no learning rate (nor an optimizer with a GUIDE §7 range) and no search space.'
      : grid
      ? `${search.length === 1 ? `1 dimension: a grid of ${perDimension} value${perDimension === 1 ? '' : 's'}` : `${search.length} dimensions: a grid of ${perDimension} values each`} covers the space evenly (grid search only up to ${SEARCH.gridMaxDimensions} dimensions, GUIDE §4.2, Playbook).`
      : `${search.length} dimensions: a grid would grow exponentially (GUIDE §4.2); quasi-random search (a Sobol or Halton sequence, else random) covers each dimension at ${budget} distinct values (Bergstra & Bengio 2012, Playbook).`,
    schedule: schedule(startRate),
    earlyStopping: {
      monitor,
      patience: PLATEAU.patience,
      description: `Record the best ${monitor}; stop when ${PLATEAU.patience} consecutive epochs do not beat it (GUIDE §2.4.1: n = 10, 20, 30 …, at least 10), and keep the best epoch's weights.`,
    },
    batchSize: batchProcedure(config),
  };
}

/** The rate the plan starts from: a suggestion's new rate if there is one, else the config's. */
function suggestedRate(config: TrainingConfig, suggestions: readonly AdvisorSuggestion[]): number | undefined {
  const changed = suggestions.find((s) => s.parameter === 'optimizer.learningRate' && typeof s.suggested === 'number');
  return (changed?.suggested as number | undefined) ?? initialLearningRate(config)?.value;
}

function dimensions(config: TrainingConfig, format: string, budget: number, rate: number | undefined): Pick<TuningPlan, 'search' | 'fixed'> {
  const own = sweepSpace(config);
  if (own.length > 0) return { search: own, fixed: [] };
  const search: SearchDimension[] = [];
  const fixed: { parameter: string; value: number; why: string }[] = [];
  const band = learningRateBand(config, format);
  const lrRange = band ?? (rate ? { low: rate / 10, high: rate * 10 } : undefined);
  if (lrRange) {
    const why = band
      ? `Tier 1, the most important hyperparameter (GUIDE §5.1); ${bandSource(config, format)}.`
      : 'Tier 1 (GUIDE §5.1); §7 has no range for this optimizer, so a decade either side of the current rate.';
    search.push(dimension('optimizer.learningRate', 1, lrRange, 'log', why));
  }
  const family = optimizerFamily(config.optimizer);
  if (family === 'momentum') {
    if (budget >= PLAN_BUDGET.momentum) search.push(dimension('optimizer.momentum', 2, MOMENTUM, 'linear', 'Tier 2 (GUIDE §6): momentum β.'));
    else fixed.push({ parameter: 'optimizer.momentum', value: MOMENTUM.recommended, why: `tuned only from ${PLAN_BUDGET.momentum} trials; GUIDE §6 Tier 2: a common and good choice` });
  }
  if (isAdamFamily(config.optimizer)) {
    const adam = (key: keyof typeof ADAM, from: number, scale: 'log' | 'linear', why: string) => {
      if (budget >= from) search.push(dimension(`optimizer.${key}`, 3, ADAM[key], scale, why));
      else fixed.push({ parameter: `optimizer.${key}`, value: ADAM[key].recommended, why: `tuned only from ${from} trials; GUIDE §6 Tier 3's suggested value` });
    };
    adam('beta1', PLAN_BUDGET.tier3, 'linear', `Tier 3 (GUIDE §6): searched only from ${PLAN_BUDGET.tier3} trials; below that the trials go to the rate.`);
    adam('epsilon', PLAN_BUDGET.tier3, 'log', `Tier 3 (GUIDE §6): with β1, from ${PLAN_BUDGET.tier3} trials (the Playbook adds ε after β1).`);
    adam('beta2', PLAN_BUDGET.beta2, 'linear', `Tier 3; β2 only "well beyond" ε (Playbook), from ${PLAN_BUDGET.beta2} trials.`);
  }
  if (budget >= PLAN_BUDGET.tier3) {
    // Log scale needs a positive lower end: two decades below §7's upper end.
    const range = { low: WEIGHT_DECAY.coupledRangeTop / 100, high: WEIGHT_DECAY.coupledRangeTop };
    search.push(dimension('regularization.l2', 3, range, 'log', 'Tier 3: weight decay within GUIDE §7\'s [0, 1e-4], on a log scale; searched only with a large budget (GUIDE §6).'));
  }
  return { search, fixed };
}

/**
 * A sweep file's own search space (W&B, Optuna, Hydra sweeper, Katib), reused as the plan's dimensions: the
 * user chose those parameters and bounds; the plan only orders them (GUIDE §6) and picks the strategy.
 */
function sweepSpace(config: TrainingConfig): SearchDimension[] {
  return (config.search?.space ?? []).flatMap((entry) => {
    const numbers = (entry.values ?? []).filter((v): v is number => typeof v === 'number');
    const low = entry.min ?? (numbers.length > 0 ? Math.min(...numbers) : undefined);
    const high = entry.max ?? (numbers.length > 0 ? Math.max(...numbers) : undefined);
    if (!entry.parameter || low === undefined || high === undefined) return [];
    const scale = entry.scale ?? (low > 0 && high / low >= 100 ? 'log' : 'linear');
    return [{ ...dimension(entry.parameter, tierOf(entry.parameter), { low, high }, scale, "The sweep file's own search space."), ...(numbers.length > 0 && entry.min === undefined ? { values: numbers } : {}) }];
  }).sort((a, b) => (a.tier ?? 4) - (b.tier ?? 4));
}

/** GUIDE §6 tiers of the parameters a sweep names: the rate first, batch size and momentum next, the rest last. */
function tierOf(parameter: string): Tier {
  if (/learningRate|^losses\./.test(parameter)) return 1;
  if (/batchSize|momentum/.test(parameter)) return 2;
  return 3;
}

function dimension(parameter: string, tier: Tier, range: Range, scale: 'log' | 'linear', why: string): SearchDimension {
  return { parameter, tier, range: [range.low, range.high], scale, why };
}

/** `count` values from low to high inclusive, evenly spaced on the scale, rounded to two significant digits. */
export function spaced(range: readonly [number, number], count: number, scale: 'log' | 'linear'): number[] {
  const [low, high] = range;
  if (count === 1) return [Number((scale === 'log' ? Math.sqrt(low * high) : (low + high) / 2).toPrecision(2))];
  return Array.from({ length: count }, (_, i) => {
    const t = i / (count - 1);
    const value = scale === 'log' ? low * (high / low) ** t : low + (high - low) * t;
    return Number(value.toPrecision(2));
  });
}

function schedule(rate: number | undefined): TuningPlan['schedule'] {
  const { patience, floorDivisor } = PLATEAU;
  const factor = PLATEAU.factor.recommended;
  const base = {
    type: 'reduceOnPlateau' as const,
    factor,
    patience,
    description: `Track the best validation result; after ${patience} epochs without a new best, multiply the rate by ${factor} and continue; once it has fallen to 1/${floorDivisor} of the initial rate, stop (GUIDE §5.3).`,
  };
  if (rate === undefined) return base;
  const rates: number[] = [];
  for (let r = rate; r >= (rate / floorDivisor) * (1 - 1e-9); r *= factor) rates.push(Number(r.toPrecision(12)));
  return { ...base, initialLearningRate: rate, rates };
}

/** GUIDE §3: powers of two around the current batch (÷4 to ×4) within [1, 1024], compared by wall-clock time. */
function batchProcedure(config: TrainingConfig): TuningPlan['batchSize'] {
  const current = effectiveBatch(config);
  const centre = 2 ** Math.round(Math.log2(current ?? FRAMEWORK_BATCH));
  const candidates = [centre / 4, centre / 2, centre, centre * 2, centre * 4].filter((b) => b >= 1 && b <= BATCH.typicalMax);
  return {
    ...(current !== undefined ? { current } : {}),
    candidates,
    steps: [
      'Fix the other hyperparameters at acceptable (not necessarily optimal) values.',
      `Train with each batch size (${candidates.join(', ')}) for the same wall-clock time.`,
      'Plot validation accuracy against wall-clock time, not against steps.',
      'Pick the smallest batch size that gives fast improvement (GUIDE §3).',
      'Then tune the other hyperparameters: a new batch size needs the learning rate, momentum and regularization re-tuned (Playbook).',
    ],
  };
}

/** Where learning-rate-range's band for this run comes from, as the plan says it. */
function bandSource(config: TrainingConfig, format: string): string {
  const kind = effectiveRegime(config, format)?.kind;
  if (kind === 'scratch') return "GUIDE §7's range";
  if (kind === 'finetune') return "GUIDE §7's range, shifted down for fine-tuning (§4.5)";
  return 'the published band learning-rate-range holds this regime to (its docs give the sources)';
}
