import type { LintResult } from '../engine/lint.js';
import type { AnyRule } from '../engine/rule.js';

/** What every formatter may use besides the results; one signature for all (Spectral's model). */
export interface FormatterContext {
  readonly cwd: string;
  /** Whether to colour the output (a TTY, unless NO_COLOR / --no-color; FORCE_COLOR forces it). */
  readonly color: boolean;
  readonly rules: readonly AnyRule[];
  readonly version: string;
}

export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;

export interface Summary {
  readonly files: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export function summarize(results: readonly LintResult[]): Summary {
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const result of results) {
    for (const d of result.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
      else infos++;
    }
  }
  return { files: results.length, errors, warnings, infos };
}
