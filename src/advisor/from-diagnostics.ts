import type { Diagnostic } from '../engine/lint.js';
import type { EditOp } from '../engine/rule.js';
import { pointerToDotPath } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { findRule } from '../rules/index.js';
import type { Range } from '../knowledge/guide.js';
import type { UnrankedSuggestion } from './suggestion.js';
import { inRangeValue, isLogScale, parameterRange, valueAt } from './values.js';

/**
 * The diagnostics' suggestions as advice: each diagnostic that names a concrete new value becomes one
 * suggestion. A rate outside its log-scale range gets a value inside it rather than the range's edge
 * (the rule's fix is the nearest legal value; advice is a good starting point).
 */
export function suggestionsFromDiagnostics(diagnostics: readonly Diagnostic[], config: TrainingConfig): UnrankedSuggestion[] {
  return diagnostics.flatMap((d) => {
    const suggestion = d.suggestion;
    if (!suggestion || suggestion.value === undefined) return [];
    const parameter = pointerToDotPath(suggestion.path);
    const current = valueAt(config, suggestion.path);
    const range = parameterRange(parameter, config);
    const suggested = inside(parameter, current, suggestion.value, range);
    const edits = suggestion.edits?.map((op): EditOp => (op.op === 'set' && op.path === suggestion.path ? { ...op, value: suggested } : op));
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

function inside(parameter: string, current: unknown, suggested: unknown, range: Range | undefined): unknown {
  if (!range || !isLogScale(parameter) || typeof current !== 'number' || typeof suggested !== 'number') return suggested;
  if (current >= range.low && current <= range.high) return suggested;
  return inRangeValue(current, range);
}
