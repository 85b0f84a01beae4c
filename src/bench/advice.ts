import type { Diagnostic } from '../engine/lint.js';
import type { EditOp } from '../engine/rule.js';
import { findRule, lintText } from '../rules/index.js';
import type { NativeConfig } from './config.js';

/**
 * The advised arm's config comes from the rule itself (issue 16, "one source of truth"): the scenario's
 * baseline config is linted, and every finding of the scenario's rule has its suggestion applied once,
 * as `advise --apply` and `check --fix-unsafe` apply it: the suggestion's edit ops (set a value, move a
 * list item), or its value at its path when it names a value but no edit (e.g. "use quasi-random search").
 * One pass, on the findings of the baseline: a milder finding the new value might raise is not chased.
 * Whatever the rule says at run time is what the bench tests.
 */

export interface Advice {
  readonly config: NativeConfig;
  /** The rule's findings on the baseline, with the values they suggest. */
  readonly suggestions: readonly { readonly path: string; readonly value: unknown; readonly message: string }[];
}

export function adviseConfig(ruleId: string, baseline: NativeConfig): Advice {
  if (!findRule(ruleId)) throw new Error(`the bench tests rule "${ruleId}", which is not registered`);
  const text = `${JSON.stringify(baseline, null, 2)}\n`;
  const findings = lintText(text, { filePath: 'bench-scenario.json', rules: { [ruleId]: 'warning' } }).diagnostics.filter((d) => d.ruleId === ruleId);
  if (findings.length === 0) throw new Error(`rule "${ruleId}" reports nothing on the baseline config of its scenario`);
  let config = structuredClone(baseline) as unknown as Json;
  for (const finding of findings) {
    const suggestion = finding.suggestion;
    const ops: readonly EditOp[] = suggestion?.edits?.length ? suggestion.edits : suggestion?.value !== undefined ? [{ op: 'set', path: suggestion.path, value: suggestion.value }] : [];
    for (const op of ops) config = applyOp(config, op);
  }
  if (JSON.stringify(config) === JSON.stringify(baseline)) throw new Error(`rule "${ruleId}" suggests no change the bench can apply`);
  return { config: config as unknown as NativeConfig, suggestions: findings.map(suggestionOf) };
}

function suggestionOf(finding: Diagnostic): Advice['suggestions'][number] {
  return { path: finding.suggestion?.path ?? finding.path, value: finding.suggestion?.value, message: finding.message };
}

type Json = Record<string, unknown> | unknown[];

/** Applies one edit op to a JSON value in place (creating missing objects on a `set`) and returns it. */
function applyOp(root: Json, op: EditOp): Json {
  const keys = op.path.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (op.op === 'move') {
    const list = keys.reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], root);
    if (!Array.isArray(list)) throw new Error(`move: ${op.path} is not a list`);
    const [item] = list.splice(op.from, 1);
    list.splice(op.to, 0, item);
    return root;
  }
  const last = keys.pop();
  if (last === undefined) throw new Error('a suggestion for the whole file cannot be applied');
  let node = root as Record<string, unknown>;
  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[last] = op.value;
  return root;
}
