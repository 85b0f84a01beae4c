import { isAlias, isCollection, isMap, isPair, isScalar, isSeq, parseAllDocuments } from 'yaml';
import type { Document, Node, Pair } from 'yaml';
import { findDepthBreach, LIMITS } from './limits.js';
import { lineLocator } from './range.js';
import { yamlOptionsFor } from './scalar-rules.js';
import type { ScalarRules } from './scalar-rules.js';
import type { SourcePath, SourceRange } from './range.js';

/** How a scalar was written in the file: rules such as `yaml-float-as-string` judge the text, not the value. */
export interface RawScalar {
  /** The scalar's source text, e.g. `2e-5` or `"0.1"`. */
  readonly text: string;
  /** An explicit tag such as `!!python/tuple`, when one was written. */
  readonly tag?: string;
  /** True when the scalar was quoted (single, double or block), i.e. the author asked for a string. */
  readonly quoted: boolean;
  /** What the document's scalar rules made of it: `2e-5` is the string "2e-5" under PyYAML's. */
  readonly value: unknown;
}

export interface ParseProblem {
  readonly message: string;
  readonly range: SourceRange;
}

export interface TaggedNode {
  readonly tag: string;
  readonly path: SourcePath;
  readonly range: SourceRange;
}

/**
 * A YAML or JSON file parsed once, with every node's position kept. Adapters read `root` (plain data);
 * the engine maps the source paths they record back to ranges through `rangeOf`.
 */
export interface SourceDocument {
  readonly filePath: string;
  readonly text: string;
  /** How plain scalars were read: the loader's rules once the format is known (`withScalarRules`). */
  readonly scalarRules: ScalarRules;
  /** The first document's data, or undefined when the file could not be parsed. */
  readonly root: unknown;
  readonly problems: readonly ParseProblem[];
  /** Nodes carrying an explicit application tag (`!!python/…`, `!Ref`): never resolved, only reported. */
  readonly tags: readonly TaggedNode[];
  rangeOf(path: SourcePath): SourceRange | undefined;
  rawScalar(path: SourcePath): RawScalar | undefined;
  /** A one-based line's text without its line break (empty past the end). */
  lineText(line: number): string;
}


/** Tags of the YAML 1.2 core/failsafe schemas: harmless, resolved by the parser itself. */
const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

/**
 * Parses YAML or JSON text, reading plain scalars with `rules` (YAML 1.2 core unless the loader that will
 * read the file is known: see scalar-rules.ts). Positions do not depend on the rules.
 */
export function parseSource(text: string, filePath: string, rules: ScalarRules = 'yaml-1.2'): SourceDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const offsetShift = body === text ? 0 : 1;
  const locate = lineLocator(body);
  const lines = lazyLines(text);
  const toRange = (rawStart: number, rawEnd: number): SourceRange => {
    // Parser errors may point one past the end of the text ("missing }"); keep ranges inside it.
    const start = Math.min(rawStart, body.length);
    const end = Math.min(Math.max(start, rawEnd), body.length);
    const a = locate(start);
    const b = locate(end);
    return {
      line: a.line,
      column: a.column,
      endLine: b.line,
      endColumn: b.column,
      start: start + offsetShift,
      end: end + offsetShift,
    };
  };
  const nul = body.indexOf('\u0000');
  if (nul >= 0) {
    const problem = { message: 'a binary file (it contains NUL bytes), not a YAML or JSON config', range: toRange(nul, nul + 1) };
    return unparsed(text, filePath, rules, problem, lines);
  }
  const breach = findDepthBreach(body);
  if (breach) {
    const problem = { message: `collections nest deeper than ${LIMITS.maxDepth} levels`, range: toRange(breach.offset, breach.offset + 1) };
    return unparsed(text, filePath, rules, problem, lines);
  }
  const documents = parseAllDocuments(blankJsonComments(body), {
    ...yamlOptionsFor(rules),
    prettyErrors: false,
    uniqueKeys: true,
    // Unknown tags are kept as plain values with a warning (default behaviour); `unsafe-yaml-tag` reports them.
  });

  const docs = Array.isArray(documents) ? documents : [documents];
  const problems: ParseProblem[] = [];
  const first = docs[0] as Document.Parsed | undefined;
  // Only the first error, in any document of the stream: later ones are usually echoes of it.
  const firstError = docs.flatMap((doc) => doc.errors)[0];
  if (firstError) problems.push({ message: cleanMessage(firstError.message), range: toRange(firstError.pos[0], firstError.pos[1]) });

  let root: unknown;
  if (first && problems.length === 0) {
    try {
      root = first.toJS({ maxAliasCount: LIMITS.maxAliasCount });
      // Only aliases can make a cycle: most files have none, and skip the walk.
      if (body.includes('*') && isCyclic(root)) {
        problems.push({ message: 'the document contains itself through an alias (a cycle): no loader can build it', range: toRange(0, 0) });
        root = undefined;
      }
    } catch (error) {
      problems.push({ message: aliasMessage(error), range: toRange(0, 0) });
    }
  }

  const trimmedEnd = (start: number, end: number): number => {
    let e = end;
    while (e > start && /\s/.test(body[e - 1] ?? '')) e--;
    return e;
  };
  // A node's range starts after its tag; a tagged node is underlined from the tag, where the finding is.
  const tagStart = (node: Node, from: number): number => {
    if (!node.tag || CORE_TAGS.has(node.tag)) return from;
    let start = from;
    while (start > 0 && /[ \t]/.test(body[start - 1]!)) start--;
    while (start > 0 && !/[\s[{,]/.test(body[start - 1]!)) start--;
    return body[start] === '!' ? start : from;
  };
  const nodeRange = (node: Node, key?: Node): SourceRange | undefined => {
    // A block collection under a key is reported at its key: one line, where the reader looks.
    const anchor = key && isCollection(node) && !node.flow ? key : node;
    const range = anchor.range;
    if (!range) return undefined;
    const start = anchor === node ? tagStart(node, range[0]) : range[0];
    return toRange(start, trimmedEnd(start, range[1]));
  };

  const tags: TaggedNode[] = [];
  // Every tag is written with a `!`: a file without one has none to collect.
  if (first?.contents && problems.length === 0 && body.includes('!')) collectTags(first.contents, [], tags, nodeRange);

  return {
    filePath,
    text,
    scalarRules: rules,
    root,
    problems,
    tags,
    rangeOf(path) {
      if (!first) return undefined;
      const found = resolvePath(first, path);
      return found ? nodeRange(found.node, found.key) : undefined;
    },
    rawScalar(path) {
      if (!first) return undefined;
      const found = resolvePath(first, path);
      const node = found?.node;
      if (!node || !isScalar(node) || !node.range) return undefined;
      const quoted = node.type !== undefined && node.type !== 'PLAIN';
      const textOfNode = body.slice(node.range[0], node.range[1]);
      return { text: textOfNode, quoted, value: node.value, ...(node.tag && !CORE_TAGS.has(node.tag) ? { tag: node.tag } : {}) };
    },
    lineText(line) {
      return lines()[line - 1] ?? '';
    },
  };
}

interface Located {
  node: Node;
  key?: Node;
}

function resolvePath(doc: Document.Parsed, path: SourcePath): Located | undefined {
  let current: Located | undefined = doc.contents ? { node: doc.contents as Node } : undefined;
  for (const segment of path) {
    if (!current) return undefined;
    let node: Node = current.node;
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target) return undefined;
      node = target;
    }
    if (isMap(node)) {
      const pair = node.items.find((p: Pair) => keyText(p.key) === String(segment));
      current = pair && isNodeLike(pair.value) ? { node: pair.value, key: pair.key as Node } : undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment];
      current = isNodeLike(item) ? { node: item } : undefined;
    } else {
      return undefined;
    }
  }
  return current;
}

function isNodeLike(value: unknown): value is Node {
  return isScalar(value) || isCollection(value) || isAlias(value);
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return key === null || key === undefined ? undefined : String(key);
}

function collectTags(node: Node, path: (string | number)[], out: TaggedNode[], rangeOfNode: (node: Node) => SourceRange | undefined): void {
  if (node.tag && !CORE_TAGS.has(node.tag)) {
    const range = rangeOfNode(node);
    if (range) out.push({ tag: node.tag, path: [...path], range });
  }
  // One path array, pushed and popped: copied only for the rare tagged node.
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isNodeLike(pair.value)) continue;
      path.push(keyText(pair.key) ?? '');
      collectTags(pair.value, path, out, rangeOfNode);
      path.pop();
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      if (!isNodeLike(item)) return;
      path.push(index);
      collectTags(item, path, out, rangeOfNode);
      path.pop();
    });
  }
}

function cleanMessage(message: string): string {
  // yaml appends " at line L, column C" and a code frame; hplint prints its own position.
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
}

function aliasMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return /alias/i.test(text)
    ? `YAML alias expansion exceeds the limit of ${LIMITS.maxAliasCount} (a possible alias bomb)`
    : `cannot convert the document: ${text}`;
}

/** A document that was refused before parsing: one problem, nothing else. */
function unparsed(text: string, filePath: string, scalarRules: ScalarRules, problem: ParseProblem, lines: () => readonly string[]): SourceDocument {
  return {
    filePath,
    text,
    scalarRules,
    root: undefined,
    problems: [problem],
    tags: [],
    rangeOf: () => undefined,
    rawScalar: () => undefined,
    lineText: (n) => lines()[n - 1] ?? '',
  };
}

/**
 * JSON with comments (tsconfig-style `//` and `/* *\/`) is common in editors' JSON; YAML does not know
 * those comments. For text that starts as JSON, they are replaced by spaces — offsets, and so positions,
 * stay exactly as in the file. Strings are skipped so `"http://…"` is left alone.
 */
export function blankJsonComments(text: string): string {
  if (!/^\s*[[{]/.test(text) || !/\/[/*]/.test(text)) return text;
  let out = '';
  let copiedUpTo = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*')) {
      const block = text[i + 1] === '*';
      const close = block ? text.indexOf('*/', i + 2) : text.indexOf('\n', i);
      const end = close < 0 ? text.length : block ? close + 2 : close;
      out += text.slice(copiedUpTo, i) + text.slice(i, end).replace(/[^\r\n]/g, ' ');
      copiedUpTo = end;
      i = end - 1;
    }
  }
  return out + text.slice(copiedUpTo);
}

/** True when a value contains itself, as `&a {x: [*a]}` does: every walk over it would never end. */
function isCyclic(root: unknown): boolean {
  const onPath = new Set<object>();
  const visit = (value: unknown): boolean => {
    if (typeof value !== 'object' || value === null) return false;
    if (onPath.has(value)) return true;
    onPath.add(value);
    const children = Array.isArray(value) ? value : Object.values(value);
    const cyclic = children.some(visit);
    onPath.delete(value);
    return cyclic;
  };
  return visit(root);
}

/** Splits the text into lines on first use: only formatters and a few messages need them. */
function lazyLines(text: string): () => readonly string[] {
  let lines: string[] | undefined;
  return () => (lines ??= text.split(/\r?\n|\r/));
}
