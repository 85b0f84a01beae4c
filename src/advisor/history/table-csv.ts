import type { CsvTable } from './csv.js';
import { HistoryError, parseLoggedNumber } from './history.js';
import type { HistoryFormat, HistoryRow, TrainingHistory } from './history.js';

/** A column that numbers the epochs: `epoch`, `Epoch`, `EPOCH`. */
export function epochColumn(columns: readonly string[]): number {
  return columns.findIndex((c) => c.toLowerCase() === 'epoch');
}

/** pandas `to_csv` writes the DataFrame index as an unnamed first column (read back as `Unnamed: 0`). */
function isIndexColumn(name: string | undefined): boolean {
  return name === '' || name === 'Unnamed: 0' || name === 'index';
}

/**
 * A history with one row per epoch: Keras `CSVLogger` (`epoch,<metrics…>`, epochs from 0), Ultralytics and
 * YOLOv5 `results.csv` (epochs from 0 or 1), a custom `Epoch` column (from 1), a pandas `to_csv` of
 * `History.history` (the index column is the epoch) or a CSV with no epoch column at all (row n is epoch n).
 * Epochs are reported from 0. A file that several runs appended to (Keras `CSVLogger(append=True)`) restarts
 * its epoch count: the last run is analysed and a warning says so.
 */
export function readEpochCsv(table: CsvTable, fileName: string): TrainingHistory {
  const index = isIndexColumn(table.columns[0]) ? 0 : epochColumn(table.columns);
  const metrics = table.columns.filter((_, i) => i !== index);
  const numbered = table.rows.map((cells, row) => {
    if (index < 0) return row;
    const epoch = parseLoggedNumber(cells[index] ?? '');
    if (epoch === undefined || !Number.isInteger(epoch)) throw new HistoryError(`${fileName}:${row + 2}: the ${table.columns[index] || 'index'} column holds "${cells[index]}", not a whole number`);
    return epoch;
  });
  const start = lastRunStart(numbered);
  const warnings = start > 0 ? [`${fileName}:${start + 2}: the epoch count restarts here (several runs appended to one file): analysing the last run, lines ${start + 2}–${numbered.length + 1}`] : [];
  const first = numbered[start] ?? 0;
  // A count that starts at 1 (a custom loop's `range(1, n + 1)`, Ultralytics) is shifted to start at 0.
  const offset = index >= 0 && first === 1 && !isIndexColumn(table.columns[index]) ? 1 : 0;
  const rows: HistoryRow[] = table.rows.slice(start).map((cells, i) => {
    const values: Record<string, number> = {};
    table.columns.forEach((column, c) => {
      if (c === index) return;
      const value = parseLoggedNumber(cells[c] ?? '');
      if (value !== undefined) values[column] = value;
    });
    return { epoch: numbered[start + i]! - offset, values };
  });
  const logged = metrics.filter((m) => rows.some((r) => m in r.values));
  return { format: csvFormat(table.columns, index), rows, metrics: logged, ...(warnings.length > 0 ? { warnings } : {}) };
}

/** The row where the last run starts: after the last place the epoch count fails to increase. */
function lastRunStart(epochs: readonly number[]): number {
  let start = 0;
  for (let i = 1; i < epochs.length; i++) if (epochs[i]! <= epochs[i - 1]!) start = i;
  return start;
}

function csvFormat(columns: readonly string[], index: number): HistoryFormat {
  if (columns.some((c) => /^(train|val|metrics)\//.test(c))) return 'yolo';
  return index >= 0 && columns[index]?.toLowerCase() === 'epoch' ? 'keras-csv' : 'pandas-csv';
}
