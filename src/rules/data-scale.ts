import { createRule, optionsSchema } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { DROPOUT, PARAMETERS_PER_EXAMPLE, WEIGHT_DECAY } from '../knowledge/guide.js';
import { countParameters } from './parameter-count.js';
import { allLayers, formatNumber, isPositiveInteger, layerKind, layersOf } from './util.js';

export interface Options {
  /** More trainable parameters than this many per training example, with no regularization, is reported. */
  readonly parametersPerExample: number;
}

const L2_PATH = pointer('regularization', 'l2');

export default createRule<Options>({
  id: 'data-scale',
  meta: {
    description: 'More than 100 trainable parameters per training example and no regularization (no dropout, weight decay or L2).',
    severity: 'info',
    tier: 3,
    category: 'regularization',
    guide: '§2.4.3',
    fixable: 'unsafe',
    optionsSchema: optionsSchema({ parametersPerExample: { type: 'number', exclusiveMinimum: 0 } }),
    defaultOptions: { parametersPerExample: PARAMETERS_PER_EXAMPLE },
  },
  check(config, context) {
    const trainSize = config.data?.trainSize;
    // LoRA trains adapters the layer list does not show: the trainable count is unknown.
    if (!isPositiveInteger(trainSize) || config.model?.lora || isRegularized(config)) return;
    const parameters = countParameters(layersOf(config))?.trainable;
    const { parametersPerExample } = context.options;
    if (parameters === undefined || parameters <= parametersPerExample * trainSize) return;
    const neededExamples = Math.ceil(parameters / parametersPerExample);
    context.report({
      path: pointer('data', 'trainSize'),
      message: `The model trains ${parameters.toLocaleString('en-US')} parameters on ${trainSize.toLocaleString('en-US')} examples (${formatNumber(parameters / trainSize)} per example, more than ${formatNumber(parametersPerExample)}) with no dropout, weight decay or L2: it can memorize the training set. Add regularization or more data (GUIDE §2.4.3).`,
      suggestion: {
        path: L2_PATH,
        value: WEIGHT_DECAY.suggested,
        description: `Set regularization.l2 to ${formatNumber(WEIGHT_DECAY.suggested)} (GUIDE §6 Tier 3), or add dropout in [${DROPOUT.low}, ${DROPOUT.max}] between dense layers; or grow the training set to at least ${neededExamples.toLocaleString('en-US')} examples (GUIDE §2.4.3: collect more, add noisy copies, resample).`,
        edits: [{ op: 'set', path: L2_PATH, value: WEIGHT_DECAY.suggested }],
      },
    });
  },
});

/**
 * Any regularizer at all: a dropout layer (whatever its rate, when the rate is not written), input or
 * recurrent dropout, LoRA dropout, weight decay, or L1/L2 on the loss or a layer's kernel.
 */
function isRegularized(config: TrainingConfig): boolean {
  const absentOrPositive = (value: number | undefined) => value === undefined || value > 0;
  const strictlyPositive = (value: number | undefined) => value !== undefined && value > 0;
  const layers = allLayers(config).some(({ layer }) =>
    (layerKind(layer.type) === 'dropout' && absentOrPositive(layer.rate))
    || strictlyPositive(layer.dropout)
    || strictlyPositive(layer.recurrentDropout)
    || strictlyPositive(layer.kernelRegularizer?.l1)
    || strictlyPositive(layer.kernelRegularizer?.l2));
  const { regularization, optimizer, model } = config;
  return layers
    || strictlyPositive(regularization?.l1)
    || strictlyPositive(regularization?.l2)
    || strictlyPositive(optimizer?.weightDecay)
    || strictlyPositive(model?.lora?.dropout);
}
