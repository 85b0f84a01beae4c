import { isPlainObject } from '../model/normalize.js';
import { hplintSchema, TOP_LEVEL_KEYS } from '../model/schema.js';
import type { SchemaNode } from '../model/schema.js';
import { ConfigBuilder } from './adapter.js';
import type { Adapter } from './adapter.js';
import { LOADERS } from './loaders.js';

/** Keys that mark another framework's file even where its top-level keys overlap ours (Lightning's `model`). */
const FOREIGN_MARKERS = ['class_path', 'init_args', '_target_', '_component_'];

const SECTIONS = hplintSchema.properties as Readonly<Record<string, SchemaNode>>;
/** A file of our sections only, but in none of our keys, is ours when it has at most this many of them. */
const FEW_UNKNOWN_KEYS = 3;

/**
 * hplint's own format: the canonical model written out, so reading it is the identity. Its section names
 * (`model`, `optimizer`, `training`, …) are everyone's, so a file is native only on positive evidence: a
 * `$schema` naming hplint's schema, or sections written mostly in the canonical keys (`learningRate`,
 * `batchSize`). Anything else — a torchtune recipe, a DeepSpeed or OLMo config with an `optimizer` section —
 * is not claimed, and unknown-key never floods a file hplint does not read.
 */
export const nativeAdapter: Adapter = {
  name: 'native',
  description: "hplint's own YAML/JSON format (schema/hplint.schema.json)",
  loader: () => LOADERS.hplint,
  detect(root) {
    if (!isPlainObject(root)) return 0;
    if (typeof root.$schema === 'string' && /hplint/i.test(root.$schema)) return 1;
    const keys = Object.keys(root).filter((k) => k !== '$schema');
    const native = keys.filter((k) => TOP_LEVEL_KEYS.includes(k));
    if (native.length === 0 || native.some((k) => hasForeignMarker(root[k]))) return 0;
    let canonical = 0;
    let other = 0;
    let misshapen = false;
    for (const key of native) {
      const keys = canonicalKeys(root[key], SECTIONS[key]!);
      if (!keys) misshapen = true;
      canonical += keys?.[0] ?? 0;
      other += keys?.[1] ?? 1;
    }
    const sections = native.length / keys.length;
    const inside = canonical / Math.max(1, canonical + other);
    // Most of the file must be ours, and most of what its sections say must be said in our words…
    if (canonical > 0 && sections >= 0.5 && inside >= 0.5) return Math.min(sections, inside);
    // …or a small file made of our sections only, whose few keys are misspelt (unknown-key names the right ones).
    return sections === 1 && !misshapen && other <= FEW_UNKNOWN_KEYS ? 0.5 : 0;
  },
  read(root) {
    const builder = new ConfigBuilder();
    if (!isPlainObject(root)) return builder.output();
    // Values are taken whole at the top level; every nested node only adds its own source path.
    const locate = (value: unknown, path: (string | number)[]): void => {
      builder.locate(path, path);
      if (Array.isArray(value)) value.forEach((item, index) => locate(item, [...path, index]));
      else if (isPlainObject(value)) for (const key of Object.keys(value)) locate(value[key], [...path, key]);
    };
    for (const key of Object.keys(root)) {
      builder.set([key], root[key], [key]);
      locate(root[key], [key]);
    }
    return builder.output();
  },
};

function hasForeignMarker(value: unknown): boolean {
  return isPlainObject(value) && FOREIGN_MARKERS.some((m) => Object.hasOwn(value, m));
}

/**
 * How many of a section's own keys (or its list items' keys) are canonical, and how many are not
 * (`pretrained: true` is one of ours); undefined for a section of the wrong shape (`optimizer: adamw`).
 */
function canonicalKeys(value: unknown, schema: SchemaNode): [number, number] | undefined {
  if (schema.items?.properties) {
    if (!Array.isArray(value)) return undefined;
    let known = 0;
    let unknown = 0;
    for (const item of value) {
      const [k, u] = canonicalKeys(item, schema.items) ?? [0, 1];
      known += k;
      unknown += u;
    }
    return [known, unknown];
  }
  const properties = schema.properties;
  if (properties) {
    if (!isPlainObject(value)) return undefined;
    const keys = Object.keys(value);
    const known = keys.filter((k) => Object.hasOwn(properties, k)).length;
    return [known, keys.length - known];
  }
  // A scalar section (`pretrained`): YAML 1.2 reads PyYAML's `yes` as a string, so any scalar has the shape.
  return value === null || typeof value === 'object' ? undefined : [1, 0];
}
