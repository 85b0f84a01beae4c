import type { Severity } from '../engine/rule.js';
import type { Formatter } from './formatter.js';
import { terminalText, workflowData, workflowProperty } from '../render/escape.js';
import { displayPath } from './paths.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request's diff. */
export const github: Formatter = (results, context) => {
  const lines: string[] = [];
  for (const result of results) {
    const file = displayPath(result.filePath, context.cwd);
    for (const d of result.diagnostics) {
      const properties = [
        `file=${workflowProperty(file)}`,
        `line=${d.line}`,
        `col=${d.column}`,
        `endLine=${d.endLine}`,
        `endColumn=${d.endColumn}`,
        `title=${workflowProperty(`hplint/${d.ruleId}`)}`,
      ].join(',');
      // The line break before the suggestion is ours; any in the message or the suggestion are shown escaped.
      const message = d.suggestion ? `${terminalText(d.message)}\n→ ${terminalText(d.suggestion.description)}` : terminalText(d.message);
      lines.push(`::${COMMAND[d.severity]} ${properties}::${workflowData(message)}`);
    }
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
};
