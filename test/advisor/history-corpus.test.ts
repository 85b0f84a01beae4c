import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs script (scripts/score-histories.mjs), shared by this test and the command line
import { formatScore, readTsv, scoreHistories } from '../../scripts/score-histories.mjs';
import { analyzeHistory } from '../../src/advisor/analyze/index.js';
import { readHistory } from '../../src/advisor/history/index.js';
import { sharedPath, withoutShared } from '../helpers/shared.js';

const EXPECTATIONS = path.join(import.meta.dirname, 'history-expectations.tsv');
const absent = withoutShared('advise on the real histories of corpus/histories, scored against our reading of the practitioner notes');

interface Score {
  recall: number;
  wrong: number;
  crashes: number;
}

describe.skipIf(absent)('advise on the real histories of ../shared/corpus/histories', () => {
  it('finds ≥ 90% of what the practitioner read, with at most one wrong finding and no crash', () => {
    const score = scoreHistories(sharedPath('corpus', 'histories'), readTsv(EXPECTATIONS), (text: string, file: string) => analyzeHistory(readHistory(text, file), file).map((f) => f.kind)) as Score;
    console.log(formatScore(score));
    expect(score.crashes).toBe(0);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.wrong).toBeLessThanOrEqual(1);
  });
});
