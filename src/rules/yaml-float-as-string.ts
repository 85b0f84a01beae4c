import { createRule, NO_OPTIONS } from '../engine/rule.js';
import type { EditOp } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';

/** A number with an exponent, as YAML 1.2 (and JSON) read it: `2e-5`, `1E-4`, `1.0e5`. */
const YAML_12_EXPONENT = /^[-+]?(\.\d+|\d+(\.\d*)?)[eE][-+]?\d+$/;
export default createRule<Record<string, never>>({
  id: 'yaml-float-as-string',
  meta: {
    description: 'A number written like `2e-5` (an exponent with no dot) that the file\'s loader (PyYAML, YAML 1.1) hands to the training code as a string.',
    severity: 'warning',
    tier: null,
    category: 'syntax',
    guide: 'YAML 1.1',
    fixable: 'safe',
    ...NO_OPTIONS,
  },
  check(config, context) {
    // Only where the file's loader leaves the number a string and nothing converts it before the training
    // code (not JSON, OmegaConf or jsonargparse, which read a float; not pydantic, argparse or yacs, which convert).
    const loader = context.document.loader;
    if (!loader?.stringsReachCode) return;
    for (const { path, value } of numbersIn(config, '')) {
      const raw = context.document.rawScalar(path);
      if (!raw || raw.quoted || raw.tag || typeof raw.value !== 'string') continue;
      const text = raw.text.trim();
      // The source must be this very number: adapters may derive a value from a scalar (YOLO's lr0 × lrf).
      if (!YAML_12_EXPONENT.test(text) || Number(text) !== value) continue;
      const fixed = pyyamlFloatText(text, value);
      const edits: EditOp[] = [{ op: 'set', path, value, text: fixed }];
      context.report({
        path,
        message: `${loader.description}, reads ${text} as the string "${text}", not a number: write ${fixed}.`,
        suggestion: { path, value, description: `Write ${fixed}: the same number, read as one by every YAML loader.`, edits },
        fix: edits,
      });
    }
  },
});

/** The same number spelled so PyYAML reads it too: whole numbers plainly, others with a dot and a signed exponent. */
function pyyamlFloatText(text: string, value: number): string {
  const [mantissa = '', exponent = ''] = text.split(/[eE]/);
  if (Number.isSafeInteger(value) && !Object.is(value, -0) && !exponent.startsWith('-')) return String(value);
  const marker = text.includes('E') ? 'E' : 'e';
  const dotted = mantissa.includes('.') ? mantissa : `${mantissa}.0`;
  const signed = /^[-+]/.test(exponent) ? exponent : `+${exponent}`;
  return `${dotted}${marker}${signed}`;
}

/**
 * Every number in the canonical config, with its path: each one is a hyperparameter someone wrote. A
 * string spelling a number with an exponent counts too: it is one where the model keeps values as
 * written (a search's `values`).
 */
function* numbersIn(value: unknown, path: Pointer): Generator<{ path: Pointer; value: number }> {
  if (typeof value === 'number') {
    yield { path, value };
  } else if (typeof value === 'string') {
    if (YAML_12_EXPONENT.test(value.trim())) yield { path, value: Number(value) };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* numbersIn(item, `${path}${pointer(index)}`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* numbersIn(item, `${path}${pointer(key)}`);
  }
}
