import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { forTerminal, ruleDocHeader } from '../src/cli/rule-docs.js';
import { explainCommand } from '../src/cli/rules.js';
import { citedSections, guideAnchor, guideCitation, guideCitationLinks, guideSections, guideUrl, linkGuideCitations } from '../src/knowledge/guide-links.js';
import { RULES } from '../src/rules/index.js';

/** docs/guide.md is what every "GUIDE §…" points at: each citation must land on an anchor of the page. */
const ROOT = path.resolve(import.meta.dirname, '..');
const GUIDE = readFileSync(path.join(ROOT, 'docs/guide.md'), 'utf8');
const ANCHORS = new Set([...GUIDE.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]));

/** The files under a directory of the repository whose names end with `extension`. */
function files(dir: string, extension: string): string[] {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(extension))
    .map((f) => path.join(dir, f));
}

describe('links into the guide', () => {
  it('maps a section to its anchor and URL', () => {
    expect(['§5.3', '§7', '§2.4.1', '§6 Tier 3', '§6 tier 1', 'schema', '§', '5.3'].map(guideAnchor)).toEqual([
      's5-3',
      's7',
      's2-4-1',
      's6-tier-3',
      's6-tier-1',
      undefined,
      undefined,
      undefined,
    ]);
    expect(guideUrl('§5.3')).toBe('https://github.com/hplint/hplint/blob/main/docs/guide.md#s5-3');
    expect(guideUrl('§7', '../guide.md')).toBe('../guide.md#s7');
  });

  it('links the citations of a message and of rule metadata', () => {
    expect(linkGuideCitations('patience 5 (GUIDE §5.3; see GUIDE §6 Tier 3).', 'g.md')).toBe('patience 5 ([GUIDE §5.3](g.md#s5-3); see [GUIDE §6 Tier 3](g.md#s6-tier-3)).');
    expect(citedSections('GUIDE §7 … GUIDE §4.5 … GUIDE §7')).toEqual(['§7', '§4.5']);
    expect(guideSections('§5, §7, §4.5')).toEqual(['§5', '§7', '§4.5']);
    expect([guideCitation('§3, §7'), guideCitation('schema')]).toEqual(['GUIDE §3, §7', 'schema']);
    expect(guideCitationLinks('§3, §7', 'g.md')).toBe('GUIDE [§3](g.md#s3), [§7](g.md#s7)');
  });

  it('gives docs/guide.md an anchor for §1–§7', () => {
    for (let section = 1; section <= 7; section++) expect(ANCHORS).toContain(`s${section}`);
  });

  it('has an anchor for every section a message, a rule or a docs page cites', () => {
    const texts = [...files('src', '.ts'), ...files('docs', '.md'), 'README.md'].map((f) => [f, readFileSync(path.join(ROOT, f), 'utf8')] as const);
    const cited = texts.flatMap(([file, text]) => citedSections(text).map((section) => ({ file, section, anchor: guideAnchor(section) })));
    expect(cited.length).toBeGreaterThan(20);
    expect(cited.filter(({ anchor }) => !ANCHORS.has(anchor!))).toEqual([]);
    const metadata = RULES.flatMap((rule) => guideSections(rule.meta.guide) ?? []);
    expect(metadata.filter((section) => !ANCHORS.has(guideAnchor(section)!))).toEqual([]);
  });

  it('names only rules that exist where it says what checks each section', () => {
    const named = [...GUIDE.matchAll(/^Checked by: ([\s\S]*?)(?:\n\n|$)/gm)].flatMap((m) => [...m[1]!.matchAll(/`([a-z0-9-]+)`/g)].map((n) => n[1]));
    expect(named.length).toBeGreaterThan(20);
    const ids = new Set(RULES.map((rule) => rule.id));
    expect(named.filter((id) => !ids.has(id!))).toEqual([]);
  });

  it('links a rule page to its sections, relative in the repository and absolute in a terminal', () => {
    const rule = RULES.find((r) => r.id === 'plateau-policy')!;
    const header = ruleDocHeader(rule);
    expect(header).toBe('> **info** · tier 1 · category `learning-rate` · fix: unsafe · GUIDE [§5.3](../guide.md#s5-3)');
    expect(forTerminal(header)).toContain('GUIDE [§5.3](https://github.com/hplint/hplint/blob/main/docs/guide.md#s5-3)');
    expect(explainCommand('plateau-policy')).toContain('GUIDE [§5.3](https://github.com/hplint/hplint/blob/main/docs/guide.md#s5-3)');
  });
});
