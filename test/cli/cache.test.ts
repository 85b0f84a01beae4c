import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LintCache } from '../../src/cli/cache.js';
import { lintWith } from '../../src/engine/lint.js';
import { resolveRules } from '../../src/engine/settings.js';
import { RULES } from '../../src/rules/index.js';
import { hplint, tempDir } from '../helpers/cli.js';

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

describe('a cache that does not validate', () => {
  const BAD = 'optimizer:\n  name: adam\n  learningRate: -1\n';
  const env = () => ({ XDG_CACHE_HOME: tempDir('hplint-home-') });

  function cachedProject(): { dir: string; env: NodeJS.ProcessEnv; cache: { version: string; entries: Record<string, { result: { diagnostics: unknown } }> } } {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.yaml'), BAD);
    const home = env();
    expect(hplint(['check', 'a.yaml', '--cache'], { cwd: dir, env: home }).code).toBe(1);
    return { dir, env: home, cache: JSON.parse(readFileSync(path.join(dir, '.hplintcache'), 'utf8')) };
  }

  it('ignores an entry of the wrong shape instead of failing every run', () => {
    const { dir, env: home, cache } = cachedProject();
    cache.entries['a.yaml']!.result.diagnostics = 'not a list';
    writeFileSync(path.join(dir, '.hplintcache'), JSON.stringify(cache));
    const run = hplint(['check', 'a.yaml', '--cache'], { cwd: dir, env: home });
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.stdout).toContain('invalid-value');
    expect(run.code).toBe(1);
  });

  it('cannot turn findings into a clean exit with a forged entry', () => {
    const { dir, env: home, cache } = cachedProject();
    cache.entries['a.yaml']!.result.diagnostics = [];
    writeFileSync(path.join(dir, '.hplintcache'), JSON.stringify(cache));
    const run = hplint(['check', 'a.yaml', '--cache'], { cwd: dir, env: home });
    expect(run.stdout).toContain('invalid-value');
    expect(run.code).toBe(1);
  });

  it('does not trust a cache written on another machine (committed to the repository, say)', () => {
    const file = location();
    const rules = resolveRules(RULES);
    const clean = lintWith('optimizer: { name: adam, learningRate: 0.001 }\n', { filePath: 'a.yaml' }, rules);
    const theirs = LintCache.load(file, '1.0.0', Buffer.alloc(32, 1));
    // Their entry claims the bad text is clean.
    theirs.set('a.yaml', BAD, rules, '', { ...clean, source: BAD });
    theirs.save();
    expect(LintCache.load(file, '1.0.0', Buffer.alloc(32, 1)).get('a.yaml', BAD, rules, '')).toBeDefined();
    expect(LintCache.load(file, '1.0.0', Buffer.alloc(32, 2)).get('a.yaml', BAD, rules, '')).toBeUndefined();
  });
});

describe('the cache file', () => {
  it('is never written through a symlink (one committed to a repository could point at any file)', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.yaml'), TEXT);
    writeFileSync(path.join(dir, 'victim'), 'precious\n');
    symlinkSync(path.join(dir, 'victim'), path.join(dir, '.hplintcache'));
    const run = hplint(['check', 'a.yaml', '--cache'], { cwd: dir, env: { XDG_CACHE_HOME: tempDir('hplint-home-') } });
    expect(readFileSync(path.join(dir, 'victim'), 'utf8')).toBe('precious\n');
    expect(run.stderr).toMatch(/cannot write .*\.hplintcache: it is a symbolic link/);
  });
});
