import type { CsvTable } from './csv.js';
import { HistoryError, parseLoggedNumber } from './history.js';
import type { HistoryRow, TrainingHistory } from './history.js';

/** Lightning's CSVLogger `metrics.csv`: `epoch` and `step` columns, one row per `log` call. */
export function isLightningCsv(table: CsvTable): boolean {
  return table.columns.includes('epoch') && table.columns.includes('step');
}

/**
 * Lightning writes a row each time metrics are logged: step-level rows (`train_loss_step`) and epoch-level
 * rows (`train_loss_epoch`, `val_loss`) in separate lines. The history keeps one row per epoch with the
 * epoch's last value of each metric; step-only metrics (`*_step`) and the step itself are left out, since
 * the analysis is per epoch.
 */
export function readLightningCsv(table: CsvTable, fileName: string): TrainingHistory {
  const epochColumn = table.columns.indexOf('epoch');
  const stepColumn = table.columns.indexOf('step');
  const metrics = table.columns.filter((c, i) => i !== epochColumn && i !== stepColumn && !c.endsWith('_step'));
  const byEpoch = new Map<number, Record<string, number>>();
  table.rows.forEach((cells, index) => {
    const epoch = parseLoggedNumber(cells[epochColumn] ?? '');
    if (epoch === undefined) return; // rows logged outside an epoch (e.g. hparams)
    if (!Number.isInteger(epoch) || epoch < 0) throw new HistoryError(`${fileName}:${index + 2}: the epoch column holds "${cells[epochColumn]}", not a whole number`);
    const values = byEpoch.get(epoch) ?? {};
    for (const metric of metrics) {
      const value = parseLoggedNumber(cells[table.columns.indexOf(metric)] ?? '');
      if (value !== undefined) values[metric] = value;
    }
    byEpoch.set(epoch, values);
  });
  const rows: HistoryRow[] = [...byEpoch.entries()].sort(([a], [b]) => a - b).map(([epoch, values]) => ({ epoch, values }));
  const logged = metrics.filter((m) => rows.some((r) => m in r.values));
  return { format: 'lightning', rows, metrics: logged };
}
