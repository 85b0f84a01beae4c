import { pointer as join } from './pointer.js';
import type { Pointer } from './pointer.js';
import { hplintSchema } from './schema.js';
import type { SchemaNode } from './schema.js';
import type { TrainingConfig } from './types.js';

/** A value of the wrong type: dropped from the config, reported by `invalid-value`. */
export interface TypeProblem {
  readonly path: Pointer;
  readonly expected: string;
  readonly value: unknown;
}

/** A key the schema does not know: dropped from the config, reported by `unknown-key` (native only). */
export interface UnknownKey {
  readonly path: Pointer;
  readonly key: string;
  /** The keys the schema allows where this one stands, for a "did you mean" suggestion. */
  readonly known: readonly string[];
}

export interface Normalized {
  readonly config: TrainingConfig;
  readonly typeProblems: readonly TypeProblem[];
  readonly unknownKeys: readonly UnknownKey[];
}

/**
 * Makes a loosely built object (what an adapter read) honest to the TrainingConfig type: numeric strings
 * become numbers, values of the wrong type and unknown keys are set aside with their paths. Array indexes
 * are kept stable (a bad item becomes an empty object) so that paths still point at the right source.
 */
export function normalizeConfig(loose: unknown): Normalized {
  const typeProblems: TypeProblem[] = [];
  const unknownKeys: UnknownKey[] = [];
  const walk = (value: unknown, schema: SchemaNode, path: Pointer): unknown => {
    if (schema.anyOf) {
      for (const option of schema.anyOf) {
        const attempt: TypeProblem[] = [];
        const result = normalizeWith(value, option, path, attempt);
        if (attempt.length === 0) return result;
      }
      typeProblems.push({ path, expected: describe(schema), value });
      return undefined;
    }
    return normalizeWith(value, schema, path, typeProblems);
  };
  const normalizeWith = (value: unknown, schema: SchemaNode, path: Pointer, problems: TypeProblem[]): unknown => {
    const types = typeof schema.type === 'string' ? [schema.type] : (schema.type ?? []);
    if (value === null && types.includes('null')) return null;
    if (types.includes('object')) {
      if (!isPlainObject(value)) {
        problems.push({ path, expected: 'a mapping', value });
        return undefined;
      }
      const out: Record<string, unknown> = {};
      const properties = schema.properties ?? {};
      for (const key of Object.keys(value)) {
        const childPath = `${path}${join(key)}`;
        const childSchema = Object.hasOwn(properties, key) ? properties[key] : undefined;
        if (!childSchema) {
          unknownKeys.push({ path: childPath, key, known: Object.keys(properties) });
          continue;
        }
        const child = walk(value[key], childSchema, childPath);
        if (child !== undefined) defineOwn(out, key, child);
      }
      return out;
    }
    if (types.includes('array')) {
      if (!Array.isArray(value)) {
        problems.push({ path, expected: 'a list', value });
        return undefined;
      }
      const itemSchema = schema.items;
      if (!itemSchema || Object.keys(itemSchema).length === 0) return value.slice();
      return value.map((item, index) => {
        const result = walk(item, itemSchema, `${path}/${index}`);
        const isObjectItem = itemSchema.type === 'object';
        return result === undefined && isObjectItem ? {} : result;
      });
    }
    if (schema.enum && !schema.enum.includes(value)) {
      problems.push({ path, expected: `one of ${schema.enum.join(', ')}`, value });
      return undefined;
    }
    if (types.includes('number') || types.includes('integer')) {
      const number = toNumber(value);
      if (number === undefined) {
        problems.push({ path, expected: 'a number', value });
        return undefined;
      }
      if (types.includes('integer') && Number.isFinite(number) && !Number.isInteger(number)) {
        problems.push({ path, expected: 'a whole number', value });
        return undefined;
      }
      return number;
    }
    if (types.includes('boolean')) {
      if (typeof value !== 'boolean') {
        problems.push({ path, expected: 'true or false', value });
        return undefined;
      }
      return value;
    }
    if (types.includes('string')) {
      if (typeof value === 'string') return value;
      if (typeof value === 'number' || typeof value === 'boolean') return String(value);
      problems.push({ path, expected: 'a string', value });
      return undefined;
    }
    return value;
  };
  const config = walk(loose, hplintSchema as SchemaNode, '') ?? {};
  return { config: config as TrainingConfig, typeProblems, unknownKeys };
}

/** Numbers, and strings that spell one ("1e-3", " 0.5 "): loaders differ, the value is unambiguous. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return undefined;
  return Number(text);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Sets `value` at `path` below `root`, creating the containers on the way (a list where the next segment is a
 * number), every key through `defineOwn`.
 */
export function setPath(root: Record<string | number, unknown>, path: readonly (string | number)[], value: unknown): void {
  let container = root;
  const last = path.length - 1;
  for (let index = 0; index < last; index++) {
    const segment = path[index]!;
    if (typeof container[segment] !== 'object' || container[segment] === null) defineOwn(container, segment, typeof path[index + 1] === 'number' ? [] : {});
    container = container[segment] as Record<string | number, unknown>;
  }
  if (last >= 0) defineOwn(container, path[last]!, value);
}

/** Sets a key as an own data property, so `__proto__` in a file can never reach a prototype. */
export function defineOwn(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  // Only `__proto__` is an accessor on Object.prototype: every other key is set as an own property by a plain store.
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

function describe(schema: SchemaNode): string {
  if (schema.description) return schema.description.replace(/\.$/, '').toLowerCase();
  return 'a value of another type';
}
