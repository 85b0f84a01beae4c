import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/index.js';
import { RULES } from '../../src/rules/index.js';
import { examplesOf } from '../helpers/docs.js';

/**
 * The Python examples in the rule docs are linted as scripts: an ❌ example must trigger its rule, a ✅
 * example must not. Rules whose docs show Python show it on both sides.
 */
const DOCS = new URL('../../docs/rules/', import.meta.url);

describe('Python examples in the rule docs', () => {
  const withPython = RULES.filter((rule) => examplesOf(readFileSync(new URL(`${rule.id}.md`, DOCS), 'utf8')).some((e) => e.language === 'python'));

  it('exist for the rules that read values Python scripts set', () => {
    expect(withPython.length).toBeGreaterThanOrEqual(14);
  });

  for (const rule of withPython) {
    const examples = examplesOf(readFileSync(new URL(`${rule.id}.md`, DOCS), 'utf8')).filter((e) => e.language === 'python');
    it(`${rule.id}: has a ❌ and a ✅ Python example`, () => {
      expect(examples.map((e) => e.kind).sort()).toEqual(['correct', 'incorrect']);
    });
    examples.forEach((example) => {
      it(`${rule.id}: the ${example.kind} Python example ${example.kind === 'incorrect' ? 'triggers' : 'passes'} the rule`, () => {
        const result = lintText(example.code, { filePath: 'train.py' });
        expect(result.format).toBe('python');
        const found = result.diagnostics.filter((d) => d.ruleId === rule.id);
        if (example.kind === 'incorrect') expect(found.length).toBeGreaterThan(0);
        else expect(found).toEqual([]);
      });
    });
  }
});
