/**
 * `hplint/eslint-plugin`: hplint's rules on TF.js training code, as an ESLint flat-config plugin. The
 * extractor reads the code into the canonical TrainingConfig and the catalogue's own rule functions run
 * on it, so ids and messages are the CLI's. Never imported by the CLI (it loads @typescript-eslint/utils).
 */
import type { TSESLint } from '@typescript-eslint/utils';
import { VERSION } from '../version.js';
import type { Severity } from '../engine/rule.js';
import { CODE_RULES, toEslintRule } from './rules.js';
import type { HplintRuleModule } from './rules.js';

const NAMESPACE = 'hplint';
const ESLINT_SEVERITY: Record<Severity, TSESLint.SharedConfig.RuleLevel> = { error: 'error', warning: 'warn', info: 'warn' };

export interface HplintPlugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: Readonly<Record<string, HplintRuleModule>>;
  readonly configs: { readonly recommended: TSESLint.FlatConfig.Config };
}

const rules: Record<string, HplintRuleModule> = Object.fromEntries(CODE_RULES.map((rule) => [rule.id, toEslintRule(rule)]));

const configs = {} as { recommended: TSESLint.FlatConfig.Config };

const plugin: HplintPlugin = {
  meta: { name: 'hplint', version: VERSION, namespace: NAMESPACE },
  rules,
  configs,
};

configs.recommended = {
  name: 'hplint/recommended',
  plugins: { [NAMESPACE]: plugin as unknown as TSESLint.FlatConfig.Plugin },
  rules: Object.fromEntries(CODE_RULES.map((rule) => [`${NAMESPACE}/${rule.id}`, ESLINT_SEVERITY[rule.meta.severity]])),
};

export default plugin;
