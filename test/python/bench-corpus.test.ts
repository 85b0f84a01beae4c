import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/index.js';
import { writePythonCorpus } from '../../scripts/lib/python-corpus.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'hplint-python-corpus-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The scripts under a directory, by path relative to it, with their text. */
function scriptsIn(dir: string): Map<string, string> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  return new Map(entries.map((e) => [path.relative(dir, path.join(e.parentPath, e.name)), readFileSync(path.join(e.parentPath, e.name), 'utf8')]));
}

// bench:lint times hplint on these scripts: a script that does not parse, or that hplint skips, would time
// something other than linting a training script.
describe('the generated training scripts of bench:lint', () => {
  const dir = path.join(work, 'a');
  const written = writePythonCorpus(dir, 8);
  const scripts = scriptsIn(dir);

  it('are whole scripts of each framework, read as Python without a parse or internal error', () => {
    expect(scripts.size).toBe(8);
    expect(written.lines / written.files).toBeGreaterThanOrEqual(80);
    const frameworks = new Set<string>();
    for (const [name, text] of scripts) {
      const result = lintText(text, { filePath: name });
      expect(result.format, name).toBe('python');
      expect(result.diagnostics.filter((d) => d.ruleId === 'parse-error' || d.ruleId === 'internal-error'), name).toEqual([]);
      frameworks.add(path.basename(name).split('_')[0]!);
    }
    expect([...frameworks].sort()).toEqual(['hf', 'keras', 'lightning', 'torch']);
  });

  it('are the same on every run (a seeded generator)', () => {
    writePythonCorpus(path.join(work, 'b'), 8);
    expect(scriptsIn(path.join(work, 'b'))).toEqual(scripts);
  });
});
