import { HistoryError } from './history.js';
import type { HistoryRow, TrainingHistory } from './history.js';
import { isPlainObject } from '../../model/normalize.js';

/** HuggingFace `trainer_state.json`: `{log_history: [{step, epoch, loss | eval_loss, …}, …], …}`. */
export function isTrainerState(value: unknown): value is { log_history: unknown[] } {
  return isPlainObject(value) && Array.isArray(value.log_history);
}

/** Bookkeeping fields of a log entry that are not metrics. */
const NOT_METRICS = new Set(['step', 'epoch', 'total_flos', 'train_runtime', 'train_samples_per_second', 'train_steps_per_second', 'eval_runtime', 'eval_samples_per_second', 'eval_steps_per_second']);

/**
 * One row per logged step (training-loss entries and evaluation entries of the same step merged). HF's
 * `epoch` is fractional progress (1.0 at the end of the first epoch), so the 0-based epoch of a row is
 * ⌈epoch⌉ − 1. The final summary entry (`train_loss`, `train_runtime`) is not a training point and is skipped.
 */
export function readTrainerState(value: { log_history: unknown[] }, fileName: string): TrainingHistory {
  const bySteps = new Map<number, { progress: number; values: Record<string, number> }>();
  value.log_history.forEach((entry, index) => {
    if (!isPlainObject(entry) || typeof entry.step !== 'number') throw new HistoryError(`${fileName}: log_history[${index}] has no numeric "step"`);
    if ('train_runtime' in entry) return;
    const row = bySteps.get(entry.step) ?? { progress: 0, values: {} };
    if (typeof entry.epoch === 'number') row.progress = Math.max(row.progress, entry.epoch);
    for (const [key, v] of Object.entries(entry)) {
      if (NOT_METRICS.has(key)) continue;
      if (typeof v === 'number') row.values[key] = v;
      // Python's json writes NaN as a bare token (parsed already); some loggers write the string "nan".
      else if (typeof v === 'string' && /^-?(nan|inf(inity)?)$/i.test(v)) row.values[key] = v.toLowerCase().includes('nan') ? Number.NaN : v.startsWith('-') ? -Infinity : Infinity;
    }
    bySteps.set(entry.step, row);
  });
  const rows: HistoryRow[] = [...bySteps.entries()]
    .sort(([a], [b]) => a - b)
    .map(([step, row]) => ({ epoch: Math.max(0, Math.ceil(row.progress) - 1), step, values: row.values }));
  const metrics = [...new Set(rows.flatMap((r) => Object.keys(r.values)))];
  return { format: 'hf', rows, metrics };
}
