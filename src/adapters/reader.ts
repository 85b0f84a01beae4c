import { isPlainObject } from '../model/normalize.js';
import type { SourcePath } from '../source/range.js';
import { ConfigBuilder } from './adapter.js';
import type { AdapterOutput } from './adapter.js';

/** A canonical path as `ConfigBuilder` takes it, e.g. `['optimizer', 'learningRate']`. */
export type CanonicalPath = readonly (string | number)[];

/** The value at `path` in parsed data, or undefined when any step is missing. */
export function valueAt(root: unknown, path: SourcePath): unknown {
  let current = root;
  for (const segment of path) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainObject(current) && Object.hasOwn(current, segment)) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

/** A number as written, also from a numeric string (`"2e-5"`); the normaliser reports other strings. */
export function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * YAML leaves an empty value (`max_steps:`) as null, and OmegaConf's `???` marks a value to be given on the
 * command line: either way the file does not set it.
 */
export function isWritten(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '' && value !== '???';
}

/**
 * Reads one parsed file into a ConfigBuilder: every value copied keeps the source path it came from, so
 * diagnostics point at the key in the user's own file.
 */
export class SourceReader {
  constructor(
    readonly root: unknown,
    readonly builder: ConfigBuilder,
  ) {}

  get(path: SourcePath): unknown {
    return valueAt(this.root, path);
  }

  has(path: SourcePath): boolean {
    return isWritten(this.get(path));
  }

  number(path: SourcePath): number | undefined {
    return asNumber(this.get(path));
  }

  string(path: SourcePath): string | undefined {
    return asString(this.get(path));
  }

  /**
   * Copies the written value at `from` to the canonical `to`, through `convert` when given (return
   * undefined to skip the value; a different value is recorded as derived, so fixes leave it alone).
   * Returns whether a value was set.
   */
  copy(from: SourcePath, to: CanonicalPath, convert?: (value: unknown) => unknown): boolean {
    const raw = this.get(from);
    if (!isWritten(raw)) return false;
    const value = convert ? convert(raw) : raw;
    if (value === undefined) return false;
    if (value === raw) this.builder.set(to, value, from);
    else this.builder.setDerived(to, value, from);
    return true;
  }

  /** Copies from the first of several spellings of the same setting that the file writes. */
  copyFirst(froms: readonly SourcePath[], to: CanonicalPath, convert?: (value: unknown) => unknown): SourcePath | undefined {
    return froms.find((from) => this.copy(from, to, convert));
  }

  /** The first of several source paths that the file writes. */
  firstWritten(froms: readonly SourcePath[]): SourcePath | undefined {
    return froms.find((from) => this.has(from));
  }

  /** Sets a framework default at `to` unless the config already has a value there. */
  fallback(to: CanonicalPath, value: unknown, framework: string, anchor?: SourcePath): void {
    if (valueAt(this.builder.config, to) !== undefined) return;
    this.builder.setDefault(to, value, framework, anchor && this.has(anchor) ? anchor : undefined);
  }
}

/** Reads a mapping with `read` into a new builder; anything else reads as nothing. */
export function readMapping(root: unknown, read: (reader: SourceReader, root: Record<string, unknown>) => void): AdapterOutput {
  const builder = new ConfigBuilder();
  if (isPlainObject(root)) read(new SourceReader(root, builder), root);
  return builder.output();
}

/** Counts the keys of a mapping that appear in `known`. */
export function countKeys(root: unknown, known: ReadonlySet<string>): number {
  return isPlainObject(root) ? Object.keys(root).filter((k) => known.has(k)).length : 0;
}
