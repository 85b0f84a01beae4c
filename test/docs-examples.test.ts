import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/index.js';
import { examplesOf } from './helpers/docs.js';
import { diagnosticsOf } from './helpers/lint.js';

/**
 * Every rule's docs page has the fixed sections, and every ❌ / ✅ example in it is linted: an ❌ example
 * must trigger its rule, a ✅ example must not. Docs that drift from the code fail here.
 */
const DOCS = new URL('../docs/rules/', import.meta.url);
const SECTIONS = ['## What it checks', '## Why', '## Examples', '## Options', '## Fix', '## When not to use it'];

describe('rule docs pages', () => {
  const pages = readdirSync(DOCS).filter((f) => f.endsWith('.md'));

  it('exist for every rule, and only for rules', () => {
    expect(pages.map((p) => p.replace(/\.md$/, '')).sort()).toEqual(RULES.map((r) => r.id).sort());
  });

  for (const rule of RULES) {
    describe(rule.id, () => {
      const markdown = readFileSync(new URL(`${rule.id}.md`, DOCS), 'utf8');

      it('has the fixed sections in order', () => {
        const positions = SECTIONS.map((s) => markdown.indexOf(`\n${s}\n`));
        expect(positions.every((p) => p >= 0), `sections: ${SECTIONS.join(', ')}`).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      });

      it('states its fix safety as the rule metadata does', () => {
        const fix = markdown.slice(markdown.indexOf('\n## Fix\n'));
        const expected = rule.meta.fixable === false ? 'none' : rule.meta.fixable;
        expect(fix.split('\n').slice(0, 4).join(' ')).toMatch(new RegExp(`\\*\\*${expected}\\*\\*`));
      });

      const examples = examplesOf(markdown).filter((e) => ['yaml', 'json'].includes(e.language));
      it('has at least one ❌ and one ✅ config example', () => {
        expect(examples.some((e) => e.kind === 'incorrect')).toBe(true);
        expect(examples.some((e) => e.kind === 'correct')).toBe(true);
      });
      examples.forEach((example, index) => {
        it(`${example.kind} example ${index + 1} ${example.kind === 'incorrect' ? 'triggers' : 'passes'} the rule`, () => {
          const found = diagnosticsOf(rule.id, example.code);
          if (example.kind === 'incorrect') expect(found.length).toBeGreaterThan(0);
          else expect(found).toEqual([]);
        });
      });
      // The Python examples (`hplint check train.py`) are linted as a training script, the same way.
      examplesOf(markdown)
        .filter((e) => e.language === 'python')
        .forEach((example, index) => {
          it(`${example.kind} Python example ${index + 1} ${example.kind === 'incorrect' ? 'triggers' : 'passes'} the rule`, () => {
            const found = diagnosticsOf(rule.id, example.code, undefined, { filePath: 'train.py' });
            if (example.kind === 'incorrect') expect(found.length).toBeGreaterThan(0);
            else expect(found).toEqual([]);
          });
        });
    });
  }
});
