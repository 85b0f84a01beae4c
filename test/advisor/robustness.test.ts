import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeHistory } from '../../src/advisor/analyze/index.js';
import { historyFromSeries } from '../../src/advisor/history/history.js';
import { HistoryError, readHistory } from '../../src/advisor/history/index.js';

/** Any text a user might pass as --history: a history or a clear HistoryError, never another exception. */
describe('robustness', () => {
  it('readHistory on arbitrary text and JSON values returns a history or throws HistoryError', () => {
    const texts = fc.oneof(fc.string(), fc.json(), fc.array(fc.array(fc.oneof(fc.constant('epoch'), fc.constant('step'), fc.constant('nan'), fc.string({ maxLength: 4 }), fc.double().map(String)), { maxLength: 5 }), { maxLength: 6 }).map((rows) => rows.map((r) => r.join(',')).join('\n')));
    fc.assert(
      fc.property(texts, (text) => {
        try {
          const history = readHistory(text, 'h');
          expect(history.rows.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(HistoryError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('analyzeHistory reports 0-based epochs inside the history, and refuses (HistoryError) only a history without a loss', () => {
    const value = fc.oneof(fc.double(), fc.constantFrom(Number.NaN, Infinity, -Infinity, 0, -1));
    const series = fc.dictionary(fc.constantFrom('loss', 'val_loss', 'out1_loss', 'out2_loss', 'lr', 'acc'), fc.array(value, { maxLength: 40 }));
    fc.assert(
      fc.property(series, (s) => {
        const history = historyFromSeries('keras', s);
        let findings;
        try {
          findings = analyzeHistory(history);
        } catch (error) {
          // Only a history without any loss may be refused, with the columns it has.
          expect(error).toBeInstanceOf(HistoryError);
          expect(Object.keys(s).some((k) => /loss/.test(k) && s[k]!.length > 0)).toBe(false);
          return;
        }
        for (const finding of findings) {
          expect(finding.epoch).toBeGreaterThanOrEqual(0);
          expect(finding.epoch).toBeLessThan(history.rows.length);
          if (finding.bestEpoch !== undefined) expect(finding.bestEpoch).toBeLessThanOrEqual(finding.epoch);
        }
      }),
      { numRuns: 500 },
    );
  });
});
