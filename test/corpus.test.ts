import { describe, expect, it } from 'vitest';
import { lintText } from '../src/rules/index.js';
import { corpusIndex, corpusText, withoutShared } from './helpers/shared.js';

/**
 * Every real config of ../shared/corpus (INDEX.tsv): read without a crash, detected as the right format,
 * and a reviewable snapshot of what hplint reports on each, next to the INDEX note of what is notable in it.
 */
const rows = corpusIndex();

/** The format each corpus file is, by its INDEX kind and content; the one genuine non-config is unknown. */
function expectedFormat(kind: string, file: string, text: string): string {
  if (file.endsWith('ds_z3_config.json')) return 'unknown';
  if (kind === 'keras') return /"modelTopology"/.test(text) ? 'tfjs' : 'keras';
  if (kind === 'other') return file.startsWith('facebookresearch__detectron2') ? 'detectron2' : 'sweep';
  return kind;
}

describe.skipIf(withoutShared('every real config of ../shared/corpus and its diagnostics snapshot'))('the shared corpus of real configs', () => {
  it('is present beside the project', () => {
    expect(rows.length).toBe(71);
  });

  it('every file is read without a crash, as the right format', () => {
    for (const { kind, file } of rows) {
      const text = corpusText(kind, file);
      const result = lintText(text, { filePath: file });
      expect(result.format, file).toBe(expectedFormat(kind, file, text));
      expect(result.diagnostics.filter((d) => d.ruleId === 'parse-error'), file).toEqual([]);
    }
  });

  it('reports these diagnostics (review each one when the snapshot changes)', async () => {
    const report = rows.map(({ kind, file, note }) => {
      const text = corpusText(kind, file);
      const result = lintText(text, { filePath: file });
      const lines = result.diagnostics.map((d) => `  ${d.ruleId} (${d.severity}) ${d.line}:${d.column} ${d.message}`);
      return [`${kind}/${file} [${result.format}]`, `  # INDEX: ${note}`, ...lines].join('\n');
    });
    await expect(report.join('\n\n') + '\n').toMatchFileSnapshot('./__snapshots__/corpus.txt');
  });
});
