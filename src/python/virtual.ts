import { setPath } from '../model/normalize.js';
import type { SourcePath } from '../source/range.js';
import type { Known } from './values.js';
import type { SyntaxNode } from './parser.js';

/** The config sections a script's calls are rewritten into, each read by the adapter of that format. */
export type Part = 'hf' | 'lightning' | 'keras' | 'native';

/** Where a virtual value is written in the script. */
export interface Span {
  readonly start: number;
  readonly end: number;
  /** The literal's text, for rules that judge how a value was written. */
  readonly text: string;
  readonly quoted: boolean;
  /** The literal's value (a Python literal means the same to every reader). */
  readonly value?: unknown;
  /** Not a literal (a class name standing for `class_path`, a call standing for a section): pointed at, never edited. */
  readonly synthetic: boolean;
  /** Where the value flows, when it is not written at its use: appended to diagnostics. */
  readonly note?: string;
}

/**
 * Stands for an argument the script passes but whose value is not static (`lr=self.lr`): the adapters
 * see a written value, so no framework default takes its place, and it is removed before rules run.
 */
export const DYNAMIC = '\u0000dynamic';

/** Where a value is used: the call and keyword (`optim.SGD(lr=…)`) and the place (`line 12`). */
export interface Use {
  readonly what: string;
  readonly at: string;
}

export function spanKey(path: SourcePath): string {
  return path.join('\u0000');
}

/**
 * The configs a script amounts to: the keyword arguments of `TrainingArguments(...)`, `Trainer(...)`,
 * `torch.optim.SGD(...)`, … written out as the YAML/JSON each adapter already reads (TrainingArguments as
 * a HuggingFace dict, torch and Lightning classes as LightningCLI `class_path`/`init_args`, Keras models
 * as `model.to_json()`), with every value's literal remembered. Adapters read code as they read files.
 */
export class VirtualConfig {
  readonly root: Record<string, Record<string, unknown>> = {};
  readonly spans = new Map<string, Span>();
  /** Parts whose calls also take `**kwargs`: the framework's defaults are not applied to them. */
  readonly open = new Set<Part>();

  constructor(private readonly text: string) {}

  /** Writes a known value at `path` (the first element is the part) and remembers its literal and flow. */
  put(path: SourcePath, known: Known, use?: Use): void {
    this.assign(path, known.value);
    this.record(path, known, use);
  }

  /** An argument the code passes with a value that is not static: unknown, and no default stands in for it. */
  dynamic(path: SourcePath, node: SyntaxNode, arity = 1): void {
    this.assign(path, arity > 1 ? Array.from({ length: arity }, () => DYNAMIC) : DYNAMIC);
    this.locate(path, node);
  }

  /** A value the code implies without writing it as a literal (a class name, a call): located, never edited. */
  mark(path: SourcePath, value: unknown, node: SyntaxNode): void {
    this.assign(path, value);
    this.locate(path, node);
  }

  locate(path: SourcePath, node: SyntaxNode): void {
    this.spans.set(spanKey(path), { start: node.from, end: node.to, text: this.text.slice(node.from, node.to), quoted: false, synthetic: true });
  }

  has(part: Part): boolean {
    return Object.hasOwn(this.root, part);
  }

  section(part: Part): Record<string, unknown> {
    return (this.root[part] ??= {});
  }

  private record(path: SourcePath, known: Known, use?: Use): void {
    const note = known.via.length > 0 && use ? ` (set through ${known.via.join(' ← ')}; used by ${use.what} at ${use.at})` : undefined;
    this.spans.set(spanKey(path), {
      start: known.node.from,
      end: known.node.to,
      text: this.text.slice(known.node.from, known.node.to),
      quoted: known.quoted,
      value: known.value,
      synthetic: known.items !== undefined,
      ...(note ? { note } : {}),
    });
    known.items?.forEach((item, index) => this.record([...path, index], item, use));
  }

  private assign(path: SourcePath, value: unknown): void {
    // Keys come from the script (keyword names): `__proto__=` must stay an ordinary key.
    setPath(this.root, path, value);
  }
}
