import { RuleTester } from '@typescript-eslint/rule-tester';
import { afterAll, describe, it } from 'vitest';
import plugin from '../../src/eslint-plugin/index.js';

RuleTester.afterAll = afterAll;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

/** A RuleTester on TypeScript (the parser also reads plain JavaScript, `require` included). */
export const ruleTester = new RuleTester();

/** The RuleTester's own rule type: it bundles another copy of @typescript-eslint/utils, same shape. */
type TesterRule = Parameters<RuleTester['run']>[1];

/** The plugin's rule with this id; the test fails loudly if the rule is not exposed. */
export function pluginRule(id: string): TesterRule {
  const rule = plugin.rules[id];
  if (!rule) throw new Error(`the plugin does not expose ${id}`);
  return rule as unknown as TesterRule;
}

/** The `import` line the TF.js snippets in the tests start with. */
export const TF = "import * as tf from '@tensorflow/tfjs';\n";

/** An expected report: message, `line:column-endColumn`, and the suggestion (description and fixed code) if any. */
export interface Expected {
  readonly message: string;
  readonly at: readonly [line: number, column: number, endColumn: number];
  readonly suggestion?: readonly [description: string, output: string];
}

/** A RuleTester invalid case from compact expectations (the tester still checks every field). */
export function invalid(code: string, expected: readonly Expected[]) {
  return {
    code,
    errors: expected.map(({ message, at: [line, column, endColumn], suggestion }) => ({
      messageId: 'finding' as const,
      data: { message },
      line,
      column,
      endLine: line,
      endColumn,
      suggestions: suggestion ? [{ messageId: 'suggestion' as const, data: { description: suggestion[0] }, output: suggestion[1] }] : [],
    })),
  };
}
