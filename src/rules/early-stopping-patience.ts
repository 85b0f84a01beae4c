import { createRule, optionsSchema } from '../engine/rule.js';
import { pointer, pointerToDotPath } from '../model/pointer.js';
import { PLATEAU } from '../knowledge/guide.js';
import type { TrainingConfig } from '../model/types.js';
import { defaultNote, formatNumber, isFiniteNumber } from './util.js';

export interface Options {
  /** Patience below this is noted (GUIDE §2.4.1: n = 10, 20, 30 …, at least 10); also the suggested value. */
  readonly minPatience: number;
}

const PATIENCE_PATH = pointer('training', 'earlyStopping', 'patience');

export default createRule<Options>({
  id: 'early-stopping-patience',
  meta: {
    description: 'Early-stopping patience that can never trigger (≥ the number of epochs), or below GUIDE §2.4.1\'s 10 epochs (info); patience counted in evaluations is converted to epochs.',
    severity: 'warning',
    tier: null,
    category: 'training-process',
    guide: '§2.4.1',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({ minPatience: { type: 'integer', minimum: 1 } }),
    defaultOptions: { minPatience: PLATEAU.patience },
  },
  check(config, context) {
    const patience = config.training?.earlyStopping?.patience;
    // Negative patience is invalid-value's.
    if (!isFiniteNumber(patience) || patience < 0) return;
    const inEpochs = patienceInEpochs(config, patience);
    // Patience counted in evaluations, with no way to know how many run per epoch: nothing to compare.
    if (!inEpochs) return;
    const epochs = config.training?.epochs;
    const knownEpochs = isFiniteNumber(epochs) && epochs >= 1 ? epochs : undefined;
    const { minPatience } = context.options;
    const written = `Early-stopping patience ${formatNumber(patience)}${inEpochs.note}${defaultNote(context.document, PATIENCE_PATH)}`;
    // A run no longer than the minimum patience cannot follow GUIDE §2.4.1 at all: say so instead of suggesting 10.
    const canFollowGuide = knownEpochs === undefined || knownEpochs > minPatience;
    const suggested = Math.round(minPatience * inEpochs.perEpoch);
    const suggestion = {
      path: PATIENCE_PATH,
      value: suggested,
      description: `Set ${pointerToDotPath(PATIENCE_PATH)} to ${suggested}${inEpochs.perEpoch === 1 ? '' : ` (${minPatience} epochs)`} (GUIDE §2.4.1: n = 10, 20, 30 …).`,
      edits: [{ op: 'set' as const, path: PATIENCE_PATH, value: suggested }],
    };
    if (knownEpochs !== undefined && inEpochs.epochs >= knownEpochs) {
      context.report({
        path: PATIENCE_PATH,
        message: `${written} is not below the ${formatNumber(knownEpochs)} training epochs: early stopping can never trigger (GUIDE §2.4.1).`,
        suggestion: canFollowGuide
          ? suggestion
          : { path: PATIENCE_PATH, description: `The run is too short for a patience of ${minPatience} epochs (GUIDE §2.4.1): train for more epochs, or drop early stopping.` },
      });
    } else if (inEpochs.epochs < minPatience && canFollowGuide) {
      context.report({
        path: PATIENCE_PATH,
        severity: 'info',
        message: `${written} is below ${minPatience} epochs: validation scores are noisy, and GUIDE §2.4.1 waits n = 10, 20, 30 … epochs without a new best before stopping.`,
        suggestion,
      });
    }
  },
});

/**
 * Patience in epochs, the unit of GUIDE §2.4.1: as written when it counts epochs; divided by the
 * evaluations per epoch when it counts evaluations (HF, axolotl); undefined when that rate is unknown.
 */
function patienceInEpochs(config: TrainingConfig, patience: number): { epochs: number; perEpoch: number; note: string } | undefined {
  if (config.training?.earlyStopping?.unit !== 'evaluations') return { epochs: patience, perEpoch: 1, note: '' };
  const perEpoch = config.training.evaluationsPerEpoch;
  if (!isFiniteNumber(perEpoch) || perEpoch <= 0) return undefined;
  const epochs = patience / perEpoch;
  return { epochs, perEpoch, note: ` evaluations (${formatNumber(epochs)} epochs at ${formatNumber(perEpoch)} per epoch)` };
}
