import type { Pointer } from '../model/pointer.js';
import { FILE_START } from '../source/range.js';
import type { SourceRange } from '../source/range.js';
import type { EditOp, Severity, Tier } from './rule.js';

/** One reported problem, as the JSON output contract (README "JSON output") gives it. */
export interface Diagnostic {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly tier: Tier;
  readonly message: string;
  /** Canonical JSON pointer the diagnostic is about ('' for the whole file). */
  readonly path: Pointer;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly suggestion?: { readonly path: Pointer; readonly description: string; readonly value?: unknown; readonly edits?: readonly EditOp[] };
  /** Safe edits for `--fix`. */
  readonly fix?: readonly EditOp[];
  /** Zero-based offsets of the reported range, for fixes and editors. */
  readonly range: readonly [number, number];
}

/** The diagnostic of a file that cannot be read or parsed; it has no rule behind it. */
export const PARSE_ERROR = 'parse-error';

export function parseErrorDiagnostic(message: string, range: SourceRange = FILE_START): Diagnostic {
  return {
    ruleId: PARSE_ERROR,
    severity: 'error',
    tier: null,
    message,
    path: '',
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    range: [range.start, range.end],
  };
}

/**
 * The diagnostic of a file on which a rule or an adapter threw. That is a bug in hplint, not in the file: it is
 * reported on the file (the CLI exits 2) instead of ending the run, and the file's other results still stand.
 */
export const INTERNAL_ERROR = 'internal-error';

/** `component` names what failed: `rule learning-rate-range`, `adapter hf`. */
export function internalErrorDiagnostic(component: string, error: unknown): Diagnostic {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    ...parseErrorDiagnostic(`${component} failed on this file (${reason}). This is a bug in hplint: please report it with the file.`),
    ruleId: INTERNAL_ERROR,
  };
}
