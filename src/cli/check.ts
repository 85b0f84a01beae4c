import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FormatName } from '../adapters/adapter.js';
import { lintWith, parseErrorDiagnostic } from '../engine/lint.js';
import type { LintResult } from '../engine/lint.js';
import { isRuleSeverity, resolveRules } from '../engine/settings.js';
import type { RuleSetting } from '../engine/settings.js';
import { FORMATTERS } from '../formatters/index.js';
import { RULES } from '../rules/index.js';
import { expandTargets, UsageError } from './files.js';
import { VERSION } from './version.js';

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
}

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** `hplint check`: lint, format, and return the exit code of DESIGN.md. */
export async function checkCommand(operands: readonly string[], flags: CheckFlags, io: Io): Promise<number> {
  const cwd = process.cwd();
  const rules = resolveRules(RULES, parseRuleFlags(flags.rule));
  let results: LintResult[];
  if (flags.stdin) {
    if (operands.length > 0) throw new UsageError('--stdin reads standard input: give no paths with it');
    const text = readFileSync(0, 'utf8');
    results = [lintWith(text, { filePath: flags.stdinFilename ?? '<stdin>', ...formatOption(flags) }, rules)];
  } else {
    const targets = await expandTargets(operands.length > 0 ? operands : ['.'], cwd);
    results = [];
    for (const target of targets) {
      const display = path.isAbsolute(target.path) ? path.relative(cwd, target.path) || target.path : target.path;
      const text = readTarget(target.path, cwd);
      const result = text === undefined
        ? unreadable(display)
        : lintWith(text, { filePath: display, ...formatOption(flags) }, rules);
      // A directory search keeps only configs: other YAML/JSON (CI files, data) is not hplint's business.
      if (!target.explicit && result.format === 'unknown' && result.diagnostics.length === 0) {
        if (flags.verbose) io.stderr(`hplint: skipped ${display}: ${result.reason}\n`);
        continue;
      }
      if (flags.verbose) io.stderr(`hplint: ${display}: read as ${result.format} (${result.reason})\n`);
      results.push(result);
    }
  }
  if (flags.quiet) results = results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') }));

  const formatter = FORMATTERS[flags.format];
  if (!formatter) throw new UsageError(`unknown format "${flags.format}"`);
  const color = !flags.output && wantsColor(flags.color, process.stdout.isTTY === true);
  const report = formatter(results, { cwd, color, rules: RULES, version: VERSION });
  if (flags.output) writeFileSync(flags.output, report);
  else io.stdout(report);

  const errors = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'error').length, 0);
  const warnings = results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === 'warning').length, 0);
  if (errors > 0) return 1;
  if (flags.maxWarnings !== undefined && warnings > flags.maxWarnings) {
    io.stderr(`hplint: ${warnings} warnings exceed --max-warnings ${flags.maxWarnings}\n`);
    return 1;
  }
  return 0;
}

function formatOption(flags: CheckFlags): { inputFormat?: FormatName } {
  return flags.inputFormat ? { inputFormat: flags.inputFormat } : {};
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

/** NO_COLOR and FORCE_COLOR (https://no-color.org, https://force-color.org) override the TTY check. */
export function wantsColor(flag: boolean, isTTY: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!flag) return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY;
}

function readTarget(file: string, cwd: string): string | undefined {
  try {
    return readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`no such file or directory: ${file}`);
    if (code === 'EISDIR') return undefined;
    throw new UsageError(`cannot read ${file} (${code ?? 'unknown error'})`);
  }
}

function unreadable(filePath: string): LintResult {
  return { filePath, format: 'unknown', diagnostics: [parseErrorDiagnostic('not a readable file')], reason: 'not a readable file', source: '' };
}
