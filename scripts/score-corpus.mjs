#!/usr/bin/env node
// Scores hplint (the build in dist/: run `npm run build` first) on corpora of real configs described by an
// INDEX.tsv (scripts/corpus-index.mjs says which columns). `--formats`: the detected format against the
// expected one, per format, and the files flooded with unknown-key. Directories default to ../shared/corpus
// and ../shared/corpus/v2; pass others (a held-out set) as operands:
//   node scripts/score-corpus.mjs --formats /work/wt/heldout/configs
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatScoreReport, readCorpus, scoreFormats, sharedCorpora } from './corpus-index.mjs';

const root = path.resolve(import.meta.dirname, '..');
const { values, positionals } = parseArgs({ options: { formats: { type: 'boolean', default: false } }, allowPositionals: true });
const { lintText } = await import(path.join(root, 'dist/index.js'));
const dirs = positionals.length > 0 ? positionals.map((d) => path.resolve(d)) : sharedCorpora(root);
if (dirs.length === 0) {
  console.error('no corpus: pass a directory with an INDEX.tsv (../shared/corpus is absent)');
  process.exit(2);
}
if (!values.formats) {
  console.error('say what to score: --formats');
  process.exit(2);
}
const lint = (text, file) => lintText(text, { filePath: file });
let failed = false;
for (const dir of dirs) {
  const score = scoreFormats(readCorpus(dir), lint);
  console.log(formatScoreReport(path.relative(process.cwd(), dir) || dir, score));
  failed ||= score.right !== score.total || score.floods.length > 0;
}
process.exit(failed ? 1 : 0);
