#!/usr/bin/env node
// `node scripts/score-python.mjs DIR`: precision of `hplint check` on real training scripts against
// findings written down before running. DIR holds the scripts (never this repository: third-party code
// stays outside it) and an INDEX.tsv with columns file, framework, repo, path, commit, expected, note;
// `expected` lists `rule@line` findings (comma-separated, `-` for none). A reported diagnostic is a true
// positive when its rule and line are expected; anything else reported is a false positive. Prints each
// file's outcome, then precision and recall overall and per framework; exits 1 when precision is below
// 90% or an error-level diagnostic is a false positive. Needs `npm run build` first (it lints with dist/).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node scripts/score-python.mjs DIR (a directory with INDEX.tsv and the scripts it lists)');
  process.exit(2);
}
const root = path.resolve(import.meta.dirname, '..');
const { lintText } = await import(pathToFileURL(path.join(root, 'dist/rules/index.js')).href);

const rows = readFileSync(path.join(dir, 'INDEX.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const [file, framework, repo, source, commit, expected] = line.split('\t');
    return { file, framework, repo, source, commit, expected: expected === '-' ? [] : expected.split(',').map((e) => e.trim()) };
  });

const totals = new Map();
const count = (key, field) => {
  const entry = totals.get(key) ?? { files: 0, tp: 0, fp: 0, fn: 0, errorFp: 0 };
  entry[field]++;
  totals.set(key, entry);
};
for (const row of rows) {
  const text = readFileSync(path.join(dir, row.file), 'utf8');
  const result = lintText(text, { filePath: row.file });
  const reported = result.diagnostics.map((d) => ({ key: `${d.ruleId}@${d.line}`, severity: d.severity, message: d.message }));
  const keys = new Set(reported.map((r) => r.key));
  const lines = [];
  for (const group of [row.framework, 'all']) count(group, 'files');
  for (const r of reported) {
    const hit = row.expected.includes(r.key);
    for (const group of [row.framework, 'all']) {
      count(group, hit ? 'tp' : 'fp');
      if (!hit && r.severity === 'error') count(group, 'errorFp');
    }
    lines.push(`  ${hit ? 'TP' : 'FP'} ${r.key} ${r.severity}: ${r.message.slice(0, 140)}`);
  }
  for (const e of row.expected.filter((e) => !keys.has(e))) {
    for (const group of [row.framework, 'all']) count(group, 'fn');
    lines.push(`  FN ${e}`);
  }
  console.log(`${row.file} (${result.format})${lines.length === 0 ? ' — nothing expected, nothing reported' : ''}`);
  for (const line of lines) console.log(line);
}

const pct = (a, b) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
console.log('\nframework   files  TP  FP  FN  precision  recall  error-level FP');
for (const [group, t] of [...totals].sort(([a], [b]) => (a === 'all' ? 1 : b === 'all' ? -1 : a.localeCompare(b)))) {
  console.log(`${group.padEnd(10)} ${String(t.files).padStart(6)} ${String(t.tp).padStart(3)} ${String(t.fp).padStart(3)} ${String(t.fn).padStart(3)}  ${pct(t.tp, t.tp + t.fp).padStart(9)}  ${pct(t.tp, t.tp + t.fn).padStart(6)}  ${t.errorFp}`);
}
const all = totals.get('all') ?? { tp: 0, fp: 0, errorFp: 0 };
const precision = all.tp + all.fp === 0 ? 1 : all.tp / (all.tp + all.fp);
process.exitCode = precision >= 0.9 && all.errorFp === 0 ? 0 : 1;
