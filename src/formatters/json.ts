import type { Formatter } from './formatter.js';
import { summarize } from './formatter.js';

/** The machine contract (README "JSON output"): field names and order are stable; tools depend on them. */
export const json: Formatter = (results, context) => {
  const output = {
    tool: { name: 'hplint', version: context.version },
    results: results.map((result) => ({
      filePath: result.filePath,
      format: result.format,
      diagnostics: result.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        tier: d.tier,
        message: d.message,
        path: d.path,
        line: d.line,
        column: d.column,
        endLine: d.endLine,
        endColumn: d.endColumn,
        ...(d.suggestion
          ? { suggestion: { path: d.suggestion.path, description: d.suggestion.description, ...('value' in d.suggestion ? { value: d.suggestion.value } : {}) } }
          : {}),
      })),
    })),
    summary: summarize(results),
  };
  return JSON.stringify(output, null, 2) + '\n';
};
