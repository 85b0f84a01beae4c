import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin/index.js';

/**
 * The configs users write in TypeScript: this file is the type test (`npm run typecheck` compiles it
 * without casts), and each config is then run to show it does what it says. The packed declarations
 * are checked the same way in a fresh project by scripts/test-pack.mjs.
 */
const asPlugin: ESLint.Plugin = plugin;
const flat: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, plugin.configs.recommended];
const defined = defineConfig([
  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, extends: [plugin.configs.recommended] },
  { plugins: { hplint: asPlugin }, rules: { 'hplint/learning-rate-range': 'error' } },
]);
const viaTseslint = tseslint.config(...tseslint.configs.recommended, plugin.configs.recommended, { plugins: { hplint: plugin } });

const TRAINING = `import * as tf from '@tensorflow/tfjs';
const model: tf.Sequential = tf.sequential();
model.add(tf.layers.dense({ units: 10, inputShape: [784], activation: 'softmax' }));
model.compile({ optimizer: tf.train.adam(0.5), loss: 'categoricalCrossentropy' });
`;

async function reports(config: Linter.Config[]): Promise<string[]> {
  const eslint = new ESLint({ overrideConfigFile: true, overrideConfig: config });
  const [result] = await eslint.lintText(TRAINING, { filePath: 'train.ts' });
  return result!.messages.filter((m) => m.ruleId?.startsWith('hplint/')).map((m) => `${m.ruleId} ${m.severity}`);
}

describe('TypeScript configs with the plugin', () => {
  it('Linter.Config[] turns the rules on at their severity', async () => {
    expect(await reports(flat)).toEqual(['hplint/learning-rate-range 1']);
  });

  it('defineConfig (eslint/config) extends recommended and overrides a severity', async () => {
    expect(await reports(defined)).toEqual(['hplint/learning-rate-range 2']);
  });

  it('tseslint.config accepts the recommended config and the plugin object', async () => {
    // typescript-eslint's ConfigArray and ESLint's Linter.Config[] differ in languageOptions (their types,
    // not hplint's): ESLint reads the array as it is.
    expect(await reports(viaTseslint as Linter.Config[])).toEqual(['hplint/learning-rate-range 1']);
  });
});
