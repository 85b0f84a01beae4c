import type { FormatName } from '../adapters/adapter.js';
import type { EditOp, Tier } from '../engine/rule.js';
import { pointer, pointerToDotPath } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { DROPOUT, PLATEAU, WEIGHT_DECAY } from '../knowledge/guide.js';
import { scheduleKind } from '../rules/schedules.js';
import { formatNumber, initialLearningRate, isFiniteNumber, layersOf, layerKind, roundNice } from '../rules/util.js';
import type { HistoryFinding } from './analyze/finding.js';
import { historyViews } from './analyze/series.js';
import type { TrainingHistory } from './history/history.js';
import type { RuleCheck } from './rule-check.js';
import type { UnrankedSuggestion } from './suggestion.js';
import { parameterRange } from './values.js';
import { valueAtPointer } from '../model/pointer.js';

/** GUIDE §5.2/§5.3: a diverging rate is divided by 10; an oscillating one halved (§5.3's factor). */
const DIVERGENCE_FACTOR = PLATEAU.factor.low;
const OSCILLATION_FACTOR = PLATEAU.factor.recommended;

/** The rule whose ground each finding's advice stands on: turned off, it gives no advice. */
export const FINDING_RULES: Readonly<Record<HistoryFinding['kind'], string>> = {
  divergence: 'learning-rate-range',
  oscillation: 'learning-rate-range',
  underfitting: 'learning-rate-range',
  plateau: 'plateau-policy',
  overfitting: 'early-stopping-missing',
  'loss-magnitude-gap': 'loss-magnitude-gap',
  'no-validation': 'missing-validation',
};

interface Monitor {
  /** As the history names it (`val_loss`, `eval_accuracy`). */
  readonly name: string;
  readonly higherIsBetter: boolean;
  /** Evaluations per epoch: patience is counted in evaluations, as the frameworks' callbacks count it. */
  readonly perEpoch: number;
}

interface Context {
  readonly config: TrainingConfig;
  readonly format: FormatName;
  /** The initial rate: the config's, else the first rate the history logged (at the optimizer's path). */
  readonly rate?: { value: number; path: Pointer };
  readonly monitor: Monitor;
  readonly check: RuleCheck;
  /** The rate after the rules' own changes (what --fix-unsafe settles on): a plateau schedule's floor is 1/1024 of it. */
  readonly settledRate?: number;
}

/** The changes each finding calls for (source: history). A finding with no safe concrete change adds none. */
export function suggestionsFromHistory(findings: readonly HistoryFinding[], history: TrainingHistory, config: TrainingConfig, format: FormatName, check: RuleCheck, fixed?: TrainingConfig): UnrankedSuggestion[] {
  const view = historyViews(history)[0];
  const logged = view?.learningRate[0]?.value;
  const rate = initialLearningRate(config) ?? (isFiniteNumber(logged) && logged > 0 ? { value: logged, path: pointer('optimizer', 'learningRate') } : undefined);
  const validation = view?.validation[0];
  const evaluations = validation?.points ?? view?.train?.points ?? [];
  const epochs = evaluations.length > 0 ? evaluations.at(-1)!.epoch - evaluations[0]!.epoch + 1 : 1;
  const monitor: Monitor = { name: validation?.name ?? view?.train?.name ?? 'loss', higherIsBetter: false, perEpoch: Math.max(1, evaluations.length / epochs) };
  const settledRate = (fixed && initialLearningRate(fixed)?.value) ?? rate?.value;
  const context: Context = { config, format, monitor, check, ...(rate ? { rate } : {}), ...(settledRate !== undefined ? { settledRate } : {}) };
  return findings.filter((finding) => check.isOn(FINDING_RULES[finding.kind])).flatMap((finding) => ADVICE[finding.kind](finding, context));
}

type Advice = (finding: HistoryFinding, context: Context) => UnrankedSuggestion[];

const ADVICE: Record<HistoryFinding['kind'], Advice> = {
  divergence: (finding, context) => scaleRate(finding, context, DIVERGENCE_FACTOR, 'error', '§5.2, §5.3', `Lower the learning rate at least ×${DIVERGENCE_FACTOR}: GUIDE §5.2 reads a rising or exploding training loss as too large a step.`),
  oscillation: (finding, context) => scaleRate(finding, context, OSCILLATION_FACTOR, 'warning', '§5.1, §5.3', `Halve the learning rate: GUIDE §5.1, a fixed rate that is too large oscillates.`),
  // A rate below its range is the learning-rate-range rule's suggestion, ranked on its own; otherwise the cause
  // (capacity, data, input scaling) is not a value to set.
  underfitting: () => [],
  plateau: (finding, context) => {
    const { config, settledRate } = context;
    const monitor = plateauMonitor(finding, context.monitor);
    if (finding.stop) return earlyStopping(finding, { ...context, monitor }, 'GUIDE §5.3 stops training once the rate has fallen to 1/1024 of its initial value.');
    const kind = scheduleKind(config.schedule);
    if (kind === 'reduceOnPlateau') return [];
    // A decaying schedule already lowers the rate (Ultralytics, HF's linear decay): the lever left is to stop.
    if (kind !== undefined && kind !== 'constant') return earlyStopping(finding, { ...context, monitor }, `The ${config.schedule!.type} schedule already lowers the rate; what is left is to stop at the best epoch.`);
    const policy = {
      type: 'reduceOnPlateau',
      monitor: monitor.name,
      ...(monitor.higherIsBetter ? { mode: 'max' } : {}),
      factor: PLATEAU.factor.recommended,
      patience: patienceIn(monitor),
      ...(settledRate !== undefined ? { minLearningRate: settledRate / PLATEAU.floorDivisor } : {}),
    };
    const why = `A reduce-on-plateau schedule does this automatically${monitor.perEpoch > 1 ? ` (patience ${patienceIn(monitor)} evaluations = ${PLATEAU.patience} epochs at ${formatNumber(monitor.perEpoch, 2)} evaluations per epoch)` : ''}.`;
    return [historySuggestion(finding, pointer('schedule'), 1, config.schedule, policy, 'warning', '§5.3', why, context)];
  },
  overfitting: (finding, context) => earlyStopping(finding, context, `${regularizationLevers(context)} The best epoch here was ${finding.bestEpoch}.`),
  'loss-magnitude-gap': (finding, { config }) => reweight(finding, config),
  // The missing-validation rule asks the config for a split; the history only confirms none was evaluated.
  'no-validation': () => [],
};

/**
 * The rate ×factor, rounded past float32 noise (a stored 1e-5 is 9.99999975e-6), then put to the
 * learning-rate-range rule: when it would leave the range the rule's own value (the nearest edge) is used
 * instead, so the advice never moves a rate further outside its range; no move at all gives no suggestion.
 */
function scaleRate(finding: HistoryFinding, context: Context, factor: number, severity: 'error' | 'warning', guide: string, why: string): UnrankedSuggestion[] {
  const { rate, check } = context;
  if (!rate) return [];
  const scaled = Number((rate.value * factor).toPrecision(6));
  const verdict = check.verdict('learning-rate-range', rate.path, scaled);
  const suggested = verdict?.objects && typeof verdict.suggested === 'number' ? verdict.suggested : scaled;
  if (Math.abs(suggested - rate.value) <= 1e-6 * Math.abs(rate.value)) return [];
  const bounded = suggested !== scaled ? ` ×${factor} gives ${formatNumber(scaled)}, which learning-rate-range still reports; its value is ${formatNumber(suggested)}.` : '';
  return [historySuggestion(finding, rate.path, 1, rate.value, suggested, severity, guide, why + bounded, context)];
}

/** The plateau's own series: GUIDE §5.3 watches validation accuracy when it is logged (higher is better). */
function plateauMonitor(finding: HistoryFinding, monitor: Monitor): Monitor {
  if (!finding.series || finding.series === monitor.name) return monitor;
  return { ...monitor, name: finding.series, higherIsBetter: /acc|map|reward|f1/i.test(finding.series) };
}

/** GUIDE's 10 epochs, in the evaluations the framework's callback counts. */
function patienceIn(monitor: Monitor): number {
  return Math.max(PLATEAU.patience, Math.round(PLATEAU.patience * monitor.perEpoch));
}

/**
 * Early stopping in the framework's terms. hplint's own format takes `training.earlyStopping`; a
 * HuggingFace run needs `EarlyStoppingCallback` with `load_best_model_at_end` and `metric_for_best_model`
 * (and evaluation and saving on the same schedule), Keras and Lightning their `EarlyStopping` callbacks —
 * code, not config, so those are suggestions to make by hand.
 */
function earlyStopping(finding: HistoryFinding, { config, monitor, format }: Context, why: string): UnrankedSuggestion[] {
  if (config.training?.earlyStopping) return [];
  const patience = patienceIn(monitor);
  const mode = monitor.higherIsBetter ? 'max' : 'min';
  const unit = monitor.perEpoch > 1 ? `evaluations (${PLATEAU.patience} epochs)` : 'epochs';
  const spelled: Partial<Record<FormatName, { value: unknown; how: string }>> = {
    hf: {
      value: { callback: 'EarlyStoppingCallback', early_stopping_patience: patience, load_best_model_at_end: true, metric_for_best_model: monitor.name.replace(/^eval_/, ''), greater_is_better: monitor.higherIsBetter },
      how: `Add EarlyStoppingCallback(early_stopping_patience=${patience}) (patience in evaluations) with load_best_model_at_end=True, metric_for_best_model="${monitor.name.replace(/^eval_/, '')}", greater_is_better=${monitor.higherIsBetter ? 'True' : 'False'}, and save_strategy equal to eval_strategy.`,
    },
    lightning: { value: { callback: 'EarlyStopping', monitor: monitor.name, mode, patience }, how: `Add EarlyStopping(monitor="${monitor.name}", mode="${mode}", patience=${patience}) with a ModelCheckpoint on the same metric.` },
    keras: { value: { callback: 'EarlyStopping', monitor: monitor.name, mode, patience, restore_best_weights: true }, how: `Add keras.callbacks.EarlyStopping(monitor="${monitor.name}", mode="${mode}", patience=${patience}, restore_best_weights=True).` },
  };
  const framework = spelled[format === 'tfjs' ? 'keras' : format];
  const value = framework?.value ?? { monitor: monitor.name, ...(monitor.higherIsBetter ? { mode } : {}), patience };
  const how = framework?.how ?? `Stop when ${monitor.name} has not improved for ${patience} ${unit} (GUIDE §2.4.1), keeping the best epoch's weights.`;
  const suggestion = historySuggestion(finding, pointer('training', 'earlyStopping'), null, undefined, value, 'warning', '§2.4.1, §5.3', `${how} ${why}`);
  // A callback lives in the training script: the suggestion is made by hand.
  const { edits: _edits, ...manual } = suggestion;
  return [framework ? manual : suggestion];
}

/**
 * GUIDE §2.3's regularisation levers, in the order to pull them: early stopping first (the suggestion), then
 * dropout where the model has none, then weight decay where none is set — each with the guide's value.
 */
function regularizationLevers({ config }: Context): string {
  const dropouts = layersOf(config).filter((layer) => layerKind(layer.type) === 'dropout' || isFiniteNumber(layer.dropout)).length + (isFiniteNumber(config.model?.lora?.dropout) ? 1 : 0);
  const decay = config.optimizer?.weightDecay ?? config.regularization?.l2;
  const levers = [
    'early stopping on the validation loss',
    dropouts === 0 ? `dropout, which the model has none of: ${DROPOUT.low}–${DROPOUT.max} between fully connected layers (GUIDE §6 Tier 3)` : undefined,
    !isFiniteNumber(decay) || decay === 0 ? `weight decay, which is not set: ${formatNumber(WEIGHT_DECAY.suggested)} (GUIDE §6), not searched much` : undefined,
  ].filter((l): l is string => l !== undefined);
  return `Regularise in this order (GUIDE §2.3, §2.4): ${levers.map((l, i) => `${i + 1}) ${l}`).join('; ')}.`;
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

function historySuggestion(finding: HistoryFinding, path: Pointer, tier: Tier, current: unknown, suggested: unknown, severity: 'error' | 'warning', guide: string, why: string, scope?: Pick<Context, 'config' | 'format'>): UnrankedSuggestion {
  const parameter = pointerToDotPath(path);
  const range = scope ? parameterRange(parameter, scope.config, scope.format) : undefined;
  const edits: EditOp[] = [{ op: 'set', path, value: suggested }];
  return {
    tier,
    parameter,
    current: current ?? (scope ? valueAtPointer(scope.config, path) : undefined),
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
