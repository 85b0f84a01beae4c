import { runRules } from '../engine/lint.js';
import type { DocumentFacts } from '../engine/rule.js';
import type { ResolvedRule } from '../engine/settings.js';
import { parsePointer } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';

/**
 * Asks the project's rules (hplint.config applied) about advice: whether a rule is on at all (a rule turned
 * off gives no advice), and what it says of a value the advisor wants to suggest — the config with `value`
 * at `path` is checked by that rule alone, so the rule stays the one source of truth for ranges (with the
 * project's options and the run's regime). `verdict` is null when the rule is off.
 */
export interface RuleCheck {
  isOn(ruleId: string): boolean;
  verdict(ruleId: string, path: Pointer, value: unknown): { readonly objects: false } | { readonly objects: true; readonly suggested: unknown } | null;
}

export function ruleCheck(config: TrainingConfig, facts: DocumentFacts | undefined, rules: readonly ResolvedRule[]): RuleCheck {
  return {
    isOn: (ruleId) => rules.some((r) => r.rule.id === ruleId),
    verdict(ruleId, path, value) {
      const rule = rules.find((r) => r.rule.id === ruleId);
      if (!rule) return null;
      // Without a readable config there is nothing the value could contradict.
      if (!facts) return { objects: false };
      const finding = runRules(withValue(config, path, value), facts, [rule]).find((f) => f.finding.path === path || f.finding.suggestion?.path === path)?.finding;
      return finding ? { objects: true, suggested: finding.suggestion?.value } : { objects: false };
    },
  };
}

/** A copy of the config with one value replaced (the parents it needs created). */
function withValue(config: TrainingConfig, path: Pointer, value: unknown): TrainingConfig {
  const copy = structuredClone(config) as Record<string | number, unknown>;
  const segments = parsePointer(path);
  let node: Record<string | number, unknown> = copy;
  segments.slice(0, -1).forEach((segment, i) => {
    if (typeof node[segment] !== 'object' || node[segment] === null) node[segment] = typeof segments[i + 1] === 'number' ? [] : {};
    node = node[segment] as Record<string | number, unknown>;
  });
  node[segments.at(-1)!] = value;
  return copy as TrainingConfig;
}
