import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/index.js';

describe('input limits', () => {
  it('refuses a file over --max-file-size with one parse-error, without parsing it', () => {
    const result = lintText('optimizer: { learningRate: 0.1 }\n'.repeat(100), { filePath: 'big.yaml', maxFileSize: 1024 });
    expect(result.format).toBe('unknown');
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ ruleId: 'parse-error', line: 1, column: 1, message: 'the file is larger than the 1 KiB limit (--max-file-size); it was not read' }),
    ]);
  });

  it('counts bytes, not characters', () => {
    const text = `# ${'é'.repeat(600)}\noptimizer: {}\n`;
    expect(lintText(text, { maxFileSize: 1024 }).diagnostics[0]?.ruleId).toBe('parse-error');
    expect(lintText(text, { maxFileSize: 2048 }).diagnostics).toEqual([]);
  });

  it('reports deep nesting as a parse-error at the breach', () => {
    const result = lintText(`model: ${'['.repeat(1000)}${']'.repeat(1000)}\n`);
    expect(result.diagnostics).toEqual([expect.objectContaining({ ruleId: 'parse-error', line: 1, column: 71, message: 'collections nest deeper than 64 levels' })]);
  });
});
