import type { OptimizerConfig } from '../model/types.js';
import type { OptimizerFamily } from '../knowledge/guide.js';

/**
 * Maps an optimizer as written (`Adam`, `adamw_torch`, `paged_adamw_8bit`, `SGD` with momentum) to the
 * GUIDE §7 family whose learning-rate range applies, or undefined when §7 has no range for it (lion,
 * muon, unknown names): rules then stay silent.
 */
/** Written names (after `normalizeOptimizerName`) that train like a GUIDE §7 family. */
const FAMILIES: Readonly<Record<string, OptimizerFamily>> = {
  sgd: 'sgd',
  momentum: 'momentum',
  nesterov: 'momentum',
  adagrad: 'adagrad',
  adadelta: 'adadelta',
  rmsprop: 'rmsprop',
  adam: 'adam',
  // AdamW differs from Adam only in how it decays weights; GUIDE §7 gives no separate range.
  adamw: 'adam',
  adamax: 'adamax',
  nadam: 'nadam',
};

export function optimizerFamily(optimizer: OptimizerConfig | undefined): OptimizerFamily | undefined {
  const name = normalizeOptimizerName(optimizer?.name);
  const family = name !== undefined && Object.hasOwn(FAMILIES, name) ? FAMILIES[name] : undefined;
  // Plain SGD with momentum (or Nesterov) falls in §7's "SGD with momentum" row.
  if (family === 'sgd' && ((optimizer?.momentum ?? 0) > 0 || optimizer?.nesterov === true)) return 'momentum';
  return family;
}

/** Lower-case letters and digits only: `Adam_W` and `adam-w` are the same optimizer. */
export function normalizeOptimizerName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const compact = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  // Quantised and paged variants (bitsandbytes) train like their base optimizer.
  return compact.replace(/^paged/, '').replace(/(8bit|32bit|bnb|torch|hf|fused|apex|anyprecision|torchxla|torchnpufused)+$/g, '') || undefined;
}

/** True for optimizers whose weight decay is decoupled from the gradient (AdamW and relatives). */
export function hasDecoupledWeightDecay(optimizer: OptimizerConfig | undefined): boolean {
  if (optimizer?.decoupledWeightDecay !== undefined) return optimizer.decoupledWeightDecay;
  const name = normalizeOptimizerName(optimizer?.name);
  return name !== undefined && /^(adamw|adamwschedulefree|lamb|lion|sgdw)/.test(name);
}

/** True for the Adam family, whose β1/β2/ε GUIDE §6 Tier 3 gives. */
export function isAdamFamily(optimizer: OptimizerConfig | undefined): boolean {
  const family = optimizerFamily(optimizer);
  return family === 'adam' || family === 'adamax' || family === 'nadam';
}
