import { createRule, optionsSchema } from '../engine/rule.js';
import { pointer, pointerToDotPath } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { WARMUP_INFO_FRACTION, WARMUP_SUGGESTED_FRACTION } from '../knowledge/guide.js';
import { trainingLength } from './schedules.js';
import { formatNumber, isFiniteNumber, roundNice } from './util.js';

export interface Options {
  /** A warm-up longer than this fraction of training is reported as info. */
  readonly infoFraction: number;
  /** The fraction of training the suggestion gives the warm-up. */
  readonly suggestedFraction: number;
}

/** A warm-up as written, measured against the run in the same unit. */
interface Warmup {
  readonly path: Pointer;
  /** The warm-up as a message's subject: "A warm-up of 500 steps". */
  readonly subject: string;
  /** The warm-up's share of the whole run (1 = the whole run). */
  readonly fraction: number;
  /** The whole run, described for the message ("training.maxSteps 400"); none for a ratio. */
  readonly run?: string;
  /** The warm-up value at `fraction` of the run, in the warm-up's own unit. */
  readonly scaled: (fraction: number) => number;
}

export default createRule<Options>({
  id: 'warmup-length',
  meta: {
    description: 'A learning-rate warm-up as long as the whole training run (warning) or longer than a quarter of it (info).',
    severity: 'warning',
    tier: 1,
    category: 'learning-rate',
    guide: '§3, §5',
    fixable: 'unsafe',
    optionsSchema: optionsSchema({
      infoFraction: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      suggestedFraction: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    }),
    defaultOptions: { infoFraction: WARMUP_INFO_FRACTION, suggestedFraction: WARMUP_SUGGESTED_FRACTION },
  },
  check(config, context) {
    const warmup = measureWarmup(config);
    if (!warmup) return;
    const { infoFraction, suggestedFraction } = context.options;
    const whole = warmup.fraction >= 1;
    if (!whole && warmup.fraction <= infoFraction) return;
    const suggested = warmup.scaled(suggestedFraction);
    const share = `${formatNumber(warmup.fraction * 100, 3)}%`;
    const run = warmup.run ? ` (${warmup.run})` : '';
    context.report({
      path: warmup.path,
      ...(!whole && { severity: 'info' as const }),
      message: whole
        ? `${warmup.subject} is ${warmup.fraction > 1 ? 'longer than' : 'as long as'} the whole run${run}: the learning rate never reaches its target value.`
        : `${warmup.subject} is ${share} of the run${run}; warm-up is usually at most ${formatNumber(suggestedFraction * 100)}% of training (Tuning Playbook).`,
      suggestion: {
        path: warmup.path,
        value: suggested,
        description: `Set ${pointerToDotPath(warmup.path)} to ${formatNumber(suggested)}, ${formatNumber(suggestedFraction * 100)}% of the run.`,
        edits: [{ op: 'set', path: warmup.path, value: suggested }],
      },
    });
  },
});

/**
 * The first warm-up the config gives (steps, then epochs, then a ratio, as HuggingFace lets warmup_steps
 * override warmup_ratio) against the run's length in the same unit; undefined when either is unknown.
 */
function measureWarmup(config: TrainingConfig): Warmup | undefined {
  const { warmupSteps, warmupEpochs, warmupRatio } = config.schedule ?? {};
  const length = trainingLength(config);
  const fromMaxSteps = length.writtenIn === 'maxSteps';
  const perEpoch = `${formatNumber(length.stepsPerEpoch ?? 0)} steps per epoch`;
  if (isFiniteNumber(warmupSteps) && warmupSteps > 0) {
    const steps = length.steps;
    if (steps === undefined) return undefined;
    return {
      path: pointer('schedule', 'warmupSteps'),
      subject: `A warm-up of ${count(warmupSteps, 'step')}`,
      fraction: warmupSteps / steps,
      run: fromMaxSteps ? `training.maxSteps ${formatNumber(steps)}` : `${formatNumber(steps)} steps: ${formatNumber(length.epochs ?? 0)} epochs × ${perEpoch}`,
      scaled: (fraction) => Math.max(1, Math.round(steps * fraction)),
    };
  }
  if (isFiniteNumber(warmupEpochs) && warmupEpochs > 0) {
    const epochs = length.epochs;
    if (epochs === undefined) return undefined;
    return {
      path: pointer('schedule', 'warmupEpochs'),
      subject: `A warm-up of ${count(warmupEpochs, 'epoch')}`,
      fraction: warmupEpochs / epochs,
      run: fromMaxSteps ? `${formatNumber(epochs)} epochs: training.maxSteps ${formatNumber(length.steps ?? 0)} at ${perEpoch}` : `training.epochs ${formatNumber(epochs)}`,
      scaled: (fraction) => roundNice(epochs * fraction),
    };
  }
  if (isFiniteNumber(warmupRatio) && warmupRatio > 0) {
    return {
      path: pointer('schedule', 'warmupRatio'),
      subject: `A warm-up ratio of ${formatNumber(warmupRatio)}`,
      fraction: warmupRatio,
      scaled: (fraction) => fraction,
    };
  }
  return undefined;
}

function count(value: number, unit: string): string {
  return `${formatNumber(value)} ${unit}${value === 1 ? '' : 's'}`;
}
