import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script (scripts/score-histories.mjs), shared by this test and the command line
import { formatScore, readTsv, scoreHistories } from '../../scripts/score-histories.mjs';
import { analyzeHistory } from '../../src/advisor/analyze/index.js';
import { readHistory } from '../../src/advisor/history/index.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CORPUS = path.resolve(ROOT, '../shared/corpus/histories');
const EXPECTATIONS = path.join(import.meta.dirname, 'history-expectations.tsv');
const present = existsSync(path.join(CORPUS, 'INDEX.tsv'));

if (!present) console.warn(`history corpus: ${CORPUS} is absent — the real-history comparison is skipped`);

interface Score {
  recall: number;
  wrong: number;
  crashes: number;
}

describe.skipIf(!present)('advise on the real histories of ../shared/corpus/histories', () => {
  it('finds ≥ 90% of what the practitioner read, with at most one wrong finding and no crash', () => {
    const score = scoreHistories(CORPUS, readTsv(EXPECTATIONS), (text: string, file: string) => analyzeHistory(readHistory(text, file), file).map((f) => f.kind)) as Score;
    console.log(formatScore(score));
    expect(score.crashes).toBe(0);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.wrong).toBeLessThanOrEqual(1);
  });
});
