import type { EditOp, Tier } from '../engine/rule.js';
import { pointer, pointerToDotPath } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { PLATEAU } from '../knowledge/guide.js';
import { scheduleKind } from '../rules/schedules.js';
import { formatNumber, initialLearningRate, isFiniteNumber, roundNice } from '../rules/util.js';
import type { HistoryFinding } from './analyze/finding.js';
import { historyViews } from './analyze/series.js';
import type { TrainingHistory } from './history/history.js';
import type { UnrankedSuggestion } from './suggestion.js';
import { inRangeValue, learningRateRange, parameterRange, valueAt } from './values.js';

/** GUIDE §5.2/§5.3: a diverging rate is divided by 10; an oscillating one halved (§5.3's factor). */
const DIVERGENCE_FACTOR = PLATEAU.factor.low;
const OSCILLATION_FACTOR = PLATEAU.factor.recommended;

interface Context {
  readonly config: TrainingConfig;
  /** The initial rate: the config's, else the first rate the history logged (at the optimizer's path). */
  readonly rate?: { value: number; path: Pointer };
  /** What early stopping and plateau schedules should watch: the history's validation loss if it has one. */
  readonly monitor: string;
}

/** The changes each finding calls for (source: history). A finding with no safe concrete change adds none. */
export function suggestionsFromHistory(findings: readonly HistoryFinding[], history: TrainingHistory, config: TrainingConfig): UnrankedSuggestion[] {
  const view = historyViews(history)[0];
  const logged = view?.learningRate[0]?.value;
  const rate = initialLearningRate(config) ?? (isFiniteNumber(logged) && logged > 0 ? { value: logged, path: pointer('optimizer', 'learningRate') } : undefined);
  const context: Context = { config, ...(rate ? { rate } : {}), monitor: view?.validation[0]?.name ?? view?.train?.name ?? 'loss' };
  return findings.flatMap((finding) => ADVICE[finding.kind](finding, context));
}

type Advice = (finding: HistoryFinding, context: Context) => UnrankedSuggestion[];

const ADVICE: Record<HistoryFinding['kind'], Advice> = {
  divergence: (finding, { rate, config }) => (rate ? [scaleRate(finding, config, rate, DIVERGENCE_FACTOR, 'error', '§5.2, §5.3', `Lower the learning rate at least ×${DIVERGENCE_FACTOR}: GUIDE §5.2 reads a rising or exploding training loss as too large a step.`)] : []),
  oscillation: (finding, { rate, config }) => (rate ? [scaleRate(finding, config, rate, OSCILLATION_FACTOR, 'warning', '§5.1, §5.3', `Halve the learning rate: GUIDE §5.1, a fixed rate that is too large oscillates.`)] : []),
  underfitting: (finding, { rate, config }) => {
    const range = learningRateRange(config);
    // Only a rate below the guide's range is a known cause; otherwise the cause (capacity, data) is not a value to set.
    if (!rate || !range || rate.value >= range.low) return [];
    const suggested = inRangeValue(rate.value, range);
    return [historySuggestion(finding, rate.path, 1, rate.value, suggested, 'warning', '§5, §7', `Raise the learning rate into GUIDE §7's range: ${formatNumber(rate.value)} is below [${formatNumber(range.low)}, ${formatNumber(range.high)}].`, config)];
  },
  plateau: (finding, context) => {
    const { config, rate, monitor } = context;
    if (finding.stop) return earlyStopping(finding, context, 'GUIDE §5.3 stops training once the rate has fallen to 1/1024 of its initial value.');
    if (scheduleKind(config.schedule) === 'reduceOnPlateau') return [];
    const policy = {
      type: 'reduceOnPlateau',
      monitor,
      factor: PLATEAU.factor.recommended,
      patience: PLATEAU.patience,
      ...(rate ? { minLearningRate: rate.value / PLATEAU.floorDivisor } : {}),
    };
    const why = 'A reduce-on-plateau schedule does this automatically.';
    return [historySuggestion(finding, pointer('schedule'), 1, config.schedule, policy, 'warning', '§5.3', why, config)];
  },
  overfitting: (finding, context) => earlyStopping(finding, context, `Stop when ${context.monitor} has not improved for ${PLATEAU.patience} epochs (GUIDE §2.4.1); the best epoch here was ${finding.bestEpoch}. Regularization (dropout, weight decay) is the next lever.`),
  'loss-magnitude-gap': (finding, { config }) => reweight(finding, config),
  'no-validation': () => [],
};

function scaleRate(finding: HistoryFinding, config: TrainingConfig, rate: { value: number; path: Pointer }, factor: number, severity: 'error' | 'warning', guide: string, why: string): UnrankedSuggestion {
  return historySuggestion(finding, rate.path, 1, rate.value, Number((rate.value * factor).toPrecision(12)), severity, guide, why, config);
}

function earlyStopping(finding: HistoryFinding, { config, monitor }: Context, why: string): UnrankedSuggestion[] {
  if (config.training?.earlyStopping) return [];
  const value = { monitor, patience: PLATEAU.patience };
  return [historySuggestion(finding, pointer('training', 'earlyStopping'), null, undefined, value, 'warning', '§2.4.1, §5.3', why)];
}

/**
 * The term that is not the main objective (the first loss in the config) is reweighted so that its weighted
 * value is within one order of magnitude of the other's, as the loss-magnitude-gap rule does.
 */
function reweight(finding: HistoryFinding, config: TrainingConfig): UnrankedSuggestion[] {
  const losses = config.losses ?? [];
  const [high, low] = finding.terms ?? [];
  const index = (term: string | undefined) => losses.findIndex((l) => term !== undefined && (l.output === term || l.name === term));
  const [highIndex, lowIndex] = [index(high), index(low)];
  if (!high || !low || highIndex < 0 || lowIndex < 0 || !finding.magnitudes) return [];
  const changeHigh = lowIndex === 0 || highIndex !== 0;
  const [change, reference] = changeHigh ? [high, low] : [low, high];
  const changeIndex = changeHigh ? highIndex : lowIndex;
  const weight = losses[changeIndex]!.weight ?? 1;
  const target = finding.magnitudes[reference]! * (changeHigh ? 10 : 1 / 10);
  const suggested = roundNice((weight * target) / finding.magnitudes[change]!);
  const why = `Weight "${change}" so that its value stays within an order of magnitude of "${reference}" (GUIDE §6 Tier 1: auxiliary terms within two orders of magnitude).`;
  return [historySuggestion(finding, pointer('losses', changeIndex, 'weight'), 1, losses[changeIndex]!.weight, suggested, 'warning', '§6, §7', why)];
}

function historySuggestion(finding: HistoryFinding, path: Pointer, tier: Tier, current: unknown, suggested: unknown, severity: 'error' | 'warning', guide: string, why: string, config?: TrainingConfig): UnrankedSuggestion {
  const parameter = pointerToDotPath(path);
  const range = config ? parameterRange(parameter, config) : undefined;
  const edits: EditOp[] = [{ op: 'set', path, value: suggested }];
  return {
    tier,
    parameter,
    current: current ?? (config ? valueAt(config, path) : undefined),
    suggested,
    range: range ? [range.low, range.high] : null,
    ruleId: `history:${finding.kind}`,
    source: 'history',
    severity,
    rationale: `${finding.detail} ${why}`,
    guide,
    edits,
  };
}
