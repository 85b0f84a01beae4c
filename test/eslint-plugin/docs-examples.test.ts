import { readFileSync } from 'node:fs';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin/index.js';
import { CODE_RULES } from '../../src/eslint-plugin/rules.js';
import { examplesOf } from '../helpers/docs.js';

/**
 * Each code rule's docs page shows a TF.js example under ❌ and ✅; they are linted with the plugin:
 * an ❌ example must report the rule, a ✅ example must not.
 */
const DOCS = new URL('../../docs/rules/', import.meta.url);
const linter = new Linter({ configType: 'flat' });

function ruleIdsReported(code: string, ruleId: string): string[] {
  const config = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser }, plugins: { hplint: plugin }, rules: { [`hplint/${ruleId}`]: 'warn' } }] as unknown as Linter.Config[];
  const messages = linter.verify(code, config, 'example.ts');
  const fatal = messages.find((m) => m.fatal);
  if (fatal) throw new Error(`the example does not parse: ${fatal.message}`);
  return messages.map((m) => m.ruleId ?? '');
}

describe('TF.js examples in the rule docs', () => {
  for (const ruleId of CODE_RULES.map((rule) => rule.id)) {
    describe(ruleId, () => {
      const examples = examplesOf(readFileSync(new URL(`${ruleId}.md`, DOCS), 'utf8')).filter((e) => e.language === 'ts');
      it('has a ❌ and a ✅ TF.js example', () => {
        expect(examples.map((e) => e.kind).sort()).toEqual(['correct', 'incorrect']);
      });
      examples.forEach((example) => {
        it(`${example.kind} example ${example.kind === 'incorrect' ? 'reports' : 'passes'} the rule`, () => {
          const reported = ruleIdsReported(example.code, ruleId);
          if (example.kind === 'incorrect') expect(reported).toContain(`hplint/${ruleId}`);
          else expect(reported).toEqual([]);
        });
      });
    });
  }
});
