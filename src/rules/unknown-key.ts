import { createRule } from '../engine/rule.js';
import { parentPointer, pointerToDotPath } from '../model/pointer.js';

export interface Options {
  /** A known key is suggested when at most this fraction of the unknown key's characters must change. */
  readonly maxEditRatio: number;
}

/** Abbreviations ML configs use for canonical keys; spelling variants (snake_case, case) need no entry. */
const ALIASES: Readonly<Record<string, string>> = { lr: 'learningRate', eps: 'epsilon', wd: 'weightDecay', bs: 'batchSize' };

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
    optionsSchema: {
      type: 'object',
      additionalProperties: false,
      properties: { maxEditRatio: { type: 'number', minimum: 0, maximum: 1 } },
    },
    defaultOptions: { maxEditRatio: 1 / 3 },
  },
  check(_config, context) {
    for (const { path, key, known } of context.document.unknownKeys) {
      const parent = pointerToDotPath(parentPointer(path) ?? '');
      const where = parent === '' ? 'at the top level' : `in ${parent}`;
      const closest = closestKey(key, known, context.options.maxEditRatio);
      context.report({
        path,
        message: closest
          ? `Unknown key "${key}" ${where} (its value is ignored): did you mean "${closest}"?`
          : `Unknown key "${key}" ${where} (its value is ignored); known keys: ${known.join(', ')}.`,
        ...(closest ? { suggestion: { path, description: `Rename "${key}" to "${closest}".` } } : {}),
      });
    }
  },
});

/** The known key nearest by edit distance, ignoring case, `_` and `-` (`learning_rate` → `learningRate`). */
function closestKey(key: string, known: readonly string[], maxEditRatio: number): string | undefined {
  const alias = ALIASES[key.toLowerCase()];
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
