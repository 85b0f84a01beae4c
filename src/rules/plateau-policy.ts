import { createRule, optionsSchema } from '../engine/rule.js';
import type { RuleContext } from '../engine/rule.js';
import { pointer, pointerToDotPath } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { PLATEAU } from '../knowledge/guide.js';
import { scheduleKind } from './schedules.js';
import { formatNumber, isFiniteNumber } from './util.js';

export interface Options {
  /** Epochs without a new best before the rate drops: fewer is reported. */
  readonly patience: number;
  readonly factorLow: number;
  readonly factorHigh: number;
  /** GUIDE §5.3 stops once the rate has fallen to initial / floorDivisor; a lower minLearningRate trains past it. */
  readonly floorDivisor: number;
  /** A constant rate over at least this many epochs gets the §5.3 policy suggested. */
  readonly constantRateEpochs: number;
}

const at = (key: string): Pointer => pointer('schedule', key);

export default createRule<Options>({
  id: 'plateau-policy',
  meta: {
    description: 'A reduce-on-plateau schedule that departs from the GUIDE §5.3 policy, or a long run at a constant rate that should follow it.',
    severity: 'info',
    tier: 1,
    category: 'learning-rate',
    guide: '§5.3',
    fixable: 'unsafe',
    optionsSchema: optionsSchema({
      patience: { type: 'number', minimum: 0 },
      factorLow: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      factorHigh: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
      floorDivisor: { type: 'number', minimum: 1 },
      constantRateEpochs: { type: 'number', minimum: 1 },
    }),
    defaultOptions: {
      patience: PLATEAU.patience,
      factorLow: PLATEAU.factor.low,
      factorHigh: PLATEAU.factor.high,
      floorDivisor: PLATEAU.floorDivisor,
      constantRateEpochs: PLATEAU.constantRateEpochs,
    },
  },
  check(config, context) {
    const kind = scheduleKind(config.schedule);
    if (kind === 'reduceOnPlateau') checkPlateau(config, context);
    else if (!config.schedule || kind === 'constant') checkConstantRate(config, context);
  },
});

function checkPlateau(config: TrainingConfig, context: RuleContext<Options>): void {
  // Only what the file wrote: a framework's default (PyTorch's and Keras's min_lr = 0) is what nearly
  // every plateau schedule runs with, and reporting it would be noise rather than advice.
  const written = (key: 'patience' | 'factor' | 'minLearningRate') => (context.document.defaultOf(at(key)) ? undefined : config.schedule?.[key]);
  const [patience, factor, minLearningRate] = [written('patience'), written('factor'), written('minLearningRate')];
  const options = context.options;
  // Values outside their domain (patience < 0, factor ∉ (0, 1)) are invalid-value's and schedule-validity's.
  if (isFiniteNumber(patience) && patience >= 0 && patience < options.patience) {
    report(context, at('patience'), options.patience, `reduceOnPlateau patience ${formatNumber(patience)} is below ${formatNumber(options.patience)}: GUIDE §5.3 waits 10 or more epochs without a new best before lowering the rate.`);
  }
  if (isFiniteNumber(factor) && factor > 0 && factor < 1 && (factor < options.factorLow || factor > options.factorHigh)) {
    const nearest = factor < options.factorLow ? options.factorLow : options.factorHigh;
    report(context, at('factor'), nearest, `reduceOnPlateau factor ${formatNumber(factor)} is outside [${formatNumber(options.factorLow)}, ${formatNumber(options.factorHigh)}]: GUIDE §5.3 halves the rate (or divides it by 10) on a plateau.`);
  }
  const lr = config.optimizer?.learningRate;
  if (isFiniteNumber(lr) && lr > 0 && isFiniteNumber(minLearningRate) && minLearningRate >= 0) {
    const floor = lr / options.floorDivisor;
    if (minLearningRate < floor) {
      report(context, at('minLearningRate'), floor, `reduceOnPlateau minLearningRate ${formatNumber(minLearningRate)} is below 1/${formatNumber(options.floorDivisor)} of the initial rate (${formatNumber(floor)}): GUIDE §5.3 stops training there instead of decaying further.`);
    }
  }
}

function checkConstantRate(config: TrainingConfig, context: RuleContext<Options>): void {
  const epochs = config.training?.epochs;
  const options = context.options;
  // Without an optimizer the file says nothing about how it optimizes: no schedule is then no evidence.
  if (!config.optimizer || !isFiniteNumber(epochs) || epochs < options.constantRateEpochs) return;
  const lr = config.optimizer?.learningRate;
  const knownRate = isFiniteNumber(lr) && lr > 0;
  const { validationSplit, validationSize } = config.data ?? {};
  const validated = (validationSplit ?? 0) > 0 || (validationSize ?? 0) > 0;
  const policy = {
    type: 'reduceOnPlateau',
    monitor: config.training?.earlyStopping?.monitor ?? (validated ? 'val_loss' : 'loss'),
    factor: PLATEAU.factor.recommended,
    patience: options.patience,
    ...(knownRate && { minLearningRate: lr / options.floorDivisor }),
  };
  const path = config.schedule ? at('type') : knownRate ? pointer('optimizer', 'learningRate') : pointer('training', 'epochs');
  context.report({
    path,
    message: `A constant learning rate for ${formatNumber(epochs)} epochs: GUIDE §5.3 halves the rate after ${formatNumber(options.patience)} epochs without a new best and stops at 1/${formatNumber(options.floorDivisor)} of the initial rate.`,
    suggestion: {
      path: pointer('schedule'),
      value: policy,
      description: `Add schedule: { type: reduceOnPlateau, monitor: ${policy.monitor}, factor: ${formatNumber(policy.factor)}, patience: ${formatNumber(policy.patience)}${knownRate ? `, minLearningRate: ${formatNumber(lr / options.floorDivisor)}` : ''} } (GUIDE §5.3).`,
      edits: [{ op: 'set', path: pointer('schedule'), value: policy }],
    },
  });
}

function report(context: RuleContext<Options>, path: Pointer, value: number, message: string): void {
  context.report({
    path,
    message,
    suggestion: {
      path,
      value,
      description: `Set ${pointerToDotPath(path)} to ${formatNumber(value)} (GUIDE §5.3).`,
      edits: [{ op: 'set', path, value }],
    },
  });
}
