import type { LintResult } from '../../src/engine/lint.js';
import type { FormatterContext } from '../../src/formatters/formatter.js';
import { lintText, RULES } from '../../src/rules/index.js';
import { dedent } from '../helpers/lint.js';

export const CWD = '/repo';

export const context: FormatterContext = { cwd: CWD, color: false, rules: RULES, version: '0.1.0' };

/** A config with a warning (learning rate) on line 3 and a parse-clean layout. */
export const BAD = dedent(`
  optimizer:
    name: adam
    learningRate: 0.5
`);

export function results(): LintResult[] {
  return [
    lintText(BAD, { filePath: '/repo/configs/bad run.yaml' }),
    lintText('optimizer: {name: adam, learningRate: 0.001}\n', { filePath: 'configs/good.yaml' }),
  ];
}

export function clean(): LintResult[] {
  return [lintText('optimizer: {name: adam, learningRate: 0.001}\n', { filePath: 'configs/good.yaml' })];
}
