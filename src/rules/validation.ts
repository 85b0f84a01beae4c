import { pointer } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { isFiniteNumber } from './util.js';

/**
 * Whether the run holds out validation data: `present` (validationSplit or validationSize > 0), `none`
 * (written, or set by an adapter from HF `eval_strategy: no` / axolotl `val_set_size: 0`, as 0), or
 * `unknown` when the config does not say — validation data may then come from code, so rules stay silent.
 */
export type ValidationData = { readonly state: 'present' | 'unknown' } | { readonly state: 'none'; readonly path: Pointer };

export function validationData(config: TrainingConfig): ValidationData {
  const { validationSplit, validationSize } = config.data ?? {};
  if ((isFiniteNumber(validationSplit) && validationSplit > 0) || (isFiniteNumber(validationSize) && validationSize > 0)) return { state: 'present' };
  if (validationSplit === 0) return { state: 'none', path: pointer('data', 'validationSplit') };
  if (validationSize === 0) return { state: 'none', path: pointer('data', 'validationSize') };
  return { state: 'unknown' };
}

/**
 * True when a monitored metric is computed on validation data: `val_loss`, Lightning's `val/acc`, HF's
 * `eval_loss`. An unset monitor is Keras' and TF.js' default, `val_loss` (their `EarlyStopping` and `ReduceLROnPlateau` docs).
 */
export function monitorsValidation(monitor: string | undefined): boolean {
  return monitor === undefined || /^(val|valid|validation|eval)[_/.-]/i.test(monitor);
}
