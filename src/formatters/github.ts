import type { Severity } from '../engine/rule.js';
import type { Formatter } from './formatter.js';
import { displayPath } from './paths.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Escapes a workflow command's message (https://github.com/actions/toolkit, `issueCommand`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a workflow command's property value: also `:` and `,`, which delimit properties. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request's diff. */
export const github: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd);
    for (const d of result.diagnostics) {
      const properties = [
        `file=${escapeProperty(file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${escapeProperty(`hplint/${d.ruleId}`)}`,
      ].join(',');
      const message = d.suggestion ? `${d.message}\n→ ${d.suggestion.description}` : d.message;
      lines.push(`::${COMMAND[d.severity]} ${properties}::${escapeData(message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};
