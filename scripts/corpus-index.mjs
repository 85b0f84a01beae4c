// Reads a corpus directory of real configs described by an INDEX.tsv, as ../shared/corpus (columns kind,
// saved_file, …, note), ../shared/corpus/v2 and a held-out set (group, saved_file, source_repo, source_path,
// commit, regime, expected_format, practitioner_notes) lay it out, and scores hplint's format detection on
// it. Pure data handling: the caller passes the lint function (the test passes the sources', the script
// the build's), so the figures of `npm test` and of `scripts/score-corpus.mjs` come from one computation.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The corpora beside the repository root, when ../shared is there. */
export function sharedCorpora(repoRoot) {
  const shared = path.resolve(repoRoot, '../shared/corpus');
  return [shared, path.join(shared, 'v2')].filter((dir) => existsSync(path.join(dir, 'INDEX.tsv')));
}

/** Every row of `dir/INDEX.tsv`, with its file's text and the format the row (or its kind) says it is. */
export function readCorpus(dir) {
  const [header = '', ...lines] = readFileSync(path.join(dir, 'INDEX.tsv'), 'utf8').replace(/\r/g, '').split('\n').filter((l) => l.trim() !== '');
  const columns = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    const row = Object.fromEntries(columns.map((name, i) => [name, cells[i] ?? '']));
    const group = row.group ?? row.kind ?? '';
    // v2 and held-out rows name the file relative to the corpus; the first corpus files it under its kind.
    const direct = path.join(dir, row.saved_file);
    const file = existsSync(direct) ? direct : path.join(dir, group, row.saved_file);
    const text = readFileSync(file, 'utf8');
    return {
      corpus: dir,
      group,
      name: path.relative(dir, file),
      file,
      text,
      expected: row.expected_format || formatOfKind(group, row.saved_file, text),
      notes: row.practitioner_notes ?? row.note ?? '',
      regime: row.regime ?? '',
    };
  });
}

/** The first corpus has no expected_format column: its kind says it, with the cases its notes describe. */
function formatOfKind(kind, file, text) {
  if (file.endsWith('ds_z3_config.json')) return 'unknown';
  if (kind === 'keras') return /"modelTopology"/.test(text) ? 'tfjs' : 'keras';
  if (kind === 'other') return file.startsWith('facebookresearch__detectron2') ? 'detectron2' : 'sweep';
  return kind;
}

/** More `unknown-key` diagnostics than this on a file that is not native is a flood (issue 12). */
export const UNKNOWN_KEY_FLOOD = 3;

/**
 * Lints every entry (`lint(text, fileName)` returns hplint's LintResult) and compares the detected format
 * with the expected one: a confusion table, the wrong files, and the non-native files flooded with `unknown-key`.
 */
export function scoreFormats(entries, lint) {
  const confusion = new Map();
  const wrong = [];
  const floods = [];
  for (const entry of entries) {
    const result = lint(entry.text, entry.file);
    const row = confusion.get(entry.expected) ?? new Map();
    row.set(result.format, (row.get(result.format) ?? 0) + 1);
    confusion.set(entry.expected, row);
    if (result.format !== entry.expected) wrong.push({ name: entry.name, expected: entry.expected, actual: result.format, reason: result.reason });
    const unknownKeys = result.diagnostics.filter((d) => d.ruleId === 'unknown-key').length;
    if (result.format !== 'native' && unknownKeys > UNKNOWN_KEY_FLOOD) floods.push({ name: entry.name, format: result.format, unknownKeys });
  }
  return { total: entries.length, right: entries.length - wrong.length, confusion, wrong, floods };
}

/** The score as text: one line per expected format (what it was detected as), then the misses. */
export function formatScoreReport(label, score) {
  const lines = [`${label}: formats right ${score.right}/${score.total}`];
  for (const [expected, row] of [...score.confusion].sort(([a], [b]) => a.localeCompare(b))) {
    const cells = [...row].sort(([a], [b]) => a.localeCompare(b)).map(([actual, n]) => `${actual === expected ? '' : '≠'}${actual} ${n}`);
    const right = row.get(expected) ?? 0;
    const all = [...row.values()].reduce((a, b) => a + b, 0);
    lines.push(`  ${expected.padEnd(11)} ${String(right).padStart(3)}/${String(all).padEnd(3)}  ${cells.join(', ')}`);
  }
  for (const miss of score.wrong) lines.push(`  wrong: ${miss.name}: expected ${miss.expected}, detected ${miss.actual} (${miss.reason})`);
  for (const flood of score.floods) lines.push(`  flood: ${flood.name} [${flood.format}]: ${flood.unknownKeys} unknown-key`);
  return lines.join('\n');
}
