import { readdirSync, readFileSync } from 'node:fs';
import tsParser from '@typescript-eslint/parser';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { docsUrl } from '../../src/engine/rule.js';
import plugin from '../../src/eslint-plugin/index.js';
import { CODE_RULES } from '../../src/eslint-plugin/rules.js';

const packageJson = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string; exports: Record<string, unknown> };

const TRAINING = `import * as tf from '@tensorflow/tfjs';

const model: tf.Sequential = tf.sequential();
model.add(tf.layers.dense({ units: 10, inputShape: [784], activation: 'softmax' }));
model.compile({ optimizer: tf.train.adam(0.5), loss: 'categoricalCrossentropy' });
`;

function eslintWith(...extra: ESLint.Options['overrideConfig'][]): ESLint {
  return new ESLint({
    overrideConfigFile: true,
    overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended as never, ...extra.flat()] as never,
  });
}

describe('the ESLint plugin', () => {
  it('describes itself for flat config and exposes every code rule', () => {
    expect(plugin.meta).toEqual({ name: 'hplint', version: packageJson.version, namespace: 'hplint' });
    expect(Object.keys(plugin.rules).sort()).toEqual(CODE_RULES.map((rule) => rule.id).sort());
    for (const [id, rule] of Object.entries(plugin.rules)) expect(rule.meta?.docs?.url).toBe(docsUrl(id));
    expect(packageJson.exports['./eslint-plugin']).toEqual({
      import: { types: './dist/eslint-plugin/index.d.ts', default: './dist/eslint-plugin/index.js' },
      require: { types: './dist/eslint-plugin/index.d.cts', default: './dist/eslint-plugin/index.cjs' },
    });
  });

  it('recommended registers the plugin as hplint and turns the rules on at their severity', () => {
    const { recommended } = plugin.configs;
    expect(recommended.plugins?.hplint).toBe(plugin);
    expect(recommended.rules?.['hplint/invalid-value']).toBe('error');
    expect(recommended.rules?.['hplint/learning-rate-range']).toBe('warn');
    expect(Object.keys(recommended.rules ?? {})).toHaveLength(CODE_RULES.length);
  });

  it('lints a TypeScript file through a real ESLint instance', async () => {
    const [result] = await eslintWith().lintText(TRAINING, { filePath: 'train.ts' });
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([
      '5:42 hplint/learning-rate-range Adam learning rate 0.5 is above the range for training from scratch [0.001, 0.01] (GUIDE §7).',
    ]);
  });

  it('lints CommonJS JavaScript with ESLint\'s default parser', async () => {
    const code = "const tf = require('@tensorflow/tfjs-node');\nconst model = tf.sequential({ layers: [tf.layers.dropout({ rate: 0.8, inputShape: [4] })] });\n";
    const [result] = await eslintWith().lintText(code, { filePath: 'train.js' });
    expect(result!.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['2:66 hplint/dropout-range']);
  });

  it('takes the CLI rule options, validated by ESLint', async () => {
    const wide = { rules: { 'hplint/learning-rate-range': ['warn', { ranges: { adam: { low: 0.1, high: 0.6 } } }] } };
    const [result] = await eslintWith(wide as never).lintText(TRAINING, { filePath: 'train.ts' });
    expect(result!.messages).toEqual([]);
    const invalid = { rules: { 'hplint/learning-rate-range': ['warn', { ranges: { adam: { low: 0, high: 0.6 } } }] } };
    await expect(eslintWith(invalid as never).lintText(TRAINING, { filePath: 'train.ts' })).rejects.toThrow(/learning-rate-range/);
  });

  it('is never loaded by the CLI or the library entry point', () => {
    const sources = ['../../src/index.ts', ...readdirSync(new URL('../../src/cli/', import.meta.url)).map((f) => `../../src/cli/${f}`)];
    for (const source of sources) {
      expect(readFileSync(new URL(source, import.meta.url), 'utf8'), source).not.toMatch(/eslint-plugin|@typescript-eslint/);
    }
  });
});
