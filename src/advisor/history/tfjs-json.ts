import type { TrainingHistory } from './history.js';
import { isPlainObject } from '../../model/normalize.js';
import { isSeriesObject, readKerasJson } from './keras-json.js';

/** TF.js's `History` object saved whole: `{epoch: [0, 1, …], history: {loss: [...], …}}` (or only `{history}`). */
export function isTfjsHistory(value: unknown): value is { history: Record<string, unknown> } {
  return isPlainObject(value) && isSeriesObject(value.history);
}

/** Reads the wrapped form; `JSON.stringify` wrote NaN and Infinity as null, which reads back as NaN. */
export function readTfjsJson(value: { history: Record<string, unknown> }, fileName: string): TrainingHistory {
  return readKerasJson(value.history, fileName, 'tfjs');
}
