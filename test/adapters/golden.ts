import { readFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import type { FormatName } from '../../src/adapters/adapter.js';
import { canonicalView } from '../helpers/adapters.js';

/** A fixture under test/fixtures/<dir>/. */
export function fixture(dir: string, file: string): string {
  return readFileSync(path.join(import.meta.dirname, '..', 'fixtures', dir, file), 'utf8');
}

/** The golden view of a file as YAML: format, canonical config, source map and defaults, for file snapshots. */
export function goldenYaml(text: string, inputFormat?: FormatName): string {
  return stringify(canonicalView(text, inputFormat), { lineWidth: 0 });
}

/** Where a golden file lives: test/adapters/__golden__/<adapter>/<name>.yaml. */
export function goldenPath(adapter: string, name: string): string {
  return path.join(import.meta.dirname, '__golden__', adapter, `${name}.yaml`);
}
