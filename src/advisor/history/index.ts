import { parseCsv } from './csv.js';
import { readTrainerState, isTrainerState } from './hf-trainer-state.js';
import { HistoryError } from './history.js';
import type { TrainingHistory } from './history.js';
import { parsePythonJson } from './json.js';
import { isSeriesObject, readKerasJson } from './keras-json.js';
import { isLightningCsv, readLightningCsv } from './lightning-csv.js';
import { readEpochCsv } from './table-csv.js';
import { isTfjsHistory, readTfjsJson } from './tfjs-json.js';

export type { HistoryFormat, HistoryRow, Point, TrainingHistory } from './history.js';
export { HistoryError, pointsOf } from './history.js';

/**
 * Reads a training history of any supported format, recognised by content: JSON with `log_history`
 * (HuggingFace), with `history` (TF.js), or of metric arrays (Keras, custom loops); CSV with `epoch` and
 * `step` columns (Lightning), else one row per epoch (Keras CSVLogger, Ultralytics, pandas `to_csv`).
 * Throws HistoryError with a message for the user.
 */
export function readHistory(text: string, fileName: string): TrainingHistory {
  const history = /^\s*[[{]/.test(text) ? readJson(text, fileName) : readCsv(text, fileName);
  if (history.rows.length === 0) throw new HistoryError(`${fileName}: the history has no logged epochs`);
  return history;
}

function readJson(text: string, fileName: string): TrainingHistory {
  const value = parsePythonJson(text, fileName);
  if (isTrainerState(value)) return readTrainerState(value, fileName);
  if (isTfjsHistory(value)) return readTfjsJson(value, fileName);
  if (isSeriesObject(value)) return readKerasJson(value, fileName);
  throw new HistoryError(`${fileName}: not a training history (expected Keras/TF.js History JSON or a HuggingFace trainer_state.json)`);
}

function readCsv(text: string, fileName: string): TrainingHistory {
  const table = parseCsv(text, fileName);
  return isLightningCsv(table) ? readLightningCsv(table, fileName) : readEpochCsv(table, fileName);
}
