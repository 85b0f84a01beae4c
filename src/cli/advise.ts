import { readFileSync, statSync } from 'node:fs';
import type { FormatName } from '../adapters/adapter.js';
import { advise, AdviceError } from '../advisor/advise.js';
import { applyAdvice } from '../advisor/apply.js';
import { formatHtml, lossPlot } from '../advisor/format/html.js';
import { formatJson } from '../advisor/format/json.js';
import { formatMarkdown } from '../advisor/format/markdown.js';
import { formatText } from '../advisor/format/text.js';
import { HistoryError, readHistory } from '../advisor/history/index.js';
import { loadEvidence } from '../bench/evidence.js';
import { RULES } from '../rules/index.js';
import { wantsColor } from './color.js';
import { SettingsResolver } from './settings.js';
import { terminalText } from '../render/escape.js';
import { LIMITS } from '../source/limits.js';
import { UsageError } from '../usage-error.js';
import { inputAt, writeFileSafely } from '../write-file.js';

export interface AdviseFlags {
  readonly history?: string;
  /** As typed: checked here, so main.ts need not load this module to parse it. */
  readonly budget?: string;
  readonly format: 'text' | 'markdown' | 'json' | 'html';
  /** Where to write the loss curve of the history as SVG. */
  readonly plot?: string;
  readonly apply?: boolean;
  readonly out?: string;
  readonly inputFormat?: FormatName;
  readonly color: boolean;
}

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** `hplint advise CONFIG`: ranked suggestions, history findings and a tuning plan; `--apply --out` writes them into a copy. */
export function adviseCommand(configFile: string, flags: AdviseFlags, io: Io): number {
  if (flags.apply && !flags.out) throw new UsageError('--apply writes a copy of the config: give it --out FILE');
  if (flags.out && !flags.apply) throw new UsageError('--out names the copy --apply writes: add --apply');
  if (flags.plot && !flags.history) throw new UsageError('--plot draws the training curve of --history FILE: give it a history');
  if (flags.out && inputAt(flags.out, [configFile, ...(flags.history ? [flags.history] : [])]) !== undefined) {
    // The same file by name, symlink or hard link: the copy would replace the config or the history it is made from.
    throw new UsageError('--out must name a new file; to change the config in place use hplint check --fix-unsafe');
  }
  const text = readText(configFile, 'config');
  const inputFormat = flags.inputFormat ? { inputFormat: flags.inputFormat } : {};
  try {
    const history = flags.history ? readHistory(readText(flags.history, 'history'), flags.history) : undefined;
    // The project's hplint.config applies as it does to `check`: a rule turned off there gives no advice.
    const { settings } = new SettingsResolver(RULES, {}).forFile(configFile);
    const advice = advise(text, {
      filePath: configFile,
      rules: settings,
      ...inputFormat,
      ...(history ? { history, historyFile: flags.history } : {}),
      ...(flags.budget !== undefined ? { budget: parseBudget(flags.budget) } : {}),
      evidence: loadEvidence(),
    });
    for (const warning of advice.warnings) io.stderr(`hplint: warning: ${terminalText(warning)}\n`);
    const color = wantsColor(flags.color, process.stdout.isTTY === true);
    const formats = { json: () => formatJson(advice), markdown: () => formatMarkdown(advice), html: () => formatHtml(advice, history), text: () => formatText(advice, color) };
    io.stdout(formats[flags.format]());
    if (flags.plot && history) {
      writeFileSafely(flags.plot, `${lossPlot(advice, history)}\n`);
      io.stderr(`hplint: wrote ${terminalText(flags.plot)}\n`);
    }
    if (flags.apply && flags.out) {
      const outcome = applyAdvice(text, advice, inputFormat);
      writeFileSafely(flags.out, outcome.output);
      io.stderr(`hplint: wrote ${terminalText(flags.out)} with ${outcome.applied.length} of ${advice.suggestions.length} suggestions applied\n`);
      for (const s of outcome.manual) io.stderr(`hplint: not applied (make it by hand): ${terminalText(s.parameter)} → ${terminalText(JSON.stringify(s.suggested))}\n`);
      for (const d of outcome.remaining) io.stderr(`hplint: ${terminalText(`${flags.out}:${d.line}:${d.column}: still reported by ${d.ruleId}: ${d.message}`)}\n`);
    }
    return 0;
  } catch (error) {
    if (error instanceof HistoryError || error instanceof AdviceError) throw new UsageError(error.message);
    throw error;
  }
}

function readText(file: string, what: string): string {
  const limit = what === 'history' ? LIMITS.maxHistorySize : LIMITS.maxFileSize;
  try {
    // Checked before reading: a huge file is refused, never loaded.
    if (statSync(file).size > limit) throw new UsageError(`${file} is larger than the ${limit / 1024 / 1024} MiB limit for a ${what} file; it was not read`);
    return readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `no such ${what} file: ${file}` : `cannot read ${what} file ${file} (${code ?? 'unknown error'})`);
  }
}

/** `--budget N`: a whole number of trials, at least 1. */
export function parseBudget(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--budget takes a whole number of trials (1 or more), not "${value}"`);
  return n;
}
