import type { Diagnostic } from '../engine/lint.js';
import { docsUrl } from '../engine/rule.js';
import { linkGuideCitations } from '../knowledge/guide-links.js';
import type { Severity } from '../engine/rule.js';
import type { Formatter } from './formatter.js';
import { summarize } from './formatter.js';
import { displayPath } from './paths.js';
import { markdownCode, markdownText } from '../render/escape.js';
import { plural } from '../render/text.js';

const BADGE: Record<Severity, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

/** A summary and one table per file with problems: for a pull-request comment or `$GITHUB_STEP_SUMMARY`. */
export const markdown: Formatter = (results, context) => {
  const summary = summarize(results);
  const problems = summary.errors + summary.warnings + summary.infos;
  const out = ['## hplint', ''];
  if (problems === 0) {
    out.push(`✅ ${plural(summary.files, 'file')} checked, no problems.`, '');
    return out.join('\n');
  }
  const withProblems = results.filter((r) => r.diagnostics.length > 0);
  out.push(
    `**${plural(problems, 'problem')}** (${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}) in ${withProblems.length} of ${plural(summary.files, 'file')} checked.`,
    '',
  );
  for (const result of withProblems) {
    out.push(`### ${markdownCode(displayPath(result.filePath, context.cwd))}`, '', '| Line | Severity | Rule | Message |', '|---:|---|---|---|');
    for (const d of result.diagnostics) out.push(row(d, context.rules.some((r) => r.id === d.ruleId)));
    out.push('');
  }
  return out.join('\n');
};

function row(d: Diagnostic, documented: boolean): string {
  const rule = documented ? `[\`${d.ruleId}\`](${docsUrl(d.ruleId)})` : markdownCode(d.ruleId, true);
  const message = linkGuideCitations(d.suggestion ? `${markdownText(d.message)}<br>💡 ${markdownText(d.suggestion.description)}` : markdownText(d.message));
  return `| ${d.line}:${d.column} | ${BADGE[d.severity]} | ${rule} | ${message} |`;
}
