import type { TrainingConfig } from '../model/types.js';
import { ADAM, BATCH, DROPOUT, FOCAL, MOMENTUM, WEIGHT_DECAY } from '../knowledge/guide.js';
import type { Range } from '../knowledge/guide.js';
import { learningRateBand } from '../rules/learning-rate-range.js';
import { hasDecoupledWeightDecay } from '../rules/optimizers.js';

/**
 * The guide's range for a parameter (dot path), where the guide gives one: shown beside a suggestion. The
 * learning rate's is learning-rate-range's own band for the file's regime. Never used to choose a
 * suggested value — values come from the rules.
 */
export function parameterRange(parameter: string, config: TrainingConfig, format: string): Range | undefined {
  if (/^(optimizer\.learningRate|schedule\.values\.0)$/.test(parameter)) return learningRateBand(config, format);
  if (parameter === 'optimizer.momentum') return MOMENTUM;
  if (parameter === 'optimizer.beta1' || parameter === 'optimizer.beta2' || parameter === 'optimizer.epsilon') return ADAM[parameter.slice('optimizer.'.length) as keyof typeof ADAM];
  // GUIDE §7 gives [0, 1e-4] for (coupled) weight decay; decoupled AdamW decay is a different quantity.
  if (parameter === 'regularization.l2' || (parameter === 'optimizer.weightDecay' && !hasDecoupledWeightDecay(config.optimizer))) return { low: 0, high: WEIGHT_DECAY.coupledRangeTop };
  if (/^model\.(layers\.\d+\.(layer\.)?(rate|dropout)|lora\.dropout)$/.test(parameter)) return { low: 0, high: DROPOUT.max };
  if (parameter === 'training.batchSize') return { low: 1, high: BATCH.typicalMax };
  if (/^losses\.\d+\.gamma$/.test(parameter)) return FOCAL.gamma;
  return undefined;
}
