import type { SourcePath } from '../../source/range.js';
import type { SyntaxNode } from '../parser.js';
import { argument, textOf } from '../syntax.js';
import type { SyntaxNode as Node } from '../parser.js';
import type { Use } from '../virtual.js';
import type { CallArguments } from '../syntax.js';
import type { FileIndex } from '../values.js';
import type { VirtualConfig } from '../virtual.js';

/** What every framework module reads from and writes to for one script. */
export interface Script {
  readonly text: string;
  readonly index: FileIndex;
  readonly out: VirtualConfig;
}

/** A call with its qualified callee (`torch.optim.SGD`) and arguments. */
export interface Call {
  readonly node: SyntaxNode;
  readonly callee: string;
  readonly args: CallArguments;
}

/** The file's calls whose qualified callee matches, in source order. */
export function callsMatching(script: Script, pattern: RegExp): Call[] {
  const out: Call[] = [];
  for (const { node, callee } of script.index.qualifiedCalls()) {
    if (callee !== undefined && pattern.test(callee)) out.push({ node, callee, args: script.index.argumentsOf(node) });
  }
  return out;
}

/** Arguments that are pairs (Adam's `betas`): unknown as a whole means both halves are unknown. */
const PAIRS = new Set(['betas']);

/** An argument as Python binds it: by keyword, or at its position in the signature. */
export interface ArgumentSpec {
  readonly name: string;
  readonly position?: number;
}

/**
 * Copies the static arguments of a call into the virtual config under `path` (`init_args` of a class,
 * the keyword arguments of TrainingArguments): each under its Python name, with the literal that wrote it.
 * Returns the names read.
 */
export function copyArguments(script: Script, call: Call, path: SourcePath, specs: readonly ArgumentSpec[], rename: Readonly<Record<string, string>> = {}): string[] {
  const read: string[] = [];
  for (const spec of specs) {
    const node = argument(call.args, spec.name, spec.position);
    if (!node) continue;
    const known = script.index.resolve(node);
    if (!known || known.value === null) {
      // Passed, but not static (or None): unknown, and the framework's default does not apply either.
      script.out.dynamic([...path, rename[spec.name] ?? spec.name], node, PAIRS.has(spec.name) ? 2 : 1);
      continue;
    }
    // Where the value is used matters only for a value that flowed there from elsewhere.
    script.out.put([...path, rename[spec.name] ?? spec.name], known, known.via.length > 0 ? useOf(script, call, spec.name, node) : undefined);
    read.push(spec.name);
  }
  return read;
}

/** Every keyword argument of a call, as specs (for classes whose every keyword is a config key). */
export function keywordSpecs(call: Call): ArgumentSpec[] {
  return [...call.args.keywords.keys()].map((name) => ({ name }));
}

/** The use of a value as an argument, for the note saying where it flows. */
export function useOf(script: Script, call: Call, keyword: string, node: Node): Use {
  return { what: `${shortCallee(call, script)}(${keyword}=…)`, at: script.index.where(node.from) };
}

export function shortCallee(call: Call, script: Script): string {
  const callee = call.node.firstChild;
  return callee ? textOf(callee, script.text) : call.callee;
}

/** The variable a call's result is assigned to (`opt = SGD(...)` → `opt`), for pairing calls. */
export function assignedName(call: SyntaxNode, text: string): string | undefined {
  const statement = call.parent;
  if (statement?.name !== 'AssignStatement' || statement.lastChild?.from !== call.from) return undefined;
  const target = statement.firstChild;
  return target && target.nextSibling?.name === 'AssignOp' ? textOf(target, text) : undefined;
}
