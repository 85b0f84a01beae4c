import { isPlainObject } from '../model/normalize.js';
import { TOP_LEVEL_KEYS } from '../model/schema.js';
import { ConfigBuilder } from './adapter.js';
import type { Adapter } from './adapter.js';
import { LOADERS } from './loaders.js';

/** Keys that mark another framework's file even where its top-level keys overlap ours (Lightning's `model`). */
const FOREIGN_MARKERS = ['class_path', 'init_args', '_target_'];

/** hplint's own format: the canonical model written out, so reading it is the identity. */
export const nativeAdapter: Adapter = {
  name: 'native',
  description: "hplint's own YAML/JSON format (schema/hplint.schema.json)",
  loader: () => LOADERS.hplint,
  detect(root) {
    if (!isPlainObject(root)) return 0;
    const keys = Object.keys(root).filter((k) => k !== '$schema');
    if (keys.length === 0) return 0;
    const native = keys.filter((k) => TOP_LEVEL_KEYS.includes(k));
    if (native.length === 0) return 0;
    if (native.some((k) => hasForeignMarker(root[k]))) return 0;
    return native.length / keys.length;
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
