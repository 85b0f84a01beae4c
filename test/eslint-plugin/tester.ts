import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';
import plugin from '../../src/eslint-plugin/index.js';
import type { HplintRuleModule } from '../../src/eslint-plugin/rules.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A RuleTester on TypeScript (the parser also reads plain JavaScript, `require` included). */
export const ruleTester = new RuleTester();

/** The plugin's rule with this id; the test fails loudly if the rule is not exposed. */
export function pluginRule(id: string): HplintRuleModule {
  const rule = plugin.rules[id];
  if (!rule) throw new Error(`the plugin does not expose ${id}`);
  return rule;
}

/** The `import` line the TF.js snippets in the tests start with. */
export const TF = "import * as tf from '@tensorflow/tfjs';\n";
