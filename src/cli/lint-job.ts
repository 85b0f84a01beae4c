import { createRequire } from 'node:module';
import type * as Diff from 'diff';
import type { FormatName } from '../adapters/adapter.js';
import { fixText } from '../engine/fix.js';
import type { FixMode } from '../engine/fix.js';
import { lintWith } from '../engine/lint.js';
import type { LintOptions, LintResult } from '../engine/lint.js';
import { terminalText } from '../render/escape.js';
import { displayPath } from '../formatters/paths.js';
import { RULES } from '../rules/index.js';
import type { ResolvedRule, RuleSettings } from '../engine/settings.js';
import { SettingsResolver } from './settings.js';
import { writeFileSafely, WriteError } from '../write-file.js';

// `diff` is needed only by --fix-dry-run: loaded on first use, off the start-up path of every check.
const require = createRequire(import.meta.url);

/** What decides how every file of a run is linted: plain data, so a worker thread can receive it. */
export interface RunOptions {
  readonly cwd: string;
  readonly cliRules: RuleSettings;
  readonly configFile?: string;
  readonly inputFormat?: FormatName;
  readonly reportUnusedDisableDirectives?: boolean;
  readonly maxFileSize?: number;
  readonly fix?: FixMode;
  readonly fixDryRun?: boolean;
}

/** One file to lint, already read. */
export interface Job {
  readonly index: number;
  /** As reported: relative to the working directory. */
  readonly display: string;
  readonly absolute: string;
  readonly text: string;
}

export interface JobOutcome {
  readonly index: number;
  readonly result: LintResult;
  /** Lines for standard error (fixes written), printed in file order by the main thread. */
  readonly messages: readonly string[];
  /** A unified diff for `--fix-dry-run`, printed in file order on standard output. */
  readonly diff?: string;
  /** The fixed text could not be written (the message says why): the run goes on and exits 2 at the end. */
  readonly failed?: boolean;
}

export function lintOptionsFor(display: string, run: RunOptions): LintOptions {
  return {
    filePath: display,
    ...(run.inputFormat ? { inputFormat: run.inputFormat } : {}),
    ...(run.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
    ...(run.maxFileSize !== undefined ? { maxFileSize: run.maxFileSize } : {}),
  };
}

/**
 * Lints jobs, fixing first when asked: `--fix` writes safe fixes, `--fix-unsafe` also suggestions,
 * `--fix-dry-run` returns the unified diff instead of writing. The result is of what is left. The same
 * code runs in the main thread and in worker threads.
 */
export class JobRunner {
  readonly resolver: SettingsResolver;

  constructor(private readonly run: RunOptions) {
    this.resolver = new SettingsResolver(RULES, run.cliRules, run.configFile);
  }

  /** Lints one job with `rules` when the caller has resolved them already, else resolves them here. */
  lint(job: Job, rules: readonly ResolvedRule[] = this.resolver.forFile(job.absolute).rules): JobOutcome {
    const options = lintOptionsFor(job.display, this.run);
    if (!this.run.fix) return { index: job.index, result: lintWith(job.text, options, rules), messages: [] };
    const outcome = fixText(job.text, options, rules, this.run.fix);
    if (outcome.output === job.text) return { index: job.index, result: outcome.result, messages: [] };
    const name = displayPath(job.display, this.run.cwd);
    if (this.run.fixDryRun) {
      const { createTwoFilesPatch } = require('diff') as typeof Diff;
      const diff = createTwoFilesPatch(`a/${name}`, `b/${name}`, job.text, outcome.output, undefined, undefined, { context: 3 });
      return { index: job.index, result: outcome.result, messages: [], diff };
    }
    try {
      writeFileSafely(job.absolute, outcome.output, { expected: job.text });
    } catch (error) {
      if (!(error instanceof WriteError)) throw error;
      // The file is as it was: report what is in it, not what the fix would have left.
      const message = `hplint: cannot write ${terminalText(name)}: ${error.reason}\n`;
      return { index: job.index, result: lintWith(job.text, options, rules), messages: [message], failed: true };
    }
    const message = `hplint: fixed ${outcome.fixed} problem${outcome.fixed === 1 ? '' : 's'} in ${terminalText(name)}\n`;
    return { index: job.index, result: outcome.result, messages: [message] };
  }
}
