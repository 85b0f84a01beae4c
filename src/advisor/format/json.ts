import type { Advice } from '../advise.js';

/** `--format json`: `{suggestions, findings, plan}` (plus the files read); unset values are null, edits left out. */
export function formatJson(advice: Advice): string {
  const suggestions = advice.suggestions.map(({ edits: _edits, ...s }) => ({ ...s, current: s.current ?? null }));
  const output = {
    file: advice.filePath,
    format: advice.format,
    ...(advice.history ? { history: advice.history } : {}),
    suggestions,
    findings: advice.findings,
    plan: advice.plan,
  };
  return JSON.stringify(output, null, 2) + '\n';
}
