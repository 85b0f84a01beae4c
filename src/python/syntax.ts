import type { SyntaxNode } from './parser.js';

/** Reading lezer's Python syntax nodes: names, calls and their arguments, as written. */

export function textOf(node: SyntaxNode, text: string): string {
  return text.slice(node.from, node.to);
}

export function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

/** `a`, `a.b.c` as written; undefined for anything computed (`f().b`, `a[0]`). */
export function dottedName(node: SyntaxNode, text: string): string | undefined {
  if (node.name === 'VariableName') return textOf(node, text);
  if (node.name !== 'MemberExpression') return undefined;
  const object = node.firstChild;
  const property = node.lastChild;
  if (!object || property?.name !== 'PropertyName') return undefined;
  const base = dottedName(object, text);
  return base === undefined ? undefined : `${base}.${textOf(property, text)}`;
}

/** A call's arguments: positional in order, keywords by name, and whether `*args`/`**kwargs` may add more. */
export interface CallArguments {
  readonly positional: readonly SyntaxNode[];
  readonly keywords: ReadonlyMap<string, SyntaxNode>;
  /** Where a keyword name is written (`lr=` of `lr=0.1`), for messages. */
  readonly keywordNames: ReadonlyMap<string, SyntaxNode>;
  /** `*args` or `**kwargs`: any other argument may be set by them. */
  readonly open: boolean;
}

const PUNCTUATION = new Set(['(', ')', ',']);

export function callArguments(call: SyntaxNode, text: string): CallArguments {
  const positional: SyntaxNode[] = [];
  const keywords = new Map<string, SyntaxNode>();
  const keywordNames = new Map<string, SyntaxNode>();
  let open = false;
  const list = call.getChild('ArgList');
  let child = list?.firstChild ?? null;
  while (child) {
    if (PUNCTUATION.has(child.name)) {
      child = child.nextSibling;
      continue;
    }
    if (child.name === '*' || child.name === '**') {
      open = true;
      child = child.nextSibling?.nextSibling ?? null;
      continue;
    }
    const next = child.nextSibling;
    if (child.name === 'VariableName' && next?.name === 'AssignOp' && next.nextSibling) {
      const name = textOf(child, text);
      keywords.set(name, next.nextSibling);
      keywordNames.set(name, child);
      child = next.nextSibling.nextSibling;
      continue;
    }
    positional.push(child);
    child = next;
  }
  return { positional, keywords, keywordNames, open };
}

/** The argument at keyword `name`, or else at position `index` (Python's binding of both spellings). */
export function argument(args: CallArguments, name: string, index?: number): SyntaxNode | undefined {
  return args.keywords.get(name) ?? (index === undefined ? undefined : args.positional[index]);
}

/** The function or class body the node is in (`Script` at module level). */
export function enclosingScope(node: SyntaxNode): SyntaxNode {
  for (let parent = node.parent; parent; parent = parent.parent) {
    if (parent.name === 'FunctionDefinition' || parent.name === 'LambdaExpression' || parent.name === 'Script') return parent;
  }
  return node;
}

/** The `def` a node is in, when it is one whose name is `name` (e.g. `__init__`, `configure_optimizers`). */
export function enclosingFunctionName(node: SyntaxNode, text: string): string | undefined {
  const scope = enclosingScope(node);
  if (scope.name !== 'FunctionDefinition') return undefined;
  const name = scope.getChild('VariableName');
  return name ? textOf(name, text) : undefined;
}

/** The class a node's function belongs to. */
export function enclosingClass(node: SyntaxNode): SyntaxNode | undefined {
  for (let parent = node.parent; parent; parent = parent.parent) if (parent.name === 'ClassDefinition') return parent;
  return undefined;
}

/** True when the node runs at most once per run of its function: not inside a loop or a branch. */
export function isStraightLine(node: SyntaxNode): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) {
    switch (parent.name) {
      case 'FunctionDefinition':
      case 'Script':
        return true;
      case 'ForStatement':
      case 'WhileStatement':
      case 'IfStatement':
      case 'TryStatement':
      case 'MatchStatement':
      case 'ConditionalExpression':
      case 'LambdaExpression':
        return false;
      default:
    }
  }
  return true;
}

