import { LIMITS } from '../../source/limits.js';
import { HistoryError } from './history.js';

/** A CSV table: the header's column names and each row's cells (missing cells are empty strings). */
export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/**
 * Splits the CSV that Keras's CSVLogger and Lightning's CSVLogger write (Python's csv module: comma
 * separated, fields quoted with "" when they contain a comma or quote). Blank lines are skipped.
 */
export function parseCsv(text: string, fileName: string): CsvTable {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line.trim() !== '');
  const [header, ...body] = lines;
  if (header === undefined) throw new HistoryError(`${fileName}: the CSV file is empty`);
  const columns = splitLine(header);
  if (columns.length > LIMITS.maxHistoryColumns) throw new HistoryError(`${fileName}: the CSV has ${columns.length} columns; at most ${LIMITS.maxHistoryColumns} are read`);
  const rows = body.map((line) => {
    const cells = splitLine(line);
    return columns.map((_, i) => cells[i] ?? '');
  });
  return { columns, rows };
}

function splitLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}
