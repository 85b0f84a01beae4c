// Scores hplint's rules on real configs against our structured reading of their practitioner notes (an
// expectations TSV: file, must, may, must_not, reading — test/corpus-expectations.tsv describes the columns).
// Precision: true warnings and errors / all warnings and errors (a diagnostic is true when its rule is in the
// file's `must` or `may`, at the line a `rule@line` names). Recall: noted problems (`must`) that some
// diagnostic of their rule reports, at any severity. Pure data handling: the caller passes the lint function
// (the test passes the sources', the script the build's), so both give the same figures.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Severities that count against precision: an info is advice, not a claim that something is wrong. */
const SCORED = new Set(['warning', 'error']);

/** `rule` or `rule@line`, comma-separated. */
function parseRules(cell) {
  return (cell ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => {
      const [rule = '', line] = s.split('@');
      return line === undefined ? { rule } : { rule, line: Number(line) };
    });
}

/** The rows of an expectations TSV (comment lines start with `#`; the first other line is the header). */
export function readExpectations(tsvPath) {
  const lines = readFileSync(tsvPath, 'utf8').replace(/\r/g, '').split('\n').filter((l) => l.trim() !== '' && !l.startsWith('#'));
  return lines.slice(1).map((line) => {
    const [file = '', must, may, mustNot, reading = ''] = line.split('\t');
    return { file, must: parseRules(must), may: parseRules(may), mustNot: parseRules(mustNot).map((r) => r.rule), reading };
  });
}

function matches(expected, diagnostic) {
  return expected.rule === diagnostic.ruleId && (expected.line === undefined || expected.line === diagnostic.line);
}

function tally(map, rule) {
  const entry = map.get(rule) ?? { true: 0, false: 0, noted: 0, found: 0 };
  map.set(rule, entry);
  return entry;
}

/**
 * Lints every expected file below `baseDir` (`lint(text, filePath)` returns a LintResult) and scores its
 * diagnostics. Files named in the expectations but absent are listed, not scored.
 */
export function scoreRules(baseDir, expectations, lint) {
  const perRule = new Map();
  const falsePositives = [];
  const misses = [];
  const absent = [];
  const results = new Map();
  for (const row of expectations) {
    const file = path.join(baseDir, row.file);
    if (!existsSync(file)) {
      absent.push(row.file);
      continue;
    }
    const result = lint(readFileSync(file, 'utf8'), file);
    results.set(row.file, result);
    for (const d of result.diagnostics) {
      if (!SCORED.has(d.severity)) continue;
      const right = [...row.must, ...row.may].some((e) => matches(e, d));
      tally(perRule, d.ruleId)[right ? 'true' : 'false']++;
      if (!right) falsePositives.push({ file: row.file, rule: d.ruleId, line: d.line, severity: d.severity, message: d.message, explicit: row.mustNot.includes(d.ruleId) });
    }
    for (const expected of row.must) {
      const entry = tally(perRule, expected.rule);
      entry.noted++;
      if (result.diagnostics.some((d) => matches(expected, d))) entry.found++;
      else misses.push({ file: row.file, rule: expected.rule, line: expected.line, reading: row.reading });
    }
  }
  const sum = (key) => [...perRule.values()].reduce((a, e) => a + e[key], 0);
  const overall = { true: sum('true'), false: sum('false'), noted: sum('noted'), found: sum('found') };
  return { files: expectations.length - absent.length, perRule, overall, falsePositives, misses, absent, results };
}

/** A fraction as a percentage with one decimal; "n/a" for 0/0 (nothing reported, or nothing noted). */
export function percent(numerator, denominator) {
  return denominator === 0 ? 'n/a' : `${((100 * numerator) / denominator).toFixed(1)}%`;
}

export function precisionOf(entry) {
  return entry.true + entry.false === 0 ? 1 : entry.true / (entry.true + entry.false);
}

export function recallOf(entry) {
  return entry.noted === 0 ? 1 : entry.found / entry.noted;
}

/** The score as text: overall, one line per rule, then every false positive and every miss. */
export function formatRuleReport(label, score) {
  const { overall } = score;
  const lines = [
    `${label}: ${score.files} files; precision ${percent(overall.true, overall.true + overall.false)} (${overall.true} true of ${overall.true + overall.false} warnings and errors); recall ${percent(overall.found, overall.noted)} (${overall.found} of ${overall.noted} noted problems found)`,
  ];
  for (const [rule, e] of [...score.perRule].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${rule.padEnd(26)} precision ${percent(e.true, e.true + e.false).padStart(6)} (${e.true}/${e.true + e.false})  recall ${percent(e.found, e.noted).padStart(6)} (${e.found}/${e.noted})`);
  }
  for (const f of score.falsePositives) lines.push(`  false: ${f.file}:${f.line} ${f.rule} (${f.severity})${f.explicit ? ' [notes say must not]' : ''} ${f.message}`);
  for (const m of score.misses) lines.push(`  missed: ${m.file}${m.line ? `:${m.line}` : ''} ${m.rule} — ${m.reading}`);
  for (const a of score.absent) lines.push(`  absent: ${a}`);
  return lines.join('\n');
}
