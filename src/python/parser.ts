import { createRequire } from 'node:module';
import type { SyntaxNode, Tree } from '@lezer/common';
import type * as LezerPython from '@lezer/python';

// The Python grammar is loaded on the first Python file: `hplint check` on YAML never pays for it.
const require = createRequire(import.meta.url);
let grammar: typeof LezerPython.parser | undefined;

export interface PythonSyntaxError {
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

export interface ParsedPython {
  readonly text: string;
  readonly tree: Tree;
  /** The first place the grammar could not read; lezer recovers and keeps parsing after it. */
  readonly error?: PythonSyntaxError;
}

/** Parses Python 3 source (3.12 syntax: match, type parameters, nested f-strings) without running Python. */
export function parsePython(text: string): ParsedPython {
  grammar ??= (require('@lezer/python') as typeof LezerPython).parser;
  const tree = grammar.parse(text);
  const error = firstError(tree, text);
  return error ? { text, tree, error } : { text, tree };
}

function firstError(tree: Tree, text: string): PythonSyntaxError | undefined {
  let found: PythonSyntaxError | undefined;
  tree.iterate({
    enter(node) {
      if (found) return false;
      if (!node.type.isError) return undefined;
      const start = Math.min(node.from, text.length);
      const end = Math.min(Math.max(node.to, start + 1), text.length);
      const token = text.slice(start, end).split('\n')[0]!.trim();
      found = { message: token ? `invalid Python syntax at "${token.slice(0, 40)}"` : 'invalid Python syntax (unexpected end of a statement)', start, end };
      return false;
    },
  });
  return found;
}

export type { SyntaxNode };
