import { existsSync, readFileSync } from 'node:fs';
import { docsUrl } from '../engine/rule.js';
import { RULES, findRule } from '../rules/index.js';
import { UsageError } from './files.js';

/** `hplint rules`: the catalogue from rule metadata, as a table or JSON. */
export function rulesCommand(format: 'text' | 'json'): string {
  const rows = RULES.map((rule) => ({
    id: rule.id,
    severity: rule.meta.severity,
    tier: rule.meta.tier,
    category: rule.meta.category,
    fixable: rule.meta.fixable,
    description: rule.meta.description,
    docs: docsUrl(rule.id),
  }));
  if (format === 'json') return JSON.stringify(rows, null, 2) + '\n';
  const idWidth = Math.max(...rows.map((r) => r.id.length));
  return (
    rows
      .map((r) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  tier ${r.tier ?? '–'}  ${r.description}`)
      .join('\n') + '\n'
  );
}

/** `hplint explain RULE`: the rule's docs page, as shipped in the package. */
export function explainCommand(ruleId: string): string {
  const rule = findRule(ruleId);
  if (!rule) throw new UsageError(`unknown rule "${ruleId}" (see \`hplint rules\`)`);
  const page = new URL(`../../docs/rules/${rule.id}.md`, import.meta.url);
  if (existsSync(page)) return readFileSync(page, 'utf8');
  return `${rule.id}: ${rule.meta.description}\n${docsUrl(rule.id)}\n`;
}
