/**
 * A training history as every reader returns it: rows in training order, each with its 0-based epoch and
 * the values logged there. Keras, TF.js and Lightning give one row per epoch; HuggingFace logs by step, so
 * its rows are logging steps (several per epoch) and patience then counts evaluations, as HF's own
 * EarlyStoppingCallback does.
 */

export type HistoryFormat = 'keras' | 'tfjs' | 'keras-csv' | 'pandas-csv' | 'yolo' | 'hf' | 'lightning';

export interface HistoryRow {
  /** 0-based epoch the row belongs to. */
  readonly epoch: number;
  /** Optimizer step, for histories logged by step. */
  readonly step?: number;
  /** Values logged at this row; NaN and ±Infinity are kept (they are what divergence looks like). */
  readonly values: Readonly<Record<string, number>>;
}

export interface TrainingHistory {
  readonly format: HistoryFormat;
  readonly rows: readonly HistoryRow[];
  /** Every series name, as the file spells it. */
  readonly metrics: readonly string[];
  /** What the reader had to decide for the user (e.g. several runs appended: the last one is read). */
  readonly warnings?: readonly string[];
}

/** A history file that cannot be read: a message for the user, never a stack trace. */
export class HistoryError extends Error {
  override readonly name: string = 'HistoryError';
}

/** One logged value of a series and the row it came from. */
export interface Point {
  readonly row: number;
  readonly epoch: number;
  readonly step?: number;
  readonly value: number;
}

/** The values of one series, at the rows that logged it. */
export function pointsOf(history: TrainingHistory, metric: string): Point[] {
  const points: Point[] = [];
  history.rows.forEach((row, index) => {
    const value = row.values[metric];
    if (value !== undefined) points.push({ row: index, epoch: row.epoch, ...(row.step !== undefined ? { step: row.step } : {}), value });
  });
  return points;
}

/** Builds a history from per-epoch arrays (Keras and TF.js `History.history`). */
export function historyFromSeries(format: HistoryFormat, series: Readonly<Record<string, readonly number[]>>): TrainingHistory {
  const metrics = Object.keys(series);
  const length = Math.max(0, ...metrics.map((m) => series[m]!.length));
  const rows: HistoryRow[] = Array.from({ length }, (_, epoch) => ({
    epoch,
    values: Object.fromEntries(metrics.flatMap((m) => (epoch < series[m]!.length ? [[m, series[m]![epoch]!]] : []))),
  }));
  return { format, rows, metrics };
}

/** Reads a number as Python or a CSV writes it: `nan`, `inf`, `-inf`, `NaN`, `Infinity`; undefined when empty or not a number. */
export function parseLoggedNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const lower = trimmed.toLowerCase();
  if (lower === 'nan' || lower === '-nan') return Number.NaN;
  if (lower === 'inf' || lower === 'infinity' || lower === '+inf') return Infinity;
  if (lower === '-inf' || lower === '-infinity') return -Infinity;
  const value = Number(trimmed);
  return Number.isNaN(value) ? undefined : value;
}
