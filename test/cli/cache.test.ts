import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LintCache } from '../../src/cli/cache.js';
import { lintWith } from '../../src/engine/lint.js';
import { resolveRules } from '../../src/engine/settings.js';
import { RULES } from '../../src/rules/index.js';

const TEXT = 'optimizer: { name: adam, learningRate: 0.5 }\n';
const location = () => path.join(mkdtempSync(path.join(tmpdir(), 'hplint-cache-')), '.hplintcache');

describe('LintCache', () => {
  const rules = resolveRules(RULES);
  const result = lintWith(TEXT, { filePath: 'a.yaml' }, rules);

  it('returns a stored result while content and settings are unchanged, across runs', () => {
    const file = location();
    const first = LintCache.load(file, '1.0.0');
    expect(first.get('a.yaml', TEXT, rules, '')).toBeUndefined();
    first.set('a.yaml', TEXT, rules, '', result);
    first.save();
    const second = LintCache.load(file, '1.0.0');
    expect(second.get('a.yaml', TEXT, resolveRules(RULES), '')).toEqual(result);
  });

  it('misses when the content, the rules, the extra key or the version change', () => {
    const file = location();
    const cache = LintCache.load(file, '1.0.0');
    cache.set('a.yaml', TEXT, rules, '', result);
    cache.save();
    const reloaded = LintCache.load(file, '1.0.0');
    expect(reloaded.get('a.yaml', TEXT.replace('0.5', '0.6'), rules, '')).toBeUndefined();
    expect(reloaded.get('a.yaml', TEXT, resolveRules(RULES, { 'learning-rate-range': 'error' }), '')).toBeUndefined();
    expect(reloaded.get('a.yaml', TEXT, rules, 'input-format=hf')).toBeUndefined();
    expect(LintCache.load(file, '1.0.1').get('a.yaml', TEXT, rules, '')).toBeUndefined();
  });

  it('treats a corrupt cache file as empty, and does not store the source text', () => {
    const file = location();
    writeFileSync(file, '{not json');
    const cache = LintCache.load(file, '1.0.0');
    expect(cache.get('a.yaml', TEXT, rules, '')).toBeUndefined();
    cache.set('a.yaml', TEXT, rules, '', result);
    cache.save();
    expect(readFileSync(file, 'utf8')).not.toContain('learningRate: 0.5');
  });
});
