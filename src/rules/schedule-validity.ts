import { createRule, NO_OPTIONS } from '../engine/rule.js';
import type { RuleContext } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import type { ScheduleConfig, TrainingConfig } from '../model/types.js';
import { PLATEAU } from '../knowledge/guide.js';
import { scheduleKind, trainingLength } from './schedules.js';
import { formatNumber, initialLearningRate, isFiniteNumber, roundNice } from './util.js';

type Options = Record<string, never>;

/** Keras PolynomialDecay's default power (REFERENCE schedules): a linear decay. */
const DEFAULT_POWER = 1;

const at = (key: keyof ScheduleConfig) => pointer('schedule', key);

export default createRule<Options>({
  id: 'schedule-validity',
  meta: {
    description: 'A learning-rate schedule that cannot work as written: decaySteps ≤ 0, mismatched piecewise lists, power ≤ 0, a plateau factor outside (0, 1), or a rate that grows.',
    severity: 'error',
    tier: 1,
    category: 'learning-rate',
    guide: '§5.4',
    fixable: 'unsafe',
    ...NO_OPTIONS,
  },
  check(config, context) {
    const schedule = config.schedule;
    if (!schedule) return;
    checkDecaySteps(config, schedule, context);
    checkPiecewise(schedule, context);
    checkPower(schedule, context);
    checkPlateauFactor(schedule, context);
    checkGrowth(config, schedule, context);
  },
});

function checkDecaySteps(config: TrainingConfig, { decaySteps }: ScheduleConfig, context: RuleContext<Options>): void {
  if (!isFiniteNumber(decaySteps) || decaySteps > 0) return;
  const path = at('decaySteps');
  const kind = scheduleKind(config.schedule);
  // Polynomial and cosine decay run over decaySteps and then hold: the whole run is the value they imply.
  const total = kind === 'polynomialDecay' || kind === 'cosineDecay' ? trainingLength(config).steps : undefined;
  context.report({
    path,
    message: `schedule.decaySteps is ${formatNumber(decaySteps)}; it divides the step count and must be greater than 0 (Keras raises an error).`,
    ...(total !== undefined && {
      suggestion: {
        path,
        value: Math.round(total),
        description: `Set schedule.decaySteps to ${Math.round(total)}, the run's length in steps, to decay over the whole run.`,
        edits: [{ op: 'set', path, value: Math.round(total) }],
      },
    }),
  });
}

function checkPiecewise({ boundaries, values }: ScheduleConfig, context: RuleContext<Options>): void {
  if (!boundaries || !values) return;
  if (values.length !== boundaries.length + 1) {
    context.report({
      path: at('values'),
      message: `A piecewise-constant schedule needs one value more than it has boundaries: ${boundaries.length} boundaries, ${values.length} values.`,
    });
  }
  const out = boundaries.findIndex((b, i) => i > 0 && !(b > boundaries[i - 1]!));
  if (out < 0) return;
  const sorted = [...boundaries].sort((a, b) => a - b);
  const distinct = sorted.every((b, i) => i === 0 || b > sorted[i - 1]!);
  const path = pointer('schedule', 'boundaries', out);
  context.report({
    path,
    message: `Piecewise-constant boundaries must be strictly increasing; boundary ${out} (${formatNumber(boundaries[out]!)}) is not greater than ${formatNumber(boundaries[out - 1]!)}.`,
    // Duplicates leave no single intended order; distinct boundaries were most likely written out of order.
    ...(distinct && {
      suggestion: {
        path: at('boundaries'),
        value: sorted,
        description: `Sort schedule.boundaries: [${sorted.map((b) => formatNumber(b)).join(', ')}].`,
        edits: [{ op: 'set', path: at('boundaries'), value: sorted }],
      },
    }),
  });
}

function checkPower({ power }: ScheduleConfig, context: RuleContext<Options>): void {
  if (!isFiniteNumber(power) || power > 0) return;
  const path = at('power');
  context.report({
    path,
    message: `schedule.power is ${formatNumber(power)}; polynomial decay needs a power greater than 0 (0 never decays, a negative power grows without bound).`,
    suggestion: {
      path,
      value: DEFAULT_POWER,
      description: `Set schedule.power to ${DEFAULT_POWER} (linear decay, the Keras default).`,
      edits: [{ op: 'set', path, value: DEFAULT_POWER }],
    },
  });
}

function checkPlateauFactor(schedule: ScheduleConfig, context: RuleContext<Options>): void {
  const { factor } = schedule;
  if (scheduleKind(schedule) !== 'reduceOnPlateau' || !isFiniteNumber(factor) || (factor > 0 && factor < 1)) return;
  const path = at('factor');
  const halve = PLATEAU.factor.recommended;
  context.report({
    path,
    message: `reduceOnPlateau factor ${formatNumber(factor)} must lie in (0, 1): the new rate is rate × factor${factor >= 1 ? ', so it never decreases (Keras raises an error)' : ''}.`,
    suggestion: {
      path,
      value: halve,
      description: `Set schedule.factor to ${formatNumber(halve)}: halve the rate on a plateau (GUIDE §5.3).`,
      edits: [{ op: 'set', path, value: halve }],
    },
  });
}

function checkGrowth(config: TrainingConfig, schedule: ScheduleConfig, context: RuleContext<Options>): void {
  const { decayRate, endLearningRate } = schedule;
  if (scheduleKind(schedule) === 'exponentialDecay' && isFiniteNumber(decayRate) && decayRate > 1) {
    const path = at('decayRate');
    const inverse = roundNice(1 / decayRate);
    context.report({
      path,
      severity: 'warning',
      message: `Exponential decay with decayRate ${formatNumber(decayRate)} > 1 makes the learning rate grow (rate × ${formatNumber(decayRate)} every decaySteps).`,
      suggestion: {
        path,
        value: inverse,
        description: `Set schedule.decayRate to ${formatNumber(inverse)}, the same factor per decaySteps downwards.`,
        edits: [{ op: 'set', path, value: inverse }],
      },
    });
  }
  const lr = initialLearningRate(config);
  if (lr && lr.value > 0 && isFiniteNumber(endLearningRate) && endLearningRate > lr.value) {
    const path = at('endLearningRate');
    const floor = roundNice(lr.value / PLATEAU.floorDivisor);
    context.report({
      path,
      severity: 'warning',
      message: `schedule.endLearningRate ${formatNumber(endLearningRate)} is above the initial learning rate ${formatNumber(lr.value)}: the schedule raises the rate instead of decaying it.`,
      suggestion: {
        path,
        value: floor,
        description: `Set schedule.endLearningRate to ${formatNumber(floor)}, 1/${PLATEAU.floorDivisor} of the initial rate, where GUIDE §5.3 stops decaying.`,
        edits: [{ op: 'set', path, value: floor }],
      },
    });
  }
}
