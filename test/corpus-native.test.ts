import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintText } from '../src/rules/index.js';

/**
 * Real configs from ../shared/corpus, hand-translated into the native format (each file names its source).
 * The snapshot lists every diagnostic every rule reports on them, `ruleId (severity) line:col message`, so a reviewer
 * can judge each as an ML engineer would (the severity is shown too); a new rule or a changed message shows up as a snapshot diff.
 */
const FIXTURES = new URL('./fixtures/corpus-native/', import.meta.url);
const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.yaml')).sort();

describe('hand-translated corpus configs', () => {
  it('are at least ten, from every kind of source', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    expect(new Set(files.map((f) => f.split('-')[0]))).toEqual(new Set(['hf', 'keras', 'lightning', 'sweep', 'yolo']));
  });

  it('name their source and read as native configs', () => {
    for (const file of files) {
      const text = readFileSync(new URL(file, FIXTURES), 'utf8');
      expect(text, file).toMatch(/^# Hand translation of corpus\/\w+\/\S+/);
      expect(lintText(text, { filePath: file }).format, file).toBe('native');
    }
  });

  it('give these diagnostics (review each one when the snapshot changes)', async () => {
    const report = files.map((file) => {
      const text = readFileSync(new URL(file, FIXTURES), 'utf8');
      const lines = lintText(text, { filePath: file }).diagnostics.map((d) => `  ${d.ruleId} (${d.severity}) ${d.line}:${d.column} ${d.message}`);
      return [`${file} (${lines.length})`, ...lines].join('\n');
    });
    await expect(report.join('\n\n') + '\n').toMatchFileSnapshot('./__snapshots__/corpus-native.txt');
  });
});
