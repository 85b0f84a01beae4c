import type { Diagnostic } from '../engine/lint.js';
import type { EditOp } from '../engine/rule.js';
import { pointerToDotPath } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { findRule } from '../rules/index.js';
import type { UnrankedSuggestion } from './suggestion.js';
import { parameterRange, valueAt } from './values.js';

/**
 * The diagnostics' suggestions as advice: each diagnostic that names a concrete new value becomes one
 * suggestion, with the rule's own value — the value `hplint check --fix-unsafe` writes and the bench's
 * advised arm trains with (one source of truth). Rules turned off in hplint.config report nothing, so they
 * give no advice.
 */
export function suggestionsFromDiagnostics(diagnostics: readonly Diagnostic[], config: TrainingConfig): UnrankedSuggestion[] {
  return diagnostics.flatMap((d) => {
    const suggestion = d.suggestion;
    if (!suggestion || suggestion.value === undefined) return [];
    const parameter = pointerToDotPath(suggestion.path);
    const current = valueAt(config, suggestion.path);
    const range = parameterRange(parameter, config);
    const suggested = suggestion.value;
    const edits: readonly EditOp[] | undefined = suggestion.edits;
    return [{
      tier: d.tier,
      parameter,
      current,
      suggested,
      range: range ? [range.low, range.high] : null,
      ruleId: d.ruleId,
      source: 'config',
      severity: d.severity,
      rationale: d.message,
      guide: findRule(d.ruleId)?.meta.guide ?? '',
      ...(edits && edits.length > 0 ? { edits } : {}),
    }];
  });
}
