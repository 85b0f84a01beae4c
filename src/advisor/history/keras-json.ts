import { historyFromSeries, HistoryError } from './history.js';
import type { HistoryFormat, TrainingHistory } from './history.js';
import { isPlainObject } from '../../model/normalize.js';

/** True for Keras's `History.history`: an object whose values are all arrays of numbers (`{loss: [...], val_loss: [...]}`). */
export function isSeriesObject(value: unknown): value is Record<string, unknown[]> {
  if (!isPlainObject(value)) return false;
  const entries = Object.values(value);
  return entries.length > 0 && entries.every((v) => Array.isArray(v) && v.every((x) => typeof x === 'number' || x === null));
}

/**
 * Keras `History.history` saved with `json.dump`: one array per metric, one entry per epoch. `null` is
 * read as NaN: `JSON.stringify` (TF.js, or a Python encoder with a default) writes non-finite values so.
 */
export function readKerasJson(value: unknown, fileName: string, format: HistoryFormat = 'keras'): TrainingHistory {
  if (!isSeriesObject(value)) throw new HistoryError(`${fileName}: expected an object of metric arrays such as {"loss": [...], "val_loss": [...]}`);
  const series = Object.fromEntries(Object.entries(value).map(([metric, values]) => [metric, values.map((v) => (v === null ? Number.NaN : (v as number)))]));
  return historyFromSeries(format, series);
}
