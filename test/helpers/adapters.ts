import type { FormatName } from '../../src/adapters/adapter.js';
import { readConfig } from '../../src/engine/lint.js';

/**
 * What an adapter made of a file, in a form a reviewer can read in a snapshot: the canonical config, where
 * each canonical value came from (as a dotted source path), which values are framework defaults, and which
 * are derived from their source rather than written there (fixes leave those alone).
 */
export function canonicalView(text: string, inputFormat?: FormatName) {
  const read = readConfig(text, { filePath: 'test.yaml', ...(inputFormat ? { inputFormat } : {}) });
  const sources = Object.fromEntries([...read.sources].map(([pointer, source]) => [pointer, source.join('.')]));
  const defaults = Object.fromEntries([...read.defaults].map(([pointer, d]) => [pointer, d.framework]));
  const derived = [...(read.derived ?? [])].sort();
  return { format: read.format, config: read.config, sources, defaults, ...(derived.length > 0 ? { derived } : {}) };
}
