import { isDeepStrictEqual } from 'node:util';
import type { Diagnostic } from '../engine/lint.js';
import type { EditOp } from '../engine/rule.js';
import { pointerToDotPath } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { findRule } from '../rules/index.js';
import type { UnrankedSuggestion } from './suggestion.js';
import { parameterRange } from './values.js';
import { valueAtPointer } from '../model/pointer.js';

/**
 * The diagnostics' suggestions as advice: each diagnostic that names a concrete new value becomes one
 * suggestion, with the rule's own value — the value `hplint check --fix-unsafe` writes and the bench's
 * advised arm trains with (one source of truth). When rules name values for the same path (batch-size-extremes
 * and batchnorm-small-batch both move the batch), the value is the one `--fix-unsafe` settles on (`fixed`,
 * the config after it), so advice and fix never disagree. Rules turned off in hplint.config report nothing,
 * so they give no advice.
 */
export function suggestionsFromDiagnostics(diagnostics: readonly Diagnostic[], config: TrainingConfig, format: string, fixed?: TrainingConfig): UnrankedSuggestion[] {
  // The fixed config's value where --fix-unsafe changed it; otherwise (a value it cannot write) the rule's.
  const settled = (path: Pointer, ruleValue: unknown): unknown => {
    const after = fixed ? valueAtPointer(fixed, path) : undefined;
    return after !== undefined && !isDeepStrictEqual(after, valueAtPointer(config, path)) ? after : ruleValue;
  };
  return diagnostics.flatMap((d) => {
    const suggestion = d.suggestion;
    if (!suggestion || suggestion.value === undefined) return [];
    const parameter = pointerToDotPath(suggestion.path);
    const current = valueAtPointer(config, suggestion.path);
    const range = parameterRange(parameter, config, format);
    // A value the rule writes itself is settled by the fix; a composite value (finetune-freezing's layer list, written as per-layer flags) stays the rule's.
    const writesItself = suggestion.edits?.some((op) => op.op === 'set' && op.path === suggestion.path) === true;
    const suggested = writesItself ? settled(suggestion.path, suggestion.value) : suggestion.value;
    const edits = suggestion.edits?.map((op): EditOp => (op.op === 'set' ? { ...op, value: settled(op.path, op.value) } : op));
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
