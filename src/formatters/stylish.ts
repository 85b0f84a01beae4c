import { Chalk } from 'chalk';
import type { Diagnostic } from '../engine/lint.js';
import { terminalText } from '../render/escape.js';
import type { Formatter } from './formatter.js';
import { summarize } from './formatter.js';
import { plural } from '../render/text.js';

const SYMBOL = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/**
 * For people: per file, `line:col  severity  message  rule-id`, the offending line with a caret under the
 * reported range, the suggestion when there is one, and a summary line.
 */
export const stylish: Formatter = (results, context) => {
  const c = new Chalk({ level: context.color ? 1 : 0 });
  const paint = { error: c.red, warning: c.yellow, info: c.blue } as const;
  const out: string[] = [];
  for (const result of results) {
    if (result.diagnostics.length === 0) continue;
    const lines = result.source.split(/\r?\n|\r/);
    out.push(c.underline(terminalText(result.filePath)));
    const position = (d: Diagnostic) => `${d.line}:${d.column}`;
    const width = Math.max(...result.diagnostics.map((d) => position(d).length));
    for (const d of result.diagnostics) {
      out.push(`  ${c.dim(position(d).padEnd(width))}  ${paint[d.severity](d.severity.padEnd(7))}  ${terminalText(d.message)}  ${c.dim(terminalText(d.ruleId))}`);
      const line = lines[d.line - 1];
      if (line !== undefined && line.trim() !== '') {
        const gutter = String(d.line);
        const { text, column, length } = excerpt(line.replace(/\t/g, ' '), d);
        out.push(`  ${c.dim(`${gutter} |`)} ${text}`);
        out.push(`  ${c.dim(`${' '.repeat(gutter.length)} |`)} ${' '.repeat(column - 1)}${paint[d.severity]('^'.repeat(length))}`);
      }
      if (d.suggestion) out.push(`  ${c.green('→')} ${terminalText(d.suggestion.description)}`);
    }
    out.push('');
  }
  const summary = summarize(results);
  const problems = summary.errors + summary.warnings + summary.infos;
  if (problems === 0) {
    out.push(c.green(`✔ ${summary.files} file${summary.files === 1 ? '' : 's'} checked, no problems`));
  } else {
    const worst = summary.errors > 0 ? 'error' : summary.warnings > 0 ? 'warning' : 'info';
    const text = `${SYMBOL[worst]} ${plural(problems, 'problem')} (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}) · ${plural(summary.files, 'file')} checked`;
    out.push(paint[worst].bold(text));
  }
  return out.join('\n') + '\n';
};

/** Source lines longer than this (a one-line model.json) are cut to a window around the range. */
const MAX_EXCERPT = 100;

/**
 * The part of a line to print, and where the caret goes in it: the whole line when it is short. The text is
 * escaped for the terminal, and the caret's column and length are measured in the escaped text.
 */
function excerpt(line: string, d: Diagnostic): { text: string; column: number; length: number } {
  const endColumn = d.endLine === d.line ? d.endColumn : line.length + 1;
  const length = Math.max(1, Math.min(endColumn, line.length + 1) - d.column);
  const from = line.length <= MAX_EXCERPT ? 0 : Math.max(0, Math.min(d.column - 1 - 20, line.length - MAX_EXCERPT));
  const to = line.length <= MAX_EXCERPT ? line.length : from + MAX_EXCERPT;
  const head = from > 0 ? '…' : '';
  const tail = to < line.length ? '…' : '';
  const start = d.column - 1;
  const end = Math.min(start + length, to);
  const before = terminalText(line.slice(from, start));
  const marked = terminalText(line.slice(start, end));
  return { text: head + terminalText(line.slice(from, to)) + tail, column: head.length + before.length + 1, length: Math.max(1, marked.length) };
}
