/**
 * hplint's library API. `lintText` and `lintFiles` are what the CLI runs; the types describe the JSON
 * output contract and the canonical model.
 */
import { readFile } from 'node:fs/promises';
import { fixText as fixWithRules } from './engine/fix.js';
import type { FixMode, FixOutcome } from './engine/fix.js';
import type { LintOptions, LintResult } from './engine/lint.js';
import { resolveRules } from './engine/settings.js';
import { RULES, lintText } from './rules/index.js';

export { readConfig, runRules, PARSE_ERROR } from './engine/lint.js';
export type { Diagnostic, LintOptions, LintResult, ReadConfig, RuleFinding } from './engine/lint.js';
export { resolveRules, ConfigError } from './engine/settings.js';
export type { RuleSetting, RuleSettings, ResolvedRule } from './engine/settings.js';
export { createRule, docsUrl } from './engine/rule.js';
export type * from './engine/rule.js';
export { RULES, findRule, lintText } from './rules/index.js';
export { hplintSchema } from './model/schema.js';
export type * from './model/types.js';
export type { FormatName } from './adapters/adapter.js';
export { FORMATTERS } from './formatters/index.js';
export type { FixMode, FixOutcome } from './engine/fix.js';
export { advise, AdviceError } from './advisor/advise.js';
export type { Advice, AdviseOptions } from './advisor/advise.js';
export { applyAdvice } from './advisor/apply.js';
export { readHistory, HistoryError } from './advisor/history/index.js';
export type { TrainingHistory } from './advisor/history/index.js';
export type { Formatter, FormatterContext } from './formatters/formatter.js';

/** Lints files by path (no globbing: the CLI expands operands); paths are reported as given. */
export async function lintFiles(paths: readonly string[], options: Omit<LintOptions, 'filePath'> = {}): Promise<LintResult[]> {
  return Promise.all(paths.map(async (filePath) => lintText(await readFile(filePath, 'utf8'), { ...options, filePath })));
}

export interface FixOptions extends LintOptions {
  /** `safe` (the default) applies fixes that cannot change training results, like `--fix`; `unsafe` also applies suggestions, like `--fix-unsafe`. */
  readonly mode?: FixMode;
}

/** Fixes one file's text as `hplint check --fix` would, with the rules of `options.rules` (default: every rule at its severity). */
export function fixText(text: string, options: FixOptions = {}): FixOutcome {
  const { mode = 'safe', ...lintOptions } = options;
  return fixWithRules(text, lintOptions, resolveRules(RULES, lintOptions.rules), mode);
}
