import { readdirSync, readFileSync } from 'node:fs';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin/index.js';

/**
 * Realistic TF.js training scripts (tfjs-examples style) linted with the recommended config. The snapshot
 * is the review surface: every line is a finding the plugin makes on real-looking code, and a false
 * positive shows up here first.
 */
const FIXTURES = new URL('../fixtures/tfjs-code/', import.meta.url);

it('reports what the recommended config finds in each TF.js fixture', async () => {
  const linter = new Linter({ configType: 'flat' });
  const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended] as Linter.Config[];
  const files = readdirSync(FIXTURES).filter((f) => /\.(ts|js)$/.test(f)).sort();
  expect(files.length).toBeGreaterThanOrEqual(10);
  const report = files.flatMap((file) => {
    const messages = linter.verify(readFileSync(new URL(file, FIXTURES), 'utf8'), config, file);
    const lines = messages.map((m) => `  ${m.line}:${m.column} ${m.ruleId ?? 'fatal'} ${m.message}${m.suggestions?.length ? `\n    suggestion: ${m.suggestions[0]!.desc}` : ''}`);
    return [file, ...(lines.length > 0 ? lines : ['  (nothing)'])];
  });
  await expect(report.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/tfjs-fixtures.txt');
});
