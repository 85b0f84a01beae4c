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

/**
 * Parses Python 3 source (3.12 syntax: match, type parameters, nested f-strings) without running Python.
 * lezer recovers from syntax errors and marks them with error nodes, which `syntaxError` describes.
 */
export function parsePython(text: string): Tree {
  grammar ??= (require('@lezer/python') as typeof LezerPython).parser;
  return grammar.parse(text);
}

/** The message and span for an error node: the first place the grammar could not read. */
export function syntaxError(from: number, to: number, text: string): PythonSyntaxError {
  const start = Math.min(from, text.length);
  const end = Math.min(Math.max(to, start + 1), text.length);
  const token = text.slice(start, end).split('\n')[0]!.trim();
  return { message: token ? `invalid Python syntax at "${token.slice(0, 40)}"` : 'invalid Python syntax (unexpected end of a statement)', start, end };
}

export type { SyntaxNode };
