import { setPath } from '../model/normalize.js';
import { pointer } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { SourcePath } from '../source/range.js';
import type { Loader } from './loaders.js';

/** The formats hplint reads; `unknown` is a file that is not a training config; `python` and `notebook` are training code, read through the other formats' adapters. */
export type FormatName = 'native' | 'hf' | 'keras' | 'tfjs' | 'lightning' | 'yolo' | 'sweep' | 'detectron2' | 'python' | 'notebook' | 'unknown';

/** A framework default filled in by an adapter, so a diagnostic can say "the TF.js default 0.001". */
export interface DefaultValue {
  /** Who applies the default: "TF.js", "Keras", "HuggingFace", … */
  readonly framework: string;
  /** Where to point when reporting on it: the source of the nearest written value. */
  readonly anchor?: SourcePath;
}

/** What an adapter read: a loose canonical object and where each canonical value came from. */
export interface AdapterOutput {
  readonly config: Record<string, unknown>;
  readonly sources: ReadonlyMap<Pointer, SourcePath>;
  readonly defaults?: ReadonlyMap<Pointer, DefaultValue>;
  /**
   * Values computed from what the file writes rather than written as such (`lr0 × lrf`, `eval_strategy: no`
   * → `validationSplit: 0`): diagnostics point at their source, but fixes never edit it.
   */
  readonly derived?: ReadonlySet<Pointer>;
}

/**
 * An input format. `detect` looks at the parsed data only (never the file name) and answers with a
 * confidence in [0, 1]; the most confident adapter reads the file.
 */
export interface Adapter {
  readonly name: Exclude<FormatName, 'unknown'>;
  readonly description: string;
  detect(root: unknown): number;
  /**
   * The loader the framework reads a YAML file of this format with (loaders.ts): `root` is the file as
   * YAML 1.2 reads it, enough to tell dialects apart (axolotl from a TrainingArguments recipe). The engine
   * then parses the file again with the loader's scalar rules and `read` gets that data.
   */
  loader(root: unknown): Loader;
  read(root: unknown): AdapterOutput;
}

/**
 * Records canonical values together with their source paths; adapters use it so the map and the
 * config cannot drift apart.
 */
export class ConfigBuilder {
  readonly config: Record<string, unknown> = {};
  readonly sources = new Map<Pointer, SourcePath>();
  readonly defaults = new Map<Pointer, DefaultValue>();
  readonly derived = new Set<Pointer>();

  /** Sets `value` at the canonical `path` (created as needed) and remembers where it was read. */
  set(path: readonly (string | number)[], value: unknown, source?: SourcePath): void {
    if (value === undefined) return;
    setPath(this.config as Record<string | number, unknown>, path, value);
    if (source) this.sources.set(pointer(...path), source);
  }

  /** Sets a framework default: the value the framework uses because the file does not say. */
  setDefault(path: readonly (string | number)[], value: unknown, framework: string, anchor?: SourcePath): void {
    this.set(path, value);
    this.defaults.set(pointer(...path), { framework, ...(anchor ? { anchor } : {}) });
  }

  /** Sets a value computed from the file's `source`, not written there as such: pointed at, never edited. */
  setDerived(path: readonly (string | number)[], value: unknown, source: SourcePath): void {
    this.set(path, value, source);
    this.derived.add(pointer(...path));
  }

  /** Records a source for a canonical container (a layer, a loss term) without setting a value. */
  locate(path: readonly (string | number)[], source: SourcePath): void {
    this.sources.set(pointer(...path), source);
  }

  output(): AdapterOutput {
    return { config: this.config, sources: this.sources, defaults: this.defaults, derived: this.derived };
  }
}
