import type { AnyRule } from '../engine/rule.js';
import { GUIDE_URL, guideCitationLinks } from '../knowledge/guide-links.js';

/** The guide as a rule's docs page (docs/rules/<id>.md) reaches it. */
const GUIDE_FROM_RULE_DOCS = '../guide.md';

/**
 * Line 3 of a rule's docs page, generated from its metadata by `npm run generate` so that it cannot drift:
 * severity, tier, category, fix safety and the guide sections, linked to docs/guide.md.
 */
export function ruleDocHeader(rule: AnyRule): string {
  const { severity, tier, category, fixable, guide } = rule.meta;
  const level = tier === null ? 'process rule' : `tier ${tier}`;
  return `> **${severity}** · ${level} · category \`${category}\` · fix: ${fixable === false ? 'none' : fixable} · ${guideCitationLinks(guide, GUIDE_FROM_RULE_DOCS)}`;
}

/** The header line's position in a docs page: after `# <id>` and a blank line. */
export const RULE_DOC_HEADER_LINE = 2;

/** A docs page with its header line replaced by the generated one. */
export function withRuleDocHeader(page: string, rule: AnyRule): string {
  const lines = page.split('\n');
  lines[RULE_DOC_HEADER_LINE] = ruleDocHeader(rule);
  return lines.join('\n');
}

/** A docs page as `hplint explain` prints it: links to the guide made absolute, as a terminal has no page to be relative to. */
export function forTerminal(page: string): string {
  return page.replaceAll(`](${GUIDE_FROM_RULE_DOCS}#`, `](${GUIDE_URL}#`);
}
