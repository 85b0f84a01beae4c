import type { TSESLint } from '@typescript-eslint/utils';
import type { EditOp } from '../engine/rule.js';
import type { ExtractedSetup } from './extract.js';

type Fix = (fixer: TSESLint.RuleFixer) => TSESLint.RuleFix[];

/**
 * Turns a rule's canonical edits into one ESLint fix, or undefined when any edit cannot be written into
 * this code (a value that comes from elsewhere, a layer list that is not one array or one block).
 */
export function fixFor(edits: readonly EditOp[], setup: ExtractedSetup, sourceCode: TSESLint.SourceCode): Fix | undefined {
  const parts: Fix[] = [];
  for (const edit of edits) {
    const part = edit.op === 'set' ? setValue(edit, setup) : moveItem(edit, setup, sourceCode);
    if (!part) return undefined;
    parts.push(part);
  }
  return (fixer) => parts.flatMap((part) => part(fixer));
}

function setValue(edit: Extract<EditOp, { op: 'set' }>, setup: ExtractedSetup): Fix | undefined {
  const writer = setup.writers.get(edit.path);
  const text = jsLiteral(edit.value);
  if (!writer || text === undefined) return undefined;
  return (fixer) => [writer(fixer, text)];
}

/** Reorders list items (array elements or `model.add(…)` statements) in place, keeping the text between them. */
function moveItem(edit: Extract<EditOp, { op: 'move' }>, setup: ExtractedSetup, sourceCode: TSESLint.SourceCode): Fix | undefined {
  const items = setup.lists.get(edit.path);
  if (!items || !items[edit.from] || !items[edit.to]) return undefined;
  const low = Math.min(edit.from, edit.to);
  const high = Math.max(edit.from, edit.to);
  // The first layer declares the model's input shape: moving it elsewhere would break the model.
  if (low === 0) return undefined;
  const texts = items.map((item) => sourceCode.getText(item));
  const [moved] = texts.splice(edit.from, 1);
  texts.splice(edit.to, 0, moved!);
  let text = '';
  for (let i = low; i <= high; i++) {
    text += texts[i];
    if (i < high) text += sourceCode.text.slice(items[i]!.range[1], items[i + 1]!.range[0]);
  }
  const range: [number, number] = [items[low]!.range[0], items[high]!.range[1]];
  return (fixer) => [fixer.replaceTextRange(range, text)];
}

/** A value as JavaScript source: numbers, strings, booleans, and arrays of them. */
export function jsLiteral(value: unknown): string | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map(jsLiteral);
    return items.every((item) => item !== undefined) ? `[${items.join(', ')}]` : undefined;
  }
  return undefined;
}
