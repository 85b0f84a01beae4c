/**
 * `hplint/eslint-plugin`: hplint's rules on TF.js training code, as an ESLint flat-config plugin. The
 * extractor reads the code into the canonical TrainingConfig and the catalogue's own rule functions run
 * on it, so ids and messages are the CLI's. Its only run-time needs are what ESLint passes a rule (the
 * AST and the scope manager); its public types are ESLint's own, so that configs written with
 * `defineConfig`, `tseslint.config` or `Linter.Config[]` accept it as is.
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { VERSION } from '../version.js';
import type { Severity } from '../engine/rule.js';
import { CODE_RULES, toEslintRule } from './rules.js';

const NAMESPACE = 'hplint';
const ESLINT_SEVERITY: Record<Severity, Linter.RuleSeverity> = { error: 'error', warning: 'warn', info: 'warn' };

/** The plugin object: an `ESLint.Plugin` whose `configs.recommended` is one flat config object. */
export interface HplintPlugin extends ESLint.Plugin {
  readonly meta: { readonly name: string; readonly version: string; readonly namespace: string };
  readonly rules: Readonly<Record<string, Rule.RuleModule>>;
  readonly configs: { readonly recommended: Linter.Config };
}

// The rules are written against typescript-eslint's stricter AST types; at run time they are ESLint rules.
const rules = Object.fromEntries(CODE_RULES.map((rule) => [rule.id, toEslintRule(rule) as unknown as Rule.RuleModule]));

const configs = {} as { recommended: Linter.Config };

const plugin: HplintPlugin = {
  meta: { name: 'hplint', version: VERSION, namespace: NAMESPACE },
  rules,
  configs,
};

configs.recommended = {
  name: 'hplint/recommended',
  plugins: { [NAMESPACE]: plugin },
  rules: Object.fromEntries(CODE_RULES.map((rule) => [`${NAMESPACE}/${rule.id}`, ESLINT_SEVERITY[rule.meta.severity]])),
};

export default plugin;
