/** A span of source text: one-based lines and columns (end exclusive), zero-based offsets into the text. */
export interface SourceRange {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly start: number;
  readonly end: number;
}

/** Keys and indexes from the root of a parsed document to one node. */
export type SourcePath = readonly (string | number)[];

export const FILE_START: SourceRange = { line: 1, column: 1, endLine: 1, endColumn: 1, start: 0, end: 0 };

/**
 * Maps offsets to one-based line and column. Line breaks are `\n`, `\r\n` and a lone `\r`, as YAML and
 * the stylish formatter split lines; computed from the text itself, so positions stay right even where
 * a parser gave up mid-scalar.
 */
export function lineLocator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  if (!text.includes('\r')) {
    // Most files break lines with `\n` alone: indexOf finds them much faster than a loop over every character.
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  } else {
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10) starts.push(i + 1);
      else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
    }
  }
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    // The `\n` of a CRLF belongs to the break, not the line: columns stop at the line's length + 1.
    const inBreak = text.charCodeAt(offset) === 10 && text.charCodeAt(offset - 1) === 13 && offset > starts[low]!;
    return { line: low + 1, column: offset - starts[low]! + (inBreak ? 0 : 1) };
  };
}
