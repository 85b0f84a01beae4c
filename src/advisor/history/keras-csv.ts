import type { CsvTable } from './csv.js';
import { HistoryError, parseLoggedNumber } from './history.js';
import type { HistoryRow, TrainingHistory } from './history.js';

/** Keras `CSVLogger`: a header `epoch,<metrics…>` and one row per epoch, epochs counted from 0. */
export function isKerasCsv(table: CsvTable): boolean {
  return table.columns[0] === 'epoch' && !table.columns.includes('step');
}

export function readKerasCsv(table: CsvTable, fileName: string): TrainingHistory {
  const metrics = table.columns.slice(1);
  const rows: HistoryRow[] = table.rows.map((cells, index) => {
    const epoch = parseLoggedNumber(cells[0] ?? '');
    if (epoch === undefined || !Number.isInteger(epoch)) throw new HistoryError(`${fileName}:${index + 2}: the epoch column holds "${cells[0]}", not a whole number`);
    const values: Record<string, number> = {};
    metrics.forEach((metric, i) => {
      const value = parseLoggedNumber(cells[i + 1] ?? '');
      if (value !== undefined) values[metric] = value;
    });
    return { epoch, values };
  });
  return { format: 'keras-csv', rows, metrics };
}
