#!/usr/bin/env node
// Scores hplint (the build in dist/: run `npm run build` first) on corpora of real configs described by an
// INDEX.tsv (scripts/corpus-index.mjs says which columns). `--formats`: the detected format against the
// expected one, per format, and the files flooded with unknown-key. Directories default to ../shared/corpus
// and ../shared/corpus/v2; pass others (a held-out set) as operands:
//   node scripts/score-corpus.mjs --formats path/to/held-out-configs
// `--rules`: precision and recall of the rules against a structured reading of the notes
// (scripts/corpus-rules.mjs): test/corpus-expectations.tsv for the shared corpora, an EXPECTATIONS.tsv in
// the same columns beside any other directory's INDEX.tsv:
//   node scripts/score-corpus.mjs --rules path/to/held-out-configs
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatScoreReport, readCorpus, scoreFormats, sharedCorpora } from './corpus-index.mjs';
import { formatRuleReport, precisionOf, readExpectations, recallOf, scoreRules } from './corpus-rules.mjs';

const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({
  options: { formats: { type: 'boolean', default: false }, rules: { type: 'boolean', default: false } },
  allowPositionals: true,
});
const { lintText } = await import(path.join(root, 'dist/index.js'));
const dirs = positionals.length > 0 ? positionals.map((d) => path.resolve(d)) : sharedCorpora(root);
if (dirs.length === 0) {
  console.error('no corpus: pass a directory with an INDEX.tsv (../shared/corpus is absent)');
  process.exit(2);
}
if (!values.formats && !values.rules) {
  console.error('say what to score: --formats and/or --rules');
  process.exit(2);
}
const lint = (text, file) => lintText(text, { filePath: file });
const shared = path.resolve(root, '../shared/corpus');

/** The expectations for a directory: its own EXPECTATIONS.tsv, or the repository's reading of a shared corpus. */
function expectationsFor(dir) {
  const own = path.join(dir, 'EXPECTATIONS.tsv');
  if (existsSync(own)) return readExpectations(own);
  const below = path.relative(shared, dir);
  if (below.startsWith('..') || path.isAbsolute(below)) return undefined;
  const rows = readExpectations(path.join(root, 'test/corpus-expectations.tsv'));
  // Rows name files below ../shared/corpus; the first corpus is the root without its v2/ folder.
  return below === ''
    ? rows.filter((row) => !row.file.startsWith('v2/'))
    : rows.filter((row) => row.file.startsWith(`${below}/`)).map((row) => ({ ...row, file: row.file.slice(below.length + 1) }));
}

let failed = false;
for (const dir of dirs) {
  const label = path.relative(process.cwd(), dir) || dir;
  if (values.formats) {
    const score = scoreFormats(readCorpus(dir), lint);
    console.log(formatScoreReport(label, score));
    failed ||= score.right !== score.total || score.floods.length > 0;
  }
  if (values.rules) {
    const expectations = expectationsFor(dir);
    if (!expectations) {
      console.error(`${label}: no EXPECTATIONS.tsv to score the rules against`);
      failed = true;
      continue;
    }
    const score = scoreRules(dir, expectations, lint);
    console.log(formatRuleReport(label, score));
    failed ||= precisionOf(score.overall) < 0.9 || recallOf(score.overall) < 0.9 || score.absent.length > 0;
  }
}
process.exit(failed ? 1 : 0);
