import { isMap, parseDocument } from 'yaml';
import type { FormatName } from '../adapters/adapter.js';
import { applyEditGroups } from '../engine/fix.js';
import { lintText } from '../rules/index.js';
import type { Diagnostic } from '../engine/lint.js';
import type { EditOp } from '../engine/rule.js';
import { parsePointer } from '../model/pointer.js';
import type { Advice } from './advise.js';
import type { AdvisorSuggestion } from './suggestion.js';

export interface ApplyOptions {
  readonly filePath?: string;
  readonly inputFormat?: FormatName;
}

export interface ApplyOutcome {
  /** The config with the applied suggestions' values. */
  readonly output: string;
  readonly applied: readonly AdvisorSuggestion[];
  /** Suggestions to make by hand: the format cannot take the edit, or the value has nowhere to go. */
  readonly manual: readonly AdvisorSuggestion[];
  /** Diagnostics of the applied suggestions' rules that the copy still gets (none, when the advice is consistent). */
  readonly remaining: readonly Diagnostic[];
}

/**
 * Writes the advice into a copy of the config. Values the file writes are replaced in place by the fix
 * engine (comments and layout kept byte for byte); in hplint's own format a value the file lacks (an early
 * stopping block, a schedule) is added through the YAML document, which keeps comments too.
 */
export function applyAdvice(text: string, advice: Advice, options: ApplyOptions = {}): ApplyOutcome {
  const lintOptions = { filePath: options.filePath ?? advice.filePath, ...(options.inputFormat ? { inputFormat: options.inputFormat } : {}) };
  const withEdits = advice.suggestions.filter((s) => s.edits && s.edits.length > 0);
  const inPlace = applyEditGroups(text, withEdits.map((s) => s.edits!), lintOptions);
  const missing = withEdits.filter((_, i) => !inPlace.applied[i]);
  const added = advice.format === 'native' ? addMissing(inPlace.output, missing) : { output: inPlace.output, added: [] };
  const applied = withEdits.filter((s, i) => inPlace.applied[i] || added.added.includes(s));
  const manual = advice.suggestions.filter((s) => !applied.includes(s));
  const ruleIds = new Set(applied.flatMap((s) => [s.ruleId, ...(s.alsoFrom ?? [])]));
  const remaining = lintText(added.output, lintOptions).diagnostics.filter((d) => ruleIds.has(d.ruleId));
  return { output: added.output, applied, manual, remaining };
}

/** Sets values the file does not write yet, for suggestions made only of `set` ops; one at a time, all or nothing each. */
function addMissing(text: string, suggestions: readonly AdvisorSuggestion[]): { output: string; added: AdvisorSuggestion[] } {
  const doc = parseDocument(text, { version: '1.2', schema: 'core', uniqueKeys: true });
  if (doc.errors.length > 0 || !isMap(doc.contents)) return { output: text, added: [] };
  const added: AdvisorSuggestion[] = [];
  for (const suggestion of suggestions) {
    const sets = suggestion.edits!.filter((op): op is Extract<EditOp, { op: 'set' }> => op.op === 'set');
    if (sets.length !== suggestion.edits!.length) continue;
    for (const op of sets) doc.setIn(parsePointer(op.path), doc.createNode(op.value, { flow: isObject(op.value) }));
    added.push(suggestion);
  }
  // lineWidth 0: a one-line flow map stays on one line, as the file's own flow maps are written.
  return added.length > 0 ? { output: doc.toString({ lineWidth: 0 }), added } : { output: text, added };
}

function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
