import type { CsvTable } from './csv.js';
import { HistoryError, parseLoggedNumber } from './history.js';
import type { HistoryRow, TrainingHistory } from './history.js';
import { epochColumn } from './table-csv.js';

/** Lightning's CSVLogger `metrics.csv`: `epoch` and `step` columns, one row per `log` call. */
export function isLightningCsv(table: CsvTable): boolean {
  return epochColumn(table.columns) >= 0 && table.columns.includes('step');
}

/**
 * Lightning writes a row each time metrics are logged: step rows (`train_loss_step`, or `train_loss` logged
 * on_step) and epoch rows (`train_loss_epoch`, `val_loss`) in separate lines. The history keeps one row per
 * epoch: a metric's epoch value is the mean of what the epoch logged (the value Lightning itself reduces
 * `on_epoch` metrics to), read from the `*_epoch` column when there is one, else from the `*_step` column;
 * both are named without the suffix (`train_loss_epoch` → `train_loss`). Rows outside an epoch (the learning
 * rate monitor's first row, `hparams`) are skipped.
 */
export function readLightningCsv(table: CsvTable, fileName: string): TrainingHistory {
  const epochAt = epochColumn(table.columns);
  const stepAt = table.columns.indexOf('step');
  const sources = new Map<string, number>();
  table.columns.forEach((column, i) => {
    if (i === epochAt || i === stepAt) return;
    const name = column.replace(/_(epoch|step)$/, '');
    // An `_epoch` column wins over its `_step` twin and over a bare name logged per step.
    if (!sources.has(name) || column.endsWith('_epoch')) sources.set(name, i);
  });
  const byEpoch = new Map<number, Map<string, number[]>>();
  table.rows.forEach((cells, row) => {
    const epoch = parseLoggedNumber(cells[epochAt] ?? '');
    if (epoch === undefined) return;
    if (!Number.isInteger(epoch) || epoch < 0) throw new HistoryError(`${fileName}:${row + 2}: the epoch column holds "${cells[epochAt]}", not a whole number`);
    const logged = byEpoch.get(epoch) ?? new Map<string, number[]>();
    for (const [name, column] of sources) {
      const value = parseLoggedNumber(cells[column] ?? '');
      if (value !== undefined) logged.set(name, [...(logged.get(name) ?? []), value]);
    }
    byEpoch.set(epoch, logged);
  });
  const rows: HistoryRow[] = [...byEpoch.entries()]
    .sort(([a], [b]) => a - b)
    .map(([epoch, logged]) => ({ epoch, values: Object.fromEntries([...logged].map(([name, values]) => [name, values.reduce((a, b) => a + b, 0) / values.length])) }));
  const metrics = [...sources.keys()].filter((m) => rows.some((r) => m in r.values));
  return { format: 'lightning', rows, metrics };
}
