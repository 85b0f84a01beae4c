import { createRequire } from 'node:module';
import type { Ajv as AjvClass } from 'ajv';
import type { AnyRule, RuleSeverity, Severity } from './rule.js';

/** How a user configures one rule: a severity, or ESLint's `[severity, options]` pair. */
export type RuleSetting = RuleSeverity | readonly [RuleSeverity, Record<string, unknown>?];
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

export interface ResolvedRule {
  readonly rule: AnyRule;
  readonly severity: Severity;
  readonly options: Record<string, unknown>;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const SEVERITIES: readonly RuleSeverity[] = ['off', 'info', 'warning', 'error'];
const RANK: Record<Severity, number> = { info: 1, warning: 2, error: 3 };

export function isRuleSeverity(value: unknown): value is RuleSeverity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}

/**
 * Resolves user settings against the registry: unknown rule ids and invalid options are configuration
 * errors (exit 2), caught before any file is read.
 */
export function resolveRules(rules: readonly AnyRule[], settings: RuleSettings = {}): ResolvedRule[] {
  for (const id of Object.keys(settings)) {
    if (!rules.some((r) => r.id === id)) throw new ConfigError(`unknown rule "${id}" (see \`hplint rules\`)`);
  }
  const resolved: ResolvedRule[] = [];
  for (const rule of rules) {
    const setting = settings[rule.id];
    const [severity, userOptions] = Array.isArray(setting) ? setting : [setting ?? rule.meta.severity, undefined];
    if (!isRuleSeverity(severity)) {
      throw new ConfigError(`rule "${rule.id}": severity must be one of ${SEVERITIES.join(', ')}, not ${JSON.stringify(severity)}`);
    }
    if (severity === 'off') continue;
    const options = { ...(rule.meta.defaultOptions as Record<string, unknown>), ...(userOptions ?? {}) };
    if (userOptions) validateOptions(rule, options);
    resolved.push({ rule, severity, options });
  }
  return resolved;
}

/**
 * A finding's level: the configured severity for the rule's main trigger; a milder secondary trigger
 * (an info band) keeps its own level but never exceeds the configured one.
 */
export function effectiveSeverity(rule: AnyRule, configured: Severity, natural: Severity | undefined): Severity {
  if (natural === undefined || natural === rule.meta.severity) return configured;
  return RANK[natural] < RANK[configured] ? natural : configured;
}

// ajv is loaded only when a user passes rule options: `hplint check` with defaults never pays for it.
const require = createRequire(import.meta.url);

function validateOptions(rule: AnyRule, options: Record<string, unknown>): void {
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(rule.meta.optionsSchema);
  if (!validate(options)) {
    const detail = (validate.errors ?? []).map((e) => `${e.instancePath || 'options'} ${e.message ?? 'is invalid'}`).join('; ');
    throw new ConfigError(`rule "${rule.id}": invalid options: ${detail}`);
  }
}
