import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createTwoFilesPatch } from 'diff';
import type { FormatName } from '../adapters/adapter.js';
import { fixText } from '../engine/fix.js';
import type { FixMode } from '../engine/fix.js';
import { lintWith, parseErrorDiagnostic } from '../engine/lint.js';
import type { LintOptions, LintResult } from '../engine/lint.js';
import { isRuleSeverity } from '../engine/settings.js';
import type { RuleSetting } from '../engine/settings.js';
import { FORMATTERS } from '../formatters/index.js';
import { displayPath } from '../formatters/paths.js';
import { RULES } from '../rules/index.js';
import { expandTargets, UsageError } from './files.js';
import { SettingsResolver } from './settings.js';
import type { FileSettings } from './settings.js';
import { VERSION } from './version.js';
import { writeFileAtomic } from './write.js';

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
}

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** `hplint check`: lint (and fix), format, and return the exit code of DESIGN.md. */
export async function checkCommand(operands: readonly string[], flags: CheckFlags, io: Io): Promise<number> {
  const cwd = process.cwd();
  const resolver = new SettingsResolver(RULES, parseRuleFlags(flags.rule), flags.config ? path.resolve(cwd, flags.config) : undefined);
  if (flags.printConfig) {
    io.stdout(printConfig(flags.printConfig, resolver, cwd));
    return 0;
  }
  const fixer = new Fixer(flags, io, cwd);
  let results: LintResult[];
  if (flags.stdin) {
    if (operands.length > 0) throw new UsageError('--stdin reads standard input: give no paths with it');
    if ((flags.fix || flags.fixUnsafe) && !flags.fixDryRun) throw new UsageError('--fix rewrites files: with --stdin, use --fix-dry-run to see the diff');
    const text = readFileSync(0, 'utf8');
    const name = flags.stdinFilename ?? '<stdin>';
    const settings = resolver.forFile(path.resolve(cwd, flags.stdinFilename ?? 'stdin'));
    results = settings.ignored ? [] : [fixer.lint(text, lintOptions(name, flags), settings)];
  } else {
    const targets = await expandTargets(operands.length > 0 ? operands : ['.'], cwd);
    results = [];
    for (const target of targets) {
      const display = path.isAbsolute(target.path) ? path.relative(cwd, target.path) || target.path : target.path;
      const settings = resolver.forFile(path.resolve(cwd, target.path));
      if (settings.ignored) {
        if (flags.verbose) io.stderr(`hplint: ignored ${display} (ignores in ${displayPath(settings.config!.filePath, cwd)})\n`);
        continue;
      }
      const text = readTarget(target.path, cwd);
      const result = text === undefined
        ? unreadable(display)
        : fixer.lint(text, lintOptions(display, flags), settings, path.resolve(cwd, target.path));
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

/**
 * Lints one text, fixing it first when asked: `--fix` writes safe fixes, `--fix-unsafe` also suggestions,
 * `--fix-dry-run` prints the unified diff instead of writing. The report is of what is left.
 */
class Fixer {
  private readonly mode?: FixMode;

  constructor(
    private readonly flags: CheckFlags,
    private readonly io: Io,
    private readonly cwd: string,
  ) {
    if (flags.fixUnsafe) this.mode = 'unsafe';
    else if (flags.fix || flags.fixDryRun) this.mode = 'safe';
  }

  lint(text: string, options: LintOptions, settings: FileSettings, file?: string): LintResult {
    if (!this.mode) return lintWith(text, options, settings.rules);
    const outcome = fixText(text, options, settings.rules, this.mode);
    if (outcome.output === text) return outcome.result;
    const name = displayPath(options.filePath ?? '<stdin>', this.cwd);
    if (this.flags.fixDryRun) {
      this.io.stdout(createTwoFilesPatch(`a/${name}`, `b/${name}`, text, outcome.output, undefined, undefined, { context: 3 }));
    } else if (file) {
      writeFileAtomic(file, outcome.output);
      this.io.stderr(`hplint: fixed ${outcome.fixed} problem${outcome.fixed === 1 ? '' : 's'} in ${name}\n`);
    }
    return outcome.result;
  }
}

function lintOptions(filePath: string, flags: CheckFlags): LintOptions {
  return {
    filePath,
    ...(flags.inputFormat ? { inputFormat: flags.inputFormat } : {}),
    ...(flags.reportUnusedDisableDirectives ? { reportUnusedDisableDirectives: true } : {}),
  };
}

/** `--print-config FILE`: the config file that applies and every rule's effective setting for that file. */
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
    extends: settings.config?.extends ?? 'recommended',
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
