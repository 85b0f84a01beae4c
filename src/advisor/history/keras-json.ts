import { historyFromSeries, HistoryError } from './history.js';
import type { HistoryFormat, TrainingHistory } from './history.js';
import { isPlainObject } from '../../model/normalize.js';

/**
 * True for Keras's `History.history` (`{loss: [...], val_loss: [...]}`) and the per-epoch history a custom
 * loop saves (`{train_loss: [...], val_acc: [...], "backbone": "…", …}`): an object with arrays of numbers,
 * beside which metadata may be stored.
 */
export function isSeriesObject(value: unknown): value is Record<string, unknown> {
  return isPlainObject(value) && Object.values(value).some(isNumberArray);
}

function isNumberArray(value: unknown): value is (number | null)[] {
  return Array.isArray(value) && value.length > 0 && value.every((x) => typeof x === 'number' || x === null);
}

/**
 * Keras `History.history` saved with `json.dump`: one array per metric, one entry per epoch. `null` is
 * read as NaN: `JSON.stringify` (TF.js, or a Python encoder with a default) writes non-finite values so.
 */
export function readKerasJson(value: unknown, fileName: string, format: HistoryFormat = 'keras'): TrainingHistory {
  if (!isSeriesObject(value)) throw new HistoryError(`${fileName}: expected an object of metric arrays such as {"loss": [...], "val_loss": [...]}`);
  const arrays = Object.entries(value).filter((entry): entry is [string, (number | null)[]] => isNumberArray(entry[1]));
  const series = Object.fromEntries(arrays.map(([metric, values]) => [metric, values.map((v) => (v === null ? Number.NaN : v))]));
  return historyFromSeries(format, series);
}
