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
 * lezer recovers from syntax errors and marks them with error nodes, which `syntaxErrorAt` describes.
 */
export function parsePython(text: string): Tree {
  grammar ??= (require('@lezer/python') as typeof LezerPython).parser;
  // A last line of only spaces, without a newline after it and deeper than the block it ends, is an indent
  // to @lezer/python 1.1.19, which then wants a statement (an error node at the end of the file); Python
  // ignores blank lines. The parse stops before that line: no offset of the text before it moves.
  const blankTail = /\n[ \t\f]+$/.exec(text);
  return grammar.parse(blankTail ? text.slice(0, blankTail.index + 1) : text);
}

/** The message and span for an error node: the first place the grammar could not read. */
function syntaxError(from: number, to: number, text: string): PythonSyntaxError {
  const start = Math.min(from, text.length);
  const end = Math.min(Math.max(to, start + 1), text.length);
  const token = text.slice(start, end).split('\n')[0]!.trim();
  return { message: token ? `invalid Python syntax at "${token.slice(0, 40)}"` : 'invalid Python syntax (unexpected end of a statement)', start, end };
}

/**
 * The text of a float written with a trailing dot (`1.`, `100.`, `1.e5`), which Python reads as a float but
 * @lezer/python 1.1.19 does not: its Number token wants a digit after the dot, so it reads a member access
 * on an integer, `Number "."` followed by a missing name (an error node) or by the exponent as a name.
 */
export function trailingDotFloat(node: SyntaxNode, text: string): string | undefined {
  const number = node.firstChild;
  const dot = number?.nextSibling;
  const rest = dot?.nextSibling;
  if (node.name !== 'MemberExpression' || number?.name !== 'Number' || dot?.name !== '.' || dot.from !== number.to || rest?.nextSibling) return undefined;
  if (rest?.type.isError && rest.from === rest.to) return text.slice(number.from, dot.to);
  const written = text.slice(number.from, node.to);
  return rest?.name === 'PropertyName' && rest.from === dot.to && /^\d[\d_]*\.[eE]\d[\d_]*$/.test(written) ? written : undefined;
}

/**
 * The first syntax error of a parse: an error node, or a Python 2 `print "x"` statement (the grammar
 * still accepts it, Python 3 does not). The error lezer leaves after a trailing-dot float is not one.
 */
export function syntaxErrorAt(node: SyntaxNode, text: string): PythonSyntaxError | undefined {
  if (node.name === 'PrintStatement') {
    const keyword = node.firstChild ?? node;
    return { message: 'a Python 2 print statement (Python 3 needs print(...))', start: keyword.from, end: keyword.to };
  }
  if (!node.type.isError || (node.parent && trailingDotFloat(node.parent, text) !== undefined)) return undefined;
  return syntaxError(node.from, node.to, text);
}

export type { SyntaxNode };
