import type { TrainingConfig } from '../model/types.js';
import { ADAM, BATCH, DROPOUT, FINE_TUNE_DIVISORS, FOCAL, LEARNING_RATE_RANGES, MOMENTUM, WEIGHT_DECAY } from '../knowledge/guide.js';
import type { Range } from '../knowledge/guide.js';
import { hasDecoupledWeightDecay, optimizerFamily } from '../rules/optimizers.js';

/** The learning-rate range for the config's optimizer (GUIDE §7), shifted for fine-tuning (§4.5); undefined without a §7 family. */
export function learningRateRange(config: TrainingConfig): Range | undefined {
  const family = optimizerFamily(config.optimizer);
  if (!family) return undefined;
  const base = LEARNING_RATE_RANGES[family];
  return config.pretrained === true ? { low: base.low / FINE_TUNE_DIVISORS.low, high: base.high / FINE_TUNE_DIVISORS.high } : base;
}

/**
 * The guide's range for a parameter (dot path), where the guide gives one: shown beside a suggestion and
 * used by the tuning plan. Never used to choose a suggested value — values come from the rules.
 */
export function parameterRange(parameter: string, config: TrainingConfig): Range | undefined {
  if (/^(optimizer\.learningRate|schedule\.values\.0)$/.test(parameter)) return learningRateRange(config);
  if (parameter === 'optimizer.momentum') return MOMENTUM;
  if (parameter === 'optimizer.beta1' || parameter === 'optimizer.beta2' || parameter === 'optimizer.epsilon') return ADAM[parameter.slice('optimizer.'.length) as keyof typeof ADAM];
  // GUIDE §7 gives [0, 1e-4] for (coupled) weight decay; decoupled AdamW decay is a different quantity.
  if (parameter === 'regularization.l2' || (parameter === 'optimizer.weightDecay' && !hasDecoupledWeightDecay(config.optimizer))) return { low: 0, high: WEIGHT_DECAY.coupledInfo };
  if (/^model\.(layers\.\d+\.(layer\.)?(rate|dropout)|lora\.dropout)$/.test(parameter)) return { low: 0, high: DROPOUT.max };
  if (parameter === 'training.batchSize') return { low: 1, high: BATCH.typicalMax };
  if (/^losses\.\d+\.gamma$/.test(parameter)) return FOCAL.gamma;
  return undefined;
}
