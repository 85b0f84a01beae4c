import { createRule, optionsSchema } from '../engine/rule.js';
import type { EditOp, Suggestion } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { SMALL_FINE_TUNE_SET } from '../knowledge/guide.js';
import { allLayers, isPositiveInteger, layersOf } from './util.js';

export interface Options {
  /** Fine-tuning on fewer training examples than this should freeze or slow the lower layers. */
  readonly smallDataset: number;
}

const PRETRAINED_PATH = pointer('pretrained');

export default createRule<Options>({
  id: 'finetune-freezing',
  meta: {
    description: 'Fine-tuning a pretrained network on fewer than 10000 examples with every layer trainable at one learning rate.',
    severity: 'info',
    tier: null,
    category: 'training-process',
    guide: '§4.5',
    fixable: 'unsafe',
    optionsSchema: optionsSchema({ smallDataset: { type: 'integer', minimum: 1 } }),
    defaultOptions: { smallDataset: SMALL_FINE_TUNE_SET },
  },
  check(config, context) {
    const trainSize = config.data?.trainSize;
    const { smallDataset } = context.options;
    if (config.pretrained !== true || !isPositiveInteger(trainSize) || trainSize >= smallDataset || protectsLowerLayers(config)) return;
    context.report({
      path: PRETRAINED_PATH,
      message: `Fine-tuning a pretrained network on ${trainSize.toLocaleString('en-US')} examples (fewer than ${smallDataset.toLocaleString('en-US')}) with every layer trainable at one learning rate: training all the parameters on little data overfits and erodes the general features of the lower layers (GUIDE §4.5). Freeze the lower layers or give them a lower learning rate.`,
      suggestion: freezeLowerHalf(config),
    });
  },
});

/** Something already keeps the pretrained lower layers from moving freely: a frozen layer, per-group rates, or LoRA (which freezes the base model). */
function protectsLowerLayers(config: TrainingConfig): boolean {
  return allLayers(config).some(({ layer }) => layer.trainable === false)
    || (config.optimizer?.layerLearningRates?.length ?? 0) > 0
    || config.model?.lora !== undefined;
}

/**
 * GUIDE §4.5: with data unlike the pretraining data, train the top and the upper half; so the lower half is
 * frozen. Without a layer list there is nothing concrete to edit, and the suggestion only describes it.
 */
function freezeLowerHalf(config: TrainingConfig): Suggestion {
  const layers = layersOf(config);
  const frozen = Math.floor(layers.length / 2);
  const alternatives = 'or, with data close to the pretraining data, train only the output layer; or give the lower layers a lower learning rate (optimizer.layerLearningRates, GUIDE §5.5), or train LoRA adapters';
  if (frozen === 0) {
    return { path: PRETRAINED_PATH, description: `Freeze the lower layers of the pretrained network (trainable: false) and train the top, ${alternatives}.` };
  }
  const edits: EditOp[] = Array.from({ length: frozen }, (_, index) => ({ op: 'set', path: pointer('model', 'layers', index, 'trainable'), value: false }));
  return {
    path: pointer('model', 'layers'),
    value: layers.map((layer, index) => (index < frozen ? { ...layer, trainable: false } : layer)),
    description: `Freeze the lower half, layers 0–${frozen - 1} (trainable: false), and fine-tune the upper half; ${alternatives}.`,
    edits,
  };
}
