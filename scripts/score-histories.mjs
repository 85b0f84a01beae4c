#!/usr/bin/env node
// Scores `hplint advise`'s history findings against a practitioner's reading. Usage:
//   node scripts/score-histories.mjs DIR [--expectations FILE.tsv]
// DIR holds one folder per history and an INDEX.tsv (dir, history_file, …). The expected findings come from
// INDEX.tsv's `expected` and `acceptable` columns, or from FILE.tsv (dir, expected, acceptable) — for
// ../shared/corpus/histories that is test/advisor/history-expectations.tsv. `expected` lists the findings the
// run shows, comma separated (a|b: either kind is right; - for none); `acceptable` the kinds that are
// neither asked for nor wrong. Prints one line per history, then recall and the number of wrong findings.
// Needs `npm run build` first (it runs the built advisor, as `hplint advise` does).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Rows of a TSV with a header, `#` comment lines skipped. */
export function readTsv(file) {
  const [header, ...lines] = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '' && !l.startsWith('#'));
  const columns = header.split('\t');
  return lines.map((line) => Object.fromEntries(line.split('\t').map((cell, i) => [columns[i], cell])));
}

const list = (cell) => (!cell || cell === '-' ? [] : cell.split(',').map((s) => s.trim()).filter(Boolean));

/**
 * Runs `analyze(text, fileName)` (→ finding kinds) on every history of DIR and compares with the reading.
 * Returns per-history results and the totals; a history the analysis throws on counts as a crash.
 */
export function scoreHistories(dir, expectations, analyze) {
  const index = new Map(readTsv(path.join(dir, 'INDEX.tsv')).map((row) => [row.dir, row]));
  const results = expectations.map((reading) => {
    const entry = index.get(reading.dir);
    const expected = list(reading.expected).map((group) => group.split('|'));
    const acceptable = new Set(list(reading.acceptable));
    let found;
    try {
      const file = path.join(dir, reading.dir, entry.history_file);
      found = [...new Set(analyze(readFileSync(file, 'utf8'), file))];
    } catch (error) {
      return { dir: reading.dir, expected, found: [], hits: 0, wrong: [], crash: String(error?.message ?? error) };
    }
    const hits = expected.filter((group) => group.some((kind) => found.includes(kind))).length;
    const wrong = found.filter((kind) => !expected.some((group) => group.includes(kind)) && !acceptable.has(kind));
    return { dir: reading.dir, expected, found, hits, wrong };
  });
  const expectedCount = results.reduce((n, r) => n + r.expected.length, 0);
  const hits = results.reduce((n, r) => n + r.hits, 0);
  return {
    results,
    expected: expectedCount,
    hits,
    recall: expectedCount === 0 ? 1 : hits / expectedCount,
    wrong: results.reduce((n, r) => n + r.wrong.length, 0),
    crashes: results.filter((r) => r.crash).length,
  };
}

export function formatScore(score) {
  const lines = score.results.map((r) => {
    const want = r.expected.map((g) => g.join('|')).join(', ') || '-';
    const status = r.crash ? `CRASH ${r.crash}` : `${r.hits}/${r.expected.length}${r.wrong.length ? `  WRONG: ${r.wrong.join(', ')}` : ''}`;
    return `${r.dir.padEnd(36)} expected ${want.padEnd(40)} found ${(r.found.join(', ') || '-').padEnd(44)} ${status}`;
  });
  lines.push(`recall ${score.hits}/${score.expected} = ${(100 * score.recall).toFixed(1)}%, wrong findings ${score.wrong}, crashes ${score.crashes}`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--expectations');
  const dir = args.find((_, i) => at < 0 || (i !== at && i !== at + 1));
  if (!dir) {
    console.error('usage: node scripts/score-histories.mjs DIR [--expectations FILE.tsv]');
    process.exit(2);
  }
  const { readHistory } = await import('../dist/advisor/history/index.js');
  const { analyzeHistory } = await import('../dist/advisor/analyze/index.js');
  const expectations = readTsv(at >= 0 ? args[at + 1] : path.join(dir, 'INDEX.tsv'));
  const score = scoreHistories(dir, expectations, (text, file) => analyzeHistory(readHistory(text, file), file).map((f) => f.kind));
  console.log(formatScore(score));
}
