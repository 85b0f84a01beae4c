import { createRule, NO_OPTIONS } from '../engine/rule.js';
import type { EditOp } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';

/** A number with an exponent, as YAML 1.2 (and JSON) read it: `2e-5`, `1E-4`, `1.0e5`. */
const YAML_12_EXPONENT = /^[-+]?(\.\d+|\d+(\.\d*)?)[eE][-+]?\d+$/;
/** PyYAML's float resolver (YAML 1.1): a dot in the mantissa and a signed exponent are both required. */
const PYYAML_FLOAT = /^[-+]?(\d[\d_]*\.[\d_]*|\.[\d_]+)([eE][-+]\d+)?$/;
export default createRule<Record<string, never>>({
  id: 'yaml-float-as-string',
  meta: {
    description: 'A number written like `2e-5` (an exponent with no dot): YAML 1.1 loaders such as PyYAML read it as a string.',
    severity: 'warning',
    tier: null,
    category: 'syntax',
    guide: 'YAML 1.1',
    fixable: 'safe',
    ...NO_OPTIONS,
  },
  check(config, context) {
    // Only YAML text that its framework reads with a plain YAML 1.1 loader is at risk (not JSON, not jsonargparse).
    if (!context.document.exponentsAsStrings) return;
    for (const { path, value } of numbersIn(config, '')) {
      const raw = context.document.rawScalar(path);
      if (!raw || raw.quoted || raw.tag) continue;
      const text = raw.text.trim();
      // The source must be this very number: adapters may derive a value from a scalar (YOLO's lr0 × lrf).
      if (!YAML_12_EXPONENT.test(text) || PYYAML_FLOAT.test(text) || Number(text) !== value) continue;
      const fixed = pyyamlFloatText(text, value);
      const edits: EditOp[] = [{ op: 'set', path, value, text: fixed }];
      context.report({
        path,
        message: `YAML 1.1 loaders (PyYAML, used by most Python training code) read ${text} as the string "${text}", not a number: write ${fixed}.`,
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

/** Every number in the canonical config, with its path: each one is a hyperparameter someone wrote. */
function* numbersIn(value: unknown, path: Pointer): Generator<{ path: Pointer; value: number }> {
  if (typeof value === 'number') {
    yield { path, value };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) yield* numbersIn(item, `${path}${pointer(index)}`);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) yield* numbersIn(item, `${path}${pointer(key)}`);
  }
}
