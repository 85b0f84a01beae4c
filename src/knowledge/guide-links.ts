/**
 * Links into docs/guide.md, the hyperparameter guide the rules encode. Messages cite it as "GUIDE §5.3";
 * the page gives every section a stable anchor (§5.3 → `#s5-3`, §7 → `#s7`, §6 Tier 3 → `#s6-tier-3`), and
 * every link to it — rule docs, `hplint explain`, SARIF, Markdown reports — is built here.
 */

/** The published guide; the package ships the same page as docs/guide.md. */
export const GUIDE_URL = 'https://github.com/hplint/hplint/blob/main/docs/guide.md';

/** A section reference: `§5.3`, `§7`, `§6 Tier 3` (the tier form names a part of §6). */
const SECTION = /§(\d+(?:\.\d+)*)(?: [Tt]ier ([123]))?/;
/** "GUIDE §…" as messages and rule metadata write it. */
const CITATION = new RegExp(`GUIDE ${SECTION.source}`, 'g');

/** The anchor of a guide section, or undefined when `section` names none (a rule based on a schema, say). */
export function guideAnchor(section: string): string | undefined {
  const match = new RegExp(`^${SECTION.source}$`).exec(section.trim());
  if (!match) return undefined;
  return `s${match[1]!.replaceAll('.', '-')}${match[2] ? `-tier-${match[2]}` : ''}`;
}

/** The URL of a guide section (`§5.3` → …/docs/guide.md#s5-3); the page itself when `section` names none. */
export function guideUrl(section: string, base = GUIDE_URL): string {
  const anchor = guideAnchor(section);
  return anchor ? `${base}#${anchor}` : base;
}

/** Every "GUIDE §…" of a Markdown text as a link to its section; `base` is where the guide is (absolute or relative). */
export function linkGuideCitations(markdown: string, base = GUIDE_URL): string {
  return markdown.replace(CITATION, (citation: string) => `[${citation}](${guideUrl(citation.slice('GUIDE '.length), base)})`);
}

/** The sections of a list such as rule metadata's `guide` ("§5, §7, §4.5"); undefined unless every item is one. */
export function guideSections(list: string): string[] | undefined {
  const sections = list.split(',').map((s) => s.trim());
  return sections.every((s) => guideAnchor(s) !== undefined) ? sections : undefined;
}

/**
 * What a rule rests on, as text: "GUIDE §5, §7" when rule metadata's `guide` lists sections, else the
 * basis it names (`schema`, `security`, `YAML 1.1`).
 */
export function guideCitation(list: string): string {
  return guideSections(list) ? `GUIDE ${list}` : list;
}

/** The same as Markdown, each section linked to its anchor; `base` is where the guide is (absolute or relative). */
export function guideCitationLinks(list: string, base = GUIDE_URL): string {
  const sections = guideSections(list);
  return sections ? `GUIDE ${sections.map((s) => `[${s}](${guideUrl(s, base)})`).join(', ')}` : list;
}

/** The sections a text cites ("GUIDE §5.3 … GUIDE §7" → ['§5.3', '§7']), in order, each once. */
export function citedSections(text: string): string[] {
  return [...new Set([...text.matchAll(CITATION)].map((m) => m[0].slice('GUIDE '.length)))];
}
