import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatScoreReport, readCorpus, scoreFormats, sharedCorpora } from '../scripts/corpus-index.mjs';
import { lintText } from '../src/rules/index.js';
import { parseSource } from '../src/source/document.js';
import { mayReadDifferently } from '../src/source/scalar-rules.js';
import { withoutShared } from './helpers/shared.js';

/**
 * Every real config of ../shared/corpus and ../shared/corpus/v2 (third-party files, never copied into the
 * repository): read without a crash, detected as the format its INDEX.tsv says (foreign and negative files
 * are `unknown`), never flooded with unknown-key, and a reviewable snapshot of what hplint reports on the
 * first corpus next to its note. `node scripts/score-corpus.mjs --formats DIR` prints the same figures
 * for any other directory with an INDEX.tsv (a held-out set).
 */
const ROOT = path.resolve(import.meta.dirname, '..');
const corpora = sharedCorpora(ROOT);
const lint = (text: string, file: string) => lintText(text, { filePath: file });

const absent = withoutShared('format detection and unknown-key floods on every real config of ../shared/corpus and corpus/v2, and their diagnostics snapshot');

describe.skipIf(absent)('the shared corpora of real configs', () => {
  it('are both there', () => {
    expect(corpora.map((dir) => path.relative(ROOT, dir))).toEqual([path.join('..', 'shared', 'corpus'), path.join('..', 'shared', 'corpus', 'v2')]);
  });
});

if (corpora.length > 0) {
  describe.each(corpora.map((dir) => [path.relative(ROOT, dir), dir] as const))('the corpus %s', (label, dir) => {
    const entries = readCorpus(dir);

    it('is there, with an INDEX row for each file', () => {
      expect(entries.length).toBeGreaterThan(50);
      for (const entry of entries) expect(existsSync(entry.file), entry.name).toBe(true);
    });

    it('every file is read without a crash, as the format its INDEX says, and none gets an unknown-key flood', () => {
      const score = scoreFormats(entries, lint);
      console.log(formatScoreReport(label, score));
      expect(score.wrong).toEqual([]);
      expect(score.floods).toEqual([]);
      for (const entry of entries) {
        const parseErrors = lint(entry.text, entry.file).diagnostics.filter((d) => d.ruleId === 'parse-error');
        expect(parseErrors, entry.name).toEqual([]);
      }
    });

    it('a file is parsed only once when PyYAML and YAML 1.2 read it the same, and never skipped when they differ', () => {
      for (const entry of entries.filter((e) => !e.file.endsWith('.json'))) {
        const pyyaml = parseSource(entry.text, entry.file, 'pyyaml');
        const core = parseSource(entry.text, entry.file);
        if (pyyaml.problems.length > 0 || core.problems.length > 0) continue;
        if (!mayReadDifferently(entry.text, 'pyyaml')) expect(pyyaml.root, entry.name).toEqual(core.root);
      }
    });
  });

  const first = corpora.find((dir) => !dir.endsWith(`${path.sep}v2`));
  if (first) {
    it('reports these diagnostics on the first corpus (review each one when the snapshot changes)', async () => {
      const report = readCorpus(first).map(({ group, name, text, file, notes }) => {
        const result = lint(text, file);
        const lines = result.diagnostics.map((d) => `  ${d.ruleId} (${d.severity}) ${d.line}:${d.column} ${d.message}`);
        return [`${group}/${path.basename(name)} [${result.format}]`, `  # INDEX: ${notes}`, ...lines].join('\n');
      });
      await expect(report.join('\n\n') + '\n').toMatchFileSnapshot('./__snapshots__/corpus.txt');
    });
  }
}
