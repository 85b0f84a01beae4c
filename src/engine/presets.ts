import type { AnyRule, Severity } from './rule.js';
import type { RuleSettings } from './settings.js';

export const PRESET_NAMES = ['recommended', 'strict', 'all'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

/**
 * How each preset maps a rule's catalogue severity, generated from rule metadata so a new rule joins every
 * preset without an edit here:
 * - `recommended` (the default): every rule at its catalogue severity; info rules advise but never fail a run.
 * - `strict`: warnings become errors, so any warning fails CI; advice stays info.
 * - `all`: nothing below warning, so info rules count toward `--max-warnings` too.
 */
const SEVERITY_IN: Record<PresetName, Record<Severity, Severity>> = {
  recommended: { error: 'error', warning: 'warning', info: 'info' },
  strict: { error: 'error', warning: 'error', info: 'info' },
  all: { error: 'error', warning: 'warning', info: 'warning' },
};

export function presetSettings(name: PresetName, rules: readonly AnyRule[]): RuleSettings {
  return Object.fromEntries(rules.map((rule) => [rule.id, SEVERITY_IN[name][rule.meta.severity]]));
}
