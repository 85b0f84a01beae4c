import { lintText } from '../../src/rules/index.js';
import type { Diagnostic, LintOptions } from '../../src/engine/lint.js';
import type { RuleSetting } from '../../src/engine/settings.js';

/** Strips the common indentation of a template literal, so YAML fixtures can be indented in tests. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** The diagnostics one rule reports on a YAML/JSON text (other rules' output is dropped). */
export function diagnosticsOf(ruleId: string, text: string, setting?: RuleSetting, options: LintOptions = {}): Diagnostic[] {
  const rules = setting === undefined ? options.rules : { ...options.rules, [ruleId]: setting };
  return lintText(text, { filePath: 'test.yaml', ...options, ...(rules ? { rules } : {}) }).diagnostics.filter((d) => d.ruleId === ruleId);
}

/** A compact, reviewable view of a diagnostic: `line:column-endLine:endColumn severity message`. */
export function brief(d: Diagnostic): string {
  return `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.message}`;
}
