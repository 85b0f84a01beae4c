import { createRule, optionsSchema } from '../engine/rule.js';
import { pointer, pointerToDotPath } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { DROPOUT } from '../knowledge/guide.js';
import { allLayers, formatNumber, isFiniteNumber, layerLabel } from './util.js';

export interface Options {
  /** Dropout rates above this are reported (GUIDE §7: [0, 0.5]); the suggestion lowers them to it. */
  readonly max: number;
}

interface DropoutRate {
  readonly path: Pointer;
  readonly value: number;
  /** What the rate belongs to, for the message: `layer 3`, `the input dropout of layer 1 (lstm)`. */
  readonly owner: string;
}

export default createRule<Options>({
  id: 'dropout-range',
  meta: {
    description: 'A dropout rate (dropout layer, RNN input dropout, LoRA dropout) above GUIDE §7\'s 0.5.',
    severity: 'warning',
    tier: 3,
    category: 'regularization',
    guide: '§7',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({ max: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 } }),
    defaultOptions: { max: DROPOUT.max },
  },
  check(config, context) {
    const { max } = context.options;
    // Rates of 1 or more cannot train at all: invalid-value reports them.
    for (const rate of dropoutRates(config).filter((r) => r.value > max && r.value < 1)) {
      context.report({
        path: rate.path,
        message: `Dropout rate ${formatNumber(rate.value)} of ${rate.owner} is above ${formatNumber(max)} (GUIDE §7: [0, ${formatNumber(DROPOUT.max)}]): it drops most of the signal, so training is slow and the model underfits.`,
        suggestion: {
          path: rate.path,
          value: max,
          description: `Set ${pointerToDotPath(rate.path)} to ${formatNumber(max)}, the largest rate in range.`,
          edits: [{ op: 'set', path: rate.path, value: max }],
        },
      });
    }
  },
});

/** Every dropout rate the config sets: dropout layers' `rate`, recurrent layers' input `dropout`, LoRA's. */
function dropoutRates(config: TrainingConfig): DropoutRate[] {
  const rates: DropoutRate[] = [];
  for (const entry of allLayers(config)) {
    const { layer, path } = entry;
    const owner = layerLabel(entry);
    if (isFiniteNumber(layer.rate)) rates.push({ path: `${path}/rate`, value: layer.rate, owner });
    if (isFiniteNumber(layer.dropout)) rates.push({ path: `${path}/dropout`, value: layer.dropout, owner: `the inputs of ${owner}` });
  }
  const lora = config.model?.lora?.dropout;
  if (isFiniteNumber(lora)) rates.push({ path: pointer('model', 'lora', 'dropout'), value: lora, owner: 'the LoRA adapters' });
  return rates;
}
