import { createRule, optionsSchema } from '../engine/rule.js';
import { parentPointer, pointerToDotPath } from '../model/pointer.js';
import { hplintSchema } from '../model/schema.js';
import type { SchemaNode } from '../model/schema.js';
import type { RawScalar } from '../source/document.js';

export interface Options {
  /** A known key is suggested when at most this fraction of the unknown key's characters must change. */
  readonly maxEditRatio: number;
}

/** Abbreviations ML configs use for canonical keys; spelling variants (snake_case, case) need no entry. */
const ALIASES: Readonly<Record<string, string>> = { lr: 'learningRate', eps: 'epsilon', wd: 'weightDecay', bs: 'batchSize' };

/** Own entries only: a key named `constructor` or `__proto__` must not find Object.prototype's. */
function aliasOf(key: string): string | undefined {
  const lower = key.toLowerCase();
  return Object.hasOwn(ALIASES, lower) ? ALIASES[lower] : undefined;
}

export default createRule<Options>({
  id: 'unknown-key',
  meta: {
    description: 'A key hplint\'s format does not know (a typo, or another format\'s name): its value is ignored.',
    severity: 'warning',
    tier: null,
    category: 'syntax',
    guide: 'schema',
    fixable: false,
    formats: ['native'],
    optionsSchema: optionsSchema({ maxEditRatio: { type: 'number', minimum: 0, maximum: 1 } }),
    defaultOptions: { maxEditRatio: 1 / 3 },
  },
  check(_config, context) {
    for (const { path, key, known } of context.document.unknownKeys) {
      const parent = pointerToDotPath(parentPointer(path) ?? '');
      const where = parent === '' ? 'at the top level' : `in ${parent}`;
      const closest = closestKey(key, known, context.options.maxEditRatio);
      const moved = closest ? undefined : placeElsewhere(key, parent, shapeOf(context.document.rawScalar(path)));
      const message = closest
        ? `did you mean "${closest}"?`
        : moved
          ? `did you mean ${moved}?`
          : `known keys: ${known.join(', ')}.`;
      context.report({
        path,
        message: `Unknown key "${key}" ${where} (its value is ignored)${closest || moved ? ': ' : '; '}${message}`,
        ...(closest ? { suggestion: { path, description: `Rename "${key}" to "${closest}".` } } : {}),
        ...(moved ? { suggestion: { path, description: `Move "${key}" to ${moved}.` } } : {}),
      });
    }
  },
});

/** What can be moved: a number (a hyperparameter's value) or a whole section; names and flags are too generic. */
type Shape = 'number' | 'section' | 'other';

function shapeOf(raw: RawScalar | undefined): Shape {
  if (!raw) return 'section';
  return !raw.quoted && raw.text.trim() !== '' && Number.isFinite(Number(raw.text)) ? 'number' : 'other';
}

/**
 * The one section of the format that has this key (`epochs` → `training.epochs`), when a number or a section
 * was written at the wrong level.
 */
function placeElsewhere(key: string, parent: string, shape: Shape): string | undefined {
  if (shape === 'other') return undefined;
  const wanted = comparable(aliasOf(key) ?? key);
  const places = SECTION_KEYS.filter((p) => comparable(p.key) === wanted && p.section !== parent && p.shape === shape);
  return places.length === 1 ? [places[0]!.section, places[0]!.key].filter(Boolean).join('.') : undefined;
}

/**
 * Every key of every section of the schema, with the section's dot path. List items (layers, loss terms) and
 * LoRA adapters are left out: a bare `dropout` or `rate` does not say which layer or adapter it belongs to.
 */
const SECTION_KEYS: readonly { section: string; key: string; shape: Shape }[] = (() => {
  const out: { section: string; key: string; shape: Shape }[] = [];
  const walk = (node: SchemaNode, section: string): void => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const path = section ? `${section}.${key}` : key;
      if (path === 'model.lora') continue;
      const numeric = child.type === 'number' || child.type === 'integer';
      out.push({ section, key, shape: child.properties ? 'section' : numeric ? 'number' : 'other' });
      if (child.properties) walk(child, path);
    }
  };
  walk(hplintSchema as SchemaNode, '');
  return out;
})();

/** The known key nearest by edit distance, ignoring case, `_` and `-` (`learning_rate` → `learningRate`). */
function closestKey(key: string, known: readonly string[], maxEditRatio: number): string | undefined {
  const alias = aliasOf(key);
  if (alias && known.includes(alias)) return alias;
  const target = comparable(key);
  let best: { key: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(target, comparable(candidate));
    if (!best || distance < best.distance) best = { key: candidate, distance };
  }
  return best && best.distance <= Math.floor(target.length * maxEditRatio) ? best.key : undefined;
}

function comparable(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

/** Levenshtein distance: insertions, deletions and substitutions, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
