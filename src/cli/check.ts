import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { FormatName } from '../adapters/adapter.js';
import type { FixMode } from '../engine/fix.js';
import { INTERNAL_ERROR, parseErrorDiagnostic } from '../engine/lint.js';
import type { LintResult } from '../engine/lint.js';
import type { ResolvedRule } from '../engine/settings.js';
import { isRuleSeverity } from '../engine/settings.js';
import type { RuleSetting } from '../engine/settings.js';
import { FORMATTERS } from '../formatters/index.js';
import { terminalText } from '../render/escape.js';
import { displayPath } from '../formatters/paths.js';
import { RULES } from '../rules/index.js';
import { LIMITS } from '../source/limits.js';
import { DEFAULT_CACHE_LOCATION, LintCache } from './cache.js';
import { expandTargets } from './files.js';
import { UsageError } from '../usage-error.js';
import type { Target } from './files.js';
import { JobRunner } from './lint-job.js';
import type { Job, RunOptions } from './lint-job.js';
import { lintInWorkers, workerCount } from './parallel.js';
import type { Concurrency } from './parallel.js';
import type { SettingsResolver } from './settings.js';
import { presetOf } from '../engine/config.js';
import type { DisabledRule } from '../engine/config.js';
import { wantsColor } from './color.js';
import { inputAt, reasonOf, writeFileSafely } from '../write-file.js';
import { VERSION } from '../version.js';

export interface CheckFlags {
  readonly format: string;
  readonly output?: string;
  readonly maxWarnings?: number;
  readonly quiet?: boolean;
  readonly rule: readonly string[];
  readonly stdin?: boolean;
  readonly stdinFilename?: string;
  readonly inputFormat?: FormatName;
  readonly color: boolean;
  readonly verbose?: boolean;
  readonly debug: boolean;
  readonly config?: string;
  readonly printConfig?: string;
  readonly fix?: boolean;
  readonly fixUnsafe?: boolean;
  readonly fixDryRun?: boolean;
  readonly reportUnusedDisableDirectives?: boolean;
  readonly maxFileSize?: number;
  readonly cache?: boolean;
  readonly cacheLocation?: string;
  readonly concurrency?: Concurrency;
}

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** `hplint check`: lint (and fix), format, and return the exit code (README "Exit codes"). */
export async function checkCommand(operands: readonly string[], flags: CheckFlags, io: Io): Promise<number> {
  const cwd = process.cwd();
  const run = runOptions(flags, cwd);
  const runner = new JobRunner(run);
  if (flags.printConfig) {
    io.stdout(printConfig(flags.printConfig, runner.resolver, cwd));
    return 0;
  }
  let results: LintResult[];
  // Files that could not be read or written: reported as they happen, the run goes on, and ends with exit 2.
  let failures = 0;
  if (flags.stdin) {
    if (operands.length > 0) throw new UsageError('--stdin reads standard input: give no paths with it');
    if (run.fix && !flags.fixDryRun) throw new UsageError('--fix rewrites files: with --stdin, use --fix-dry-run to see the diff');
    const display = flags.stdinFilename ?? '<stdin>';
    const absolute = path.resolve(cwd, flags.stdinFilename ?? 'stdin');
    if (runner.resolver.forFile(absolute).ignored) results = [];
    else {
      const text = decodeText(readFileSync(0));
      if (text === undefined) results = [unreadable(display, NOT_UTF8)];
      else {
        const outcome = runner.lint({ index: 0, display, absolute, text });
        if (outcome.diff) io.stdout(outcome.diff);
        results = [outcome.result];
      }
    }
  } else {
    const { targets, problems } = await expandTargets(operands.length > 0 ? operands : ['.'], cwd);
    if (flags.output) refuseInputAsOutput(flags.output, [...targets.map((t) => path.resolve(cwd, t.path)), ...(run.configFile ? [run.configFile] : [])]);
    for (const problem of problems) io.stderr(`hplint: ${terminalText(problem)}\n`);
    let skipped: number;
    ({ results, failures: skipped } = await lintTargets(targets, flags, run, runner, io));
    failures = problems.length + skipped;
  }
  if (flags.quiet) results = results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }));

  const formatter = FORMATTERS[flags.format];
  if (!formatter) throw new UsageError(`unknown format "${flags.format}"`);
  const color = !flags.output && wantsColor(flags.color, process.stdout.isTTY === true);
  const report = formatter(results, { cwd, color, rules: RULES, version: VERSION });
  if (flags.output) writeFileSafely(flags.output, report);
  else io.stdout(report);
  if (failures > 0) {
    io.stderr(`hplint: ${failures === 1 ? 'a path' : `${failures} paths`} could not be read or written (see above)\n`);
    return 2;
  }

  // A rule or an adapter that threw is hplint's failure, not the config's: exit 2, as for any internal error.
  if (results.some((r) => r.diagnostics.some((d) => d.ruleId === INTERNAL_ERROR))) return 2;
  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings) {
    io.stderr(`hplint: ${warnings} warnings exceed --max-warnings ${flags.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function runOptions(flags: CheckFlags, cwd: string): RunOptions {
  const fix: FixMode | undefined = flags.fixUnsafe ? 'unsafe' : flags.fix || flags.fixDryRun ? 'safe' : undefined;
  return {
    cwd,
    cliRules: parseRuleFlags(flags.rule),
    ...(flags.config ? { configFile: path.resolve(cwd, flags.config) } : {}),
    ...(flags.inputFormat ? { inputFormat: flags.inputFormat } : {}),
    ...(flags.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
    ...(flags.maxFileSize !== undefined ? { maxFileSize: flags.maxFileSize } : {}),
    ...(fix ? { fix } : {}),
    ...(flags.fixDryRun ? { fixDryRun: true } : {}),
  };
}

/**
 * Reads every target in the main thread (answering from the cache where content and settings are
 * unchanged), lints the rest — on worker threads when there are enough files to pay for them — and
 * reports in the order the targets were given.
 */
async function lintTargets(targets: readonly Target[], flags: CheckFlags, run: RunOptions, runner: JobRunner, io: Io): Promise<{ results: LintResult[]; failures: number }> {
  const { cwd } = run;
  const cache = flags.cache && !run.fix ? LintCache.load(path.resolve(cwd, flags.cacheLocation ?? DEFAULT_CACHE_LOCATION), VERSION) : undefined;
  const cacheKey = JSON.stringify([run.inputFormat, run.reportUnusedDisableDirectives, run.maxFileSize]);
  const slots: (LintResult | undefined)[] = new Array(targets.length);
  let failures = 0;
  const noted = new Set<string>();
  const jobs: Job[] = [];
  // The resolved rules of each job, in job order: resolved once, used to lint and to cache.
  const jobRules: (readonly ResolvedRule[])[] = [];
  targets.forEach((target, index) => {
    const display = path.isAbsolute(target.path) ? path.relative(cwd, target.path) || target.path : target.path;
    const absolute = path.resolve(cwd, target.path);
    const settings = runner.resolver.forFile(absolute);
    if (target.explicit) noteDisabledRules(settings.disabled, cwd, noted, io);
    if (settings.ignored) {
      if (flags.verbose) io.stderr(`hplint: ignored ${terminalText(display)} (ignores in ${terminalText(displayPath(settings.config!.filePath, cwd))})\n`);
      return;
    }
    const read = readTarget(target.path, cwd, run.maxFileSize ?? LIMITS.maxFileSize);
    if ('failure' in read) {
      io.stderr(`hplint: cannot read ${terminalText(display)}: ${read.failure}; skipped\n`);
      failures++;
      return;
    }
    if ('problem' in read) {
      slots[index] = unreadable(display, read.problem);
      return;
    }
    const cached = cache?.get(display, read.text, settings.rules, cacheKey);
    if (cached) slots[index] = cached;
    else {
      jobs.push({ index, display, absolute, text: read.text });
      jobRules.push(settings.rules);
    }
  });

  const workers = workerCount(flags.concurrency ?? 'auto', jobs.length);
  // Outcomes come back in job order, from the workers as from the main thread.
  const outcomes = workers > 0 ? await lintInWorkers(jobs, run, workers) : jobs.map((job, i) => runner.lint(job, jobRules[i]));
  outcomes.forEach((outcome, i) => {
    for (const message of outcome.messages) io.stderr(message);
    if (outcome.failed) failures++;
    if (outcome.diff) io.stdout(outcome.diff);
    slots[outcome.index] = outcome.result;
    cache?.set(jobs[i]!.display, jobs[i]!.text, jobRules[i]!, cacheKey, outcome.result);
  });
  const cacheProblem = cache?.save();
  if (cacheProblem) io.stderr(`hplint: ${cacheProblem}\n`);

  const results: LintResult[] = [];
  targets.forEach((target, index) => {
    const result = slots[index];
    if (!result) return;
    // A directory search keeps only configs: other YAML/JSON (CI files, data) is not hplint's business.
    if (!target.explicit && result.format === 'unknown' && result.diagnostics.length === 0) {
      if (flags.verbose) io.stderr(`hplint: skipped ${terminalText(result.filePath)}: ${terminalText(result.reason)}\n`);
      return;
    }
    if (flags.verbose) io.stderr(`hplint: ${terminalText(result.filePath)}: read as ${result.format} (${terminalText(result.reason)})\n`);
    results.push(result);
  });
  return { results, failures };
}

/**
 * For a file named on the command line, says which rules a nested config turns off that a config above it
 * turns on: nested configs merge over their parents', and may not silently drop the repository's rules.
 */
function noteDisabledRules(disabled: readonly DisabledRule[], cwd: string, noted: Set<string>, io: Io): void {
  for (const d of disabled) {
    const key = `${d.by}\0${d.ruleId}`;
    if (noted.has(key)) continue;
    noted.add(key);
    io.stderr(`hplint: note: ${terminalText(displayPath(d.by, cwd))} turns off ${d.ruleId}, which ${terminalText(displayPath(d.over, cwd))} enables (see --print-config)\n`);
  }
}

/** `-o FILE` may not be (or link to) a file the run reads: the report would replace a config. */
function refuseInputAsOutput(output: string, inputs: readonly string[]): void {
  const input = inputAt(output, inputs);
  if (input !== undefined) throw new UsageError(`-o ${output} is also an input of this run (${path.relative(process.cwd(), input) || input}): nothing was written`);
}

/** `--print-config FILE`: the config files that apply (root first), the nearest, and every rule's effective setting for that file. */
function printConfig(file: string, resolver: SettingsResolver, cwd: string): string {
  const settings = resolver.forFile(path.resolve(cwd, file));
  const rules = Object.fromEntries(
    RULES.map((rule) => {
      const resolved = settings.rules.find((r) => r.rule.id === rule.id);
      return [rule.id, resolved ? [resolved.severity, resolved.options] : 'off'];
    }),
  );
  const output = {
    file,
    configFile: settings.config ? displayPath(settings.config.filePath, cwd) : null,
    configFiles: settings.configs.map((c) => displayPath(c.filePath, cwd)),
    extends: presetOf(settings.configs),
    ignored: settings.ignored,
    rules,
  };
  return JSON.stringify(output, null, 2) + '\n';
}

/** `--rule id=severity`, repeatable; the last one for an id wins. */
export function parseRuleFlags(values: readonly string[]): Record<string, RuleSetting> {
  const settings: Record<string, RuleSetting> = {};
  for (const value of values) {
    const match = /^([\w-]+)=(\w+)$/.exec(value.trim());
    if (!match || !isRuleSeverity(match[2])) throw new UsageError(`--rule takes id=severity (off, info, warning, error), not "${value}"`);
    settings[match[1]!] = match[2];
  }
  return settings;
}

/**
 * A file's text; or why it cannot be linted (`problem`: over the size limit, not read at all, or not UTF-8),
 * reported as a parse-error; or why it cannot be read at all (`failure`: permissions, vanished), reported
 * and skipped like an unreadable directory.
 */
function readTarget(file: string, cwd: string, maxFileSize: number): { text: string } | { problem: string } | { failure: string } {
  const absolute = path.resolve(cwd, file);
  try {
    const stats = statSync(absolute);
    if (stats.isDirectory()) return { problem: 'not a readable file' };
    if (stats.size > maxFileSize) return { problem: `the file is larger than the ${maxFileSize} bytes limit (--max-file-size); it was not read` };
    const text = decodeText(readFileSync(absolute));
    return text === undefined ? { problem: NOT_UTF8 } : { text };
  } catch (error) {
    return { failure: reasonOf(error) };
  }
}

const NOT_UTF8 = 'the file is not valid UTF-8 text';

/** Strict decoding: invalid bytes are an error, not silently replaced by U+FFFD. The BOM is kept for the parser. */
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The text of a file or of standard input, or undefined when it is not UTF-8. */
function decodeText(bytes: Uint8Array): string | undefined {
  try {
    return UTF8.decode(bytes);
  } catch {
    return undefined;
  }
}

function unreadable(filePath: string, problem: string): LintResult {
  return { filePath, format: 'unknown', diagnostics: [parseErrorDiagnostic(problem)], reason: problem, source: '' };
}
