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
