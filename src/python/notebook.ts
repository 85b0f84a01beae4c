import { parseSource } from '../source/document.js';

/**
 * A Jupyter notebook's code cells as one Python text, with a map from every character of that text back
 * to the notebook file (through JSON string escapes), so diagnostics point into the `.ipynb` itself and
 * can be read as "cell N, line L". Magic (`%time`) and shell (`!pip`) lines are blanked: not Python.
 */
export interface NotebookCode {
  readonly code: string;
  /** Offset in the notebook file where the code character at `i` starts / ends. */
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Code offset where each code cell starts, with its one-based cell number among all cells. */
  readonly cells: readonly { readonly offset: number; readonly cell: number }[];
}

export function notebookCode(text: string, filePath: string): NotebookCode | { error: string } {
  const document = parseSource(text, filePath);
  if (document.problems.length > 0) return { error: `not a notebook: ${document.problems[0]!.message}` };
  const root = document.root as { cells?: unknown };
  if (typeof root !== 'object' || root === null || !Array.isArray(root.cells)) return { error: 'not a Jupyter notebook (no "cells" list)' };
  let code = '';
  const starts: number[] = [];
  const ends: number[] = [];
  const cells: { offset: number; cell: number }[] = [];
  root.cells.forEach((cell: unknown, index: number) => {
    const value = cell as { cell_type?: unknown; source?: unknown };
    if (value.cell_type !== 'code') return;
    cells.push({ offset: code.length, cell: index + 1 });
    const parts = Array.isArray(value.source) ? value.source.map((_, j) => ['cells', index, 'source', j]) : [['cells', index, 'source']];
    let cellCode = '';
    for (const path of parts) {
      const range = document.rangeOf(path);
      if (!range) continue;
      const decoded = decodeJsonString(text, range.start, range.end);
      cellCode += decoded.value;
      starts.push(...decoded.starts);
      ends.push(...decoded.ends);
    }
    code += blankMagics(cellCode);
    // Cells are separate statements: a newline between them, mapped to the cell's end.
    const last = ends.at(-1) ?? 0;
    code += '\n';
    starts.push(last);
    ends.push(last);
  });
  starts.push(ends.at(-1) ?? 0);
  ends.push(ends.at(-1) ?? 0);
  return { code, start: Int32Array.from(starts), end: Int32Array.from(ends), cells };
}

/** The cell and line (both one-based) of a code offset. */
export function cellLine(notebook: NotebookCode, offset: number): { cell: number; line: number } {
  let found = notebook.cells[0] ?? { offset: 0, cell: 1 };
  for (const cell of notebook.cells) if (cell.offset <= offset) found = cell;
  let line = 1;
  for (let i = found.offset; i < offset; i++) if (notebook.code.charCodeAt(i) === 10) line++;
  return { cell: found.cell, line };
}

/** `%matplotlib inline`, `!pip install x`, `%%time`: IPython syntax, replaced by a comment of the same length. */
function blankMagics(code: string): string {
  return code.replace(/^([ \t]*)[%!]/gm, '$1#');
}

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' };

/** Decodes the JSON string token at [from, to) (quotes included), keeping each character's raw span. */
function decodeJsonString(text: string, from: number, to: number): { value: string; starts: number[]; ends: number[] } {
  let value = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = from + 1; i < to - 1; i++) {
    const start = i;
    let ch = text[i]!;
    if (ch === '\\') {
      const next = text[i + 1] ?? '';
      if (next === 'u') {
        ch = String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
        i += 5;
      } else {
        ch = ESCAPES[next] ?? next;
        i += 1;
      }
    }
    value += ch;
    starts.push(start);
    ends.push(i + 1);
  }
  return { value, starts, ends };
}
