import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ConfigBuilder } from '../adapters/adapter.js';
import { pointer } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import { TFJS } from '../adapters/defaults.js';
import { staticValue } from './static.js';
import type { Scopes } from './static.js';

type Path = readonly (string | number)[];

/** Writes a new value for one canonical path into the code (an ESLint fix), or cannot. */
export type ValueWriter = (fixer: TSESLint.RuleFixer, text: string) => TSESLint.RuleFix;

/**
 * Builds one canonical config from code and remembers, for every canonical path, the AST node that holds
 * it (where to report), the node a TF.js default is blamed on, and how to write a new value there.
 */
export class Recorder {
  readonly builder = new ConfigBuilder();
  readonly nodes = new Map<Pointer, TSESTree.Node>();
  readonly anchors = new Map<Pointer, TSESTree.Node>();
  readonly writers = new Map<Pointer, ValueWriter>();
  /** Nodes of the list items at a canonical list path, when they are siblings that can be reordered. */
  readonly lists = new Map<Pointer, readonly TSESTree.Node[]>();

  constructor(private readonly scopes: Scopes) {}

  /** Records the static value of `node` at `path`; an expression that does not resolve stays unknown. */
  value(path: Path, node: TSESTree.Node | undefined): boolean {
    if (!node) return false;
    const known = staticValue(node, this.scopes);
    if (!known || known.value === undefined) return false;
    this.set(path, known.value, node);
    this.writers.set(pointer(...path), replaceValue(node));
    return true;
  }

  set(path: Path, value: unknown, node: TSESTree.Node): void {
    this.builder.set(path, value);
    this.nodes.set(pointer(...path), node);
  }

  /** A value TF.js uses because the code does not say; reported on `anchor`. */
  setDefault(path: Path, value: unknown, anchor: TSESTree.Node, writer?: ValueWriter): void {
    this.builder.setDefault(path, value, TFJS);
    this.anchors.set(pointer(...path), anchor);
    if (writer) this.writers.set(pointer(...path), writer);
  }

  locate(path: Path, node: TSESTree.Node): void {
    this.nodes.set(pointer(...path), node);
  }
}

/** Replaces a value expression; a shorthand property (`{ units }`) becomes `units: <value>`. */
function replaceValue(node: TSESTree.Node): ValueWriter {
  const parent = node.parent;
  if (parent?.type === 'Property' && parent.shorthand && parent.value === node) {
    return (fixer, text) => fixer.insertTextAfter(parent.key, `: ${text}`);
  }
  return (fixer, text) => fixer.replaceText(node, text);
}
