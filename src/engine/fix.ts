import { isAlias, isCollection, isMap, isScalar, isSeq, parseDocument, visit } from 'yaml';
import type { Document, Node } from 'yaml';
import type { Pointer } from '../model/pointer.js';
import { parseSource } from '../source/document.js';
import type { SourcePath } from '../source/range.js';
import { lintAndRead, readConfig } from './lint.js';
import type { Diagnostic, LintOptions, LintResult, ReadConfig } from './lint.js';
import type { EditOp } from './rule.js';
import type { ResolvedRule } from './settings.js';

/** `safe` applies `Diagnostic.fix` only; `unsafe` also applies suggestions' edits. */
export type FixMode = 'safe' | 'unsafe';

/** Like ESLint: enough passes for fixes that enable other fixes, bounded so two rules cannot ping-pong forever. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** The fixed text (the input when nothing applied). */
  readonly output: string;
  /** How many diagnostics were fixed, over all passes. */
  readonly fixed: number;
  readonly passes: number;
  /** The lint result of `output`: what is left to fix by hand. */
  readonly result: LintResult;
}

/** One replacement of source text; offsets into the text as given (a BOM counts). */
interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/**
 * Applies fixes by editing the text at the nodes' ranges, so comments, key order, quoting and layout
 * elsewhere stay byte for byte. Each pass applies the non-overlapping edits of the diagnostics it can,
 * re-lints and repeats until nothing changes; a pass whose result would not parse is dropped.
 */
export function fixText(text: string, options: LintOptions, rules: readonly ResolvedRule[], mode: FixMode): FixOutcome {
  let output = text;
  let fixed = 0;
  let passes = 0;
  // One parse per pass: the lint of a candidate text is also its "does it still parse" check and the
  // source map the next pass plans on.
  let { result, read } = lintAndRead(output, options, rules);
  while (passes < MAX_FIX_PASSES && read) {
    const tree = editTree(read);
    const groups = result.diagnostics.map((d) => editsOf(d, mode)).filter((ops) => ops.length > 0).map((ops) => planEdits(ops, tree));
    const chosen = nonOverlapping(groups.filter((g): g is TextEdit[] => g !== undefined));
    if (chosen.length === 0) break;
    const next = applyEdits(output, chosen.flat());
    if (next === output) break;
    const linted = lintAndRead(next, options, rules);
    if (!linted.read || linted.read.document.problems.length > 0) break;
    output = next;
    fixed += chosen.length;
    passes++;
    ({ result, read } = linted);
  }
  return { output, fixed, passes, result };
}

/**
 * Applies groups of edit ops chosen by the caller (the advisor's values) in one pass, each group all or
 * nothing; `applied[i]` says whether group i could be placed (its values are written in the file and it
 * overlaps no earlier group). The text is unchanged when the result would not parse.
 */
export function applyEditGroups(text: string, groups: readonly (readonly EditOp[])[], options: LintOptions): { output: string; applied: boolean[] } {
  const tree = editTree(readConfig(text, options));
  const planned = groups.map((ops) => planEdits(ops, tree));
  const chosen = nonOverlapping(planned.filter((g): g is TextEdit[] => g !== undefined));
  const output = applyEdits(text, chosen.flat());
  if (parseSource(output, options.filePath ?? '<text>').problems.length > 0) return { output: text, applied: groups.map(() => false) };
  return { output, applied: planned.map((g) => g !== undefined && chosen.some((c) => c[0] === g[0])) };
}

function editsOf(d: Diagnostic, mode: FixMode): readonly EditOp[] {
  if (d.fix && d.fix.length > 0) return d.fix;
  return mode === 'unsafe' ? (d.suggestion?.edits ?? []) : [];
}

/**
 * What edits are planned on: the file's YAML tree, parsed once per pass (not once per diagnostic, which made
 * fixing quadratic), and the anchors that aliases elsewhere refer to.
 */
interface EditTree {
  readonly read: ReadConfig;
  readonly text: string;
  /** 1 when the text starts with a BOM, which the YAML parser does not see. */
  readonly shift: number;
  readonly doc: Document.Parsed;
  readonly aliased: ReadonlySet<string>;
}

function editTree(read: ReadConfig): EditTree {
  const text = read.document.text;
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const doc = parseDocument(text.slice(shift), { version: '1.2', schema: 'core', uniqueKeys: true });
  const aliased = new Set<string>();
  visit(doc, {
    Alias(_key, alias) {
      aliased.add(alias.source);
    },
  });
  return { read, text, shift, doc, aliased };
}

/** The text edits for one diagnostic's ops, or undefined when any op cannot be placed (all or nothing). */
function planEdits(ops: readonly EditOp[], tree: EditTree): TextEdit[] | undefined {
  const { read, text, shift, doc } = tree;
  const edits: TextEdit[] = [];
  for (const op of ops) {
    const source = writtenSource(op.path, read);
    const node = source ? nodeAt(doc, source) : undefined;
    const edit = node ? (op.op === 'set' ? setEdit(node, op, tree.aliased) : moveEdit(node, op, text, shift)) : undefined;
    if (!edit) return undefined;
    edits.push(op.op === 'set' ? { ...edit, start: edit.start + shift, end: edit.end + shift } : edit);
  }
  return nonOverlapping(edits.map((e) => [e])).length === edits.length ? edits : undefined;
}

/** The source path of a value the file itself wrote (framework defaults and derived values have no text to edit). */
function writtenSource(path: Pointer, read: ReadConfig): SourcePath | undefined {
  return read.defaults.has(path) || read.derived?.has(path) ? undefined : read.sources.get(path);
}

/** The node at a source path; undefined through aliases, since editing an anchor would change other places too. */
function nodeAt(doc: Document.Parsed, path: SourcePath): Node | undefined {
  let node: unknown = doc.contents;
  for (const segment of path) {
    if (isMap(node)) node = node.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(segment))?.value;
    else if (isSeq(node) && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return isScalar(node) || isCollection(node) ? (node as Node) : undefined;
}

/**
 * Replaces a value; never one that carries an anchor used by aliases elsewhere (`lr: &lr 0.5` … `base: *lr`),
 * which would silently change every alias too: that problem stays reported, for a person to decide.
 */
function setEdit(node: Node, op: Extract<EditOp, { op: 'set' }>, aliased: ReadonlySet<string>): TextEdit | undefined {
  if (!node.range || isAlias(node) || holdsAliasedAnchor(node, aliased)) return undefined;
  const [start, end] = valueSpan(node);
  return { start, end, text: op.text ?? writeValue(op.value) };
}

function holdsAliasedAnchor(node: Node, aliased: ReadonlySet<string>): boolean {
  if (aliased.size === 0) return false;
  if (node.anchor !== undefined && aliased.has(node.anchor)) return true;
  let found = false;
  if (isCollection(node)) {
    visit(node, {
      Node(_key, inner) {
        if (inner.anchor !== undefined && aliased.has(inner.anchor)) {
          found = true;
          return visit.BREAK;
        }
        return undefined;
      },
    });
  }
  return found;
}

/** A node's value span without trailing whitespace or comments (yaml's `range[1]`). */
function valueSpan(node: Node): [number, number] {
  const [start, valueEnd] = node.range!;
  return [start, valueEnd];
}

/**
 * Moves a list item by rotating the items' texts through the list's slots: every slot keeps its indentation,
 * `- ` markers, separators and the comments between items, for block and flow (JSON) lists alike.
 */
function moveEdit(node: Node, op: Extract<EditOp, { op: 'move' }>, text: string, shift: number): TextEdit | undefined {
  if (!isSeq(node)) return undefined;
  const items = node.items;
  const count = items.length;
  if (op.from === op.to || op.from < 0 || op.to < 0 || op.from >= count || op.to >= count) return undefined;
  if (!items.every((item) => (isScalar(item) || isCollection(item)) && item.range)) return undefined;
  const slots = (items as Node[]).map((item) => valueSpan(item).map((offset) => offset + shift) as [number, number]);
  const order = [...Array(count).keys()];
  const [moved] = order.splice(op.from, 1);
  order.splice(op.to, 0, moved!);
  const first = Math.min(op.from, op.to);
  const last = Math.max(op.from, op.to);
  let out = '';
  for (let slot = first; slot <= last; slot++) {
    const [start, end] = slots[order[slot]!]!;
    out += text.slice(start, end);
    if (slot < last) out += text.slice(slots[slot]![1], slots[slot + 1]![0]);
  }
  return { start: slots[first]![0], end: slots[last]![1], text: out };
}

/**
 * A value as a person writes it in YAML or JSON: integers plainly, `0.01`, and small or huge numbers with an
 * exponent that keeps a dot and a signed exponent (`2.0e-5`, `1.5e+7`), which YAML 1.1 loaders such as
 * PyYAML also read as a number. Exact: the shortest representation that round-trips, never rounded.
 */
export function writeValue(value: unknown): string {
  if (typeof value === 'number') return writeNumber(value);
  return JSON.stringify(value) ?? 'null';
}

function writeNumber(value: number): string {
  if (!Number.isFinite(value)) return JSON.stringify(String(value));
  const magnitude = Math.abs(value);
  if (magnitude === 0 || (Number.isInteger(value) && magnitude < 1e15) || (magnitude >= 1e-3 && magnitude < 1e6)) return String(value);
  const [mantissa = '', exponent = ''] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}e${exponent}`;
}

/**
 * Keeps whole groups that overlap no group kept before them, in text order. The kept edits stay sorted and
 * disjoint, so each check is a binary search: linear-logarithmic in the number of fixes.
 */
function nonOverlapping(groups: readonly (readonly TextEdit[])[]): TextEdit[][] {
  const kept: TextEdit[][] = [];
  const taken: TextEdit[] = [];
  const sorted = [...groups].sort((a, b) => Math.min(...a.map((e) => e.start)) - Math.min(...b.map((e) => e.start)));
  for (const group of sorted) {
    if (group.some((e) => clashes(e, taken))) continue;
    kept.push([...group]);
    for (const e of group) taken.splice(firstEndingAfter(taken, e.start), 0, e);
  }
  return kept;
}

/** Two edits clash when their spans overlap, or when both insert at the same offset. */
function clashes(edit: TextEdit, taken: readonly TextEdit[]): boolean {
  for (let i = Math.max(0, firstEndingAfter(taken, edit.start) - 1); i < taken.length && taken[i]!.start <= edit.end; i++) {
    const other = taken[i]!;
    if ((edit.start < other.end && other.start < edit.end) || (edit.start === other.start && edit.end === other.end)) return true;
  }
  return false;
}

/** The index of the first edit (sorted, disjoint) that ends after `offset`. */
function firstEndingAfter(taken: readonly TextEdit[], offset: number): number {
  let low = 0;
  let high = taken.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (taken[middle]!.end <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Applies disjoint edits in one left-to-right sweep (slicing per edit copied the whole text each time). */
function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of [...edits].sort((a, b) => a.start - b.start)) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
