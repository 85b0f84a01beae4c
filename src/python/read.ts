import { ConfigBuilder } from '../adapters/adapter.js';
import type { AdapterOutput, DefaultValue } from '../adapters/adapter.js';
import { hfAdapter } from '../adapters/hf.js';
import { asAdapter } from '../adapters/index.js';
import { kerasAdapter } from '../adapters/keras.js';
import { findTrainingConfig, readTopology, readTrainingConfig, unwrapTopology } from '../adapters/keras-model.js';
import { lightningAdapter } from '../adapters/lightning.js';
import { nativeAdapter } from '../adapters/native.js';
import { isPlainObject } from '../model/normalize.js';
import { parsePointer } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { ParseProblem, SourceDocument } from '../source/document.js';
import { lineLocator } from '../source/range.js';
import type { SourcePath, SourceRange } from '../source/range.js';
import { readHuggingFace } from './frameworks/hf.js';
import { readKeras } from './frameworks/keras.js';
import { readLightning } from './frameworks/lightning.js';
import { readTorch } from './frameworks/torch.js';
import { cellLine, notebookCode } from './notebook.js';
import type { NotebookCode } from './notebook.js';
import { parsePython } from './parser.js';
import { FileIndex } from './values.js';
import { DYNAMIC, spanKey, VirtualConfig } from './virtual.js';
import type { Part, Span } from './virtual.js';

/** Frameworks whose import makes a script a training script hplint reads. */
const FRAMEWORK_IMPORTS = /^[ \t]*(?:import|from)[ \t]+(torch|tensorflow|keras|tf_keras|transformers|trl|peft|lightning|pytorch_lightning)\b/gm;

/** The supported frameworks a script imports, in the order they first appear. */
function importedFrameworks(code: string): Set<string> {
  const found = new Set<string>();
  FRAMEWORK_IMPORTS.lastIndex = 0;
  for (let match = FRAMEWORK_IMPORTS.exec(code); match; match = FRAMEWORK_IMPORTS.exec(code)) found.add(match[1]!);
  return found;
}

export type CodeFormat = 'python' | 'notebook';

/** A script or notebook read into the canonical model through the adapters of the formats its calls stand for. */
export interface CodeRead {
  readonly document: CodeDocument;
  readonly format: CodeFormat | 'unknown';
  readonly reason: string;
  readonly output?: AdapterOutput;
  /** Where a canonical value's literal flows ("set through the argparse default of `--lr` …"), and its notebook cell. */
  note(path: Pointer, sources: ReadonlyMap<Pointer, SourcePath>): string;
}

/** A code file as a source document: virtual source paths map to the literals' ranges in the file. */
export interface CodeDocument extends SourceDocument {
  /** The edit that writes `value` where the value at `path` is written, or undefined when it is not a literal. */
  replaceValue(path: SourcePath, value: unknown): { start: number; end: number; text: string } | undefined;
}

export function isCodePath(filePath: string): CodeFormat | undefined {
  if (/\.pyw?$/i.test(filePath)) return 'python';
  if (/\.ipynb$/i.test(filePath)) return 'notebook';
  return undefined;
}

export function readCode(text: string, filePath: string, format: CodeFormat): CodeRead {
  const notebook = format === 'notebook' ? notebookCode(text, filePath) : undefined;
  if (notebook && 'error' in notebook) return unread(text, filePath, notebook.error);
  const code = notebook ? notebook.code : text;
  const frameworks = importedFrameworks(code);
  const [first] = frameworks;
  if (!first) return unread(text, filePath, 'imports no supported framework (torch, tensorflow/keras, transformers, trl, peft, lightning)');
  const out = new VirtualConfig(code);
  const mapping = new Mapping(text, notebook);
  // A script's notes and its diagnostics' ranges share one index of line starts.
  const where = notebook ? (offset: number) => { const at = cellLine(notebook, offset); return `cell ${at.cell}, line ${at.line}`; } : (offset: number) => `line ${mapping.position(offset).line}`;
  const index = new FileIndex(code, parsePython(code).topNode, where);
  if (index.error) {
    const problem: ParseProblem = { message: index.error.message, range: mapping.range(index.error.start, index.error.end) };
    return { document: codeDocument(text, filePath, out, mapping, [problem]), format, reason: 'the file does not parse', note: () => '' };
  }
  const script = { text: code, index, out };
  // Each framework's module reads only files that import it (Lightning modules build torch optimizers).
  if (frameworks.has('torch') || frameworks.has('lightning') || frameworks.has('pytorch_lightning')) readTorch(script);
  if (frameworks.has('tensorflow') || frameworks.has('keras') || frameworks.has('tf_keras')) readKeras(script);
  if (frameworks.has('transformers') || frameworks.has('trl') || frameworks.has('peft')) readHuggingFace(script);
  if (frameworks.has('lightning') || frameworks.has('pytorch_lightning')) readLightning(script);
  const output = mergeParts(out);
  return {
    document: codeDocument(text, filePath, out, mapping, []),
    format,
    reason: `a ${first} training ${format === 'notebook' ? 'notebook' : 'script'}`,
    output,
    note(path, sources) {
      const source = sources.get(path);
      const span = source ? out.spans.get(spanKey(source)) : undefined;
      const flow = span?.note ?? '';
      if (!notebook || !span) return flow;
      const at = cellLine(notebook, span.start);
      return `${flow} [cell ${at.cell}, line ${at.line}]`;
    },
  };
}

/** A code file as a document that nothing was read from (an adapter failed on it). */
export function unreadCode(text: string, filePath: string): CodeDocument {
  return unread(text, filePath, '').document;
}

function unread(text: string, filePath: string, reason: string): CodeRead {
  const mapping = new Mapping(text, undefined);
  return { document: codeDocument(text, filePath, new VirtualConfig(''), mapping, []), format: 'unknown', reason, note: () => '' };
}

/** Code offsets → file offsets (the identity for a script, through JSON escapes for a notebook) → ranges. */
class Mapping {
  private locate?: (offset: number) => { line: number; column: number };

  constructor(
    private readonly text: string,
    private readonly notebook: NotebookCode | undefined,
  ) {}

  span(start: number, end: number): [number, number] {
    if (!this.notebook) return [start, end];
    const last = Math.max(start, end - 1);
    return [this.notebook.start[start] ?? this.text.length, end > start ? (this.notebook.end[last] ?? this.text.length) : (this.notebook.start[start] ?? this.text.length)];
  }

  /** The line and column of a file offset; line starts are computed on first use: most files need none. */
  position(offset: number): { line: number; column: number } {
    this.locate ??= lineLocator(this.text);
    return this.locate(offset);
  }

  range(codeStart: number, codeEnd: number): SourceRange {
    const [start, end] = this.span(codeStart, codeEnd);
    const a = this.position(start);
    const b = this.position(end);
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column, start, end };
  }

  /** A replacement as it is written in the file: a notebook holds code inside JSON strings. */
  escape(text: string): string {
    return this.notebook ? JSON.stringify(text).slice(1, -1) : text;
  }
}

function codeDocument(text: string, filePath: string, out: VirtualConfig, mapping: Mapping, problems: readonly ParseProblem[]): CodeDocument {
  let lines: string[] | undefined;
  /** The span of a path, or of its nearest located ancestor (a call standing for its section). */
  const spanOf = (path: SourcePath): Span | undefined => {
    for (let length = path.length; length > 0; length--) {
      const span = out.spans.get(spanKey(path.slice(0, length)));
      if (span) return span;
    }
    return undefined;
  };
  return {
    filePath,
    text,
    root: out.root,
    problems,
    tags: [],
    // Not YAML: no scalar rules apply to Python literals; the value is the literal's.
    scalarRules: 'yaml-1.2',
    rangeOf(path) {
      const span = spanOf(path);
      return span ? mapping.range(span.start, span.end) : undefined;
    },
    rawScalar(path) {
      const span = out.spans.get(spanKey(path));
      return span && !span.synthetic ? { text: span.text, quoted: span.quoted, value: span.value } : undefined;
    },
    lineText(line) {
      lines ??= text.split(/\r?\n|\r/);
      return lines[line - 1] ?? '';
    },
    replaceValue(path, value) {
      const span = out.spans.get(spanKey(path));
      const written = pythonLiteral(value);
      if (!span || span.synthetic || written === undefined) return undefined;
      const [start, end] = mapping.span(span.start, span.end);
      return { start, end, text: mapping.escape(written) };
    },
  };
}

/** A value as Python source: `True`, `2e-05`, `'adamw'`; undefined for what has no literal. */
export function pythonLiteral(value: unknown): string | undefined {
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'string') return JSON.stringify(value);
  return undefined;
}

const PART_ORDER: readonly Part[] = ['hf', 'lightning', 'keras', 'native'];

/**
 * Each part read by its format's adapter, merged into one canonical config: the first part to set a value
 * keeps it, and source paths are prefixed with the part so they resolve to the script's literals.
 */
function mergeParts(out: VirtualConfig): AdapterOutput {
  const merged = new ConfigBuilder();
  for (const part of PART_ORDER) {
    if (!out.has(part)) continue;
    const output = readPart(part, out.root[part]!);
    const open = out.open.has(part);
    // Defaults are taken out of a copy: the adapter's own output stays as it read it.
    const config = open ? structuredClone(output.config) : output.config;
    for (const [path, value] of output.defaults ?? []) {
      // The call also takes `**kwargs`: a value it may set is unknown, not the framework's default.
      if (open) removeAt(config, path);
      else if (!merged.defaults.has(path) && !merged.sources.has(path)) merged.defaults.set(path, prefixDefault(value, part));
    }
    mergeInto(merged.config, config);
    for (const [path, source] of output.sources) if (!merged.sources.has(path)) merged.sources.set(path, [part, ...source]);
    for (const path of output.derived ?? []) merged.derived.add(path);
  }
  removeDynamic(merged.config);
  return merged.output();
}

/** One part read by its format's adapter; an adapter that throws is named (AdapterFailure), as for configs. */
function readPart(part: Part, root: Record<string, unknown>): AdapterOutput {
  switch (part) {
    case 'hf':
      return asAdapter(hfAdapter, () => hfAdapter.read(root));
    case 'lightning':
      return asAdapter(lightningAdapter, () => lightningAdapter.read(root));
    case 'native':
      return asAdapter(nativeAdapter, () => nativeAdapter.read(root));
    case 'keras':
      return asAdapter(kerasAdapter, () => {
        // Compile without a Sequential model still has a training config: read each part on its own.
        const builder = new ConfigBuilder();
        const found = unwrapTopology(root, []);
        const outputs = found ? readTopology(builder, found.topology, found.path) : [];
        const training = findTrainingConfig(root, []);
        if (training) readTrainingConfig(builder, training.config, training.path, outputs);
        return builder.output();
      });
  }
}

function prefixDefault(value: DefaultValue, part: Part): DefaultValue {
  return value.anchor ? { ...value, anchor: [part, ...value.anchor] } : value;
}

/** Adds what `source` has and `target` lacks, recursively; values already in `target` win. */
function mergeInto(target: Record<string, unknown>, source: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (existing === undefined) target[key] = value;
    else if (isPlainObject(existing) && isPlainObject(value)) mergeInto(existing, value);
  }
}

/** Drops the stand-ins for non-static arguments: those values are unknown. A list holding one is unknown as a whole. */
function removeDynamic(node: Record<string, unknown> | unknown[]): boolean {
  if (Array.isArray(node)) return node.some((value) => value === DYNAMIC || ((isPlainObject(value) || Array.isArray(value)) && removeDynamic(value)));
  for (const key of Object.keys(node)) {
    const value = node[key];
    if (value === DYNAMIC || (Array.isArray(value) && removeDynamic(value))) delete node[key];
    else if (isPlainObject(value)) removeDynamic(value);
  }
  return false;
}

function removeAt(config: Record<string, unknown>, path: Pointer): void {
  const segments = parsePointer(path);
  let node: unknown = config;
  for (const segment of segments.slice(0, -1)) node = isPlainObject(node) || Array.isArray(node) ? (node as Record<string, unknown>)[segment] : undefined;
  if (isPlainObject(node)) delete node[String(segments.at(-1))];
}
