import { syntaxErrorAt, trailingDotFloat } from './parser.js';
import type { PythonSyntaxError, SyntaxNode } from './parser.js';
import { lineLocator } from '../source/range.js';
import { callArguments, children, dottedName, enclosingScope, textOf } from './syntax.js';
import type { CallArguments } from './syntax.js';

/** How many name → value hops are followed before giving up (`LR = BASE_LR`, `BASE_LR = 0.1`). */
const MAX_HOPS = 8;

/** A value known without running the code, with the literal that wrote it. */
export interface Known {
  readonly value: unknown;
  /** The literal: what a diagnostic points at and `--fix-unsafe` rewrites. */
  readonly node: SyntaxNode;
  /** Set for a string literal: the author wrote a string. */
  readonly quoted: boolean;
  /** How the value reached its use, e.g. "the argparse default of `--lr`", "`LR`". Empty when written in place. */
  readonly via: readonly string[];
  /** The items of a tuple or list literal (`betas=(0.9, 0.99)`). */
  readonly items?: readonly Known[];
}

/** Every simple binding of a name in one scope: the value node, or null for a binding that is not `NAME = expr`. */
type Bindings = Map<string, (SyntaxNode | null)[]>;

interface ArgparseOption {
  readonly flag: string;
  readonly value: SyntaxNode | null;
}

/**
 * What one file binds, collected in one pass: names per scope, argparse options (`--lr` with its
 * `default=`), dataclass field defaults, and the imports that say what `nn`, `Dense` or `tf` are.
 */
export class FileIndex {
  readonly calls: SyntaxNode[] = [];
  /** The first syntax error, found in the same walk (lezer keeps parsing after one). */
  error?: PythonSyntaxError;
  /** The calls with their qualified callees, computed once: every framework module filters on them. */
  private qualified?: readonly { node: SyntaxNode; callee: string | undefined }[];
  private readonly arguments = new Map<number, CallArguments>();
  /** Local name → qualified name (`nn` → `torch.nn`, `Dense` → `tensorflow.keras.layers.Dense`). */
  readonly imports = new Map<string, string>();
  /** Bindings per scope, keyed by the scope's start offset (lezer hands out a new node object on every access). */
  private readonly scopes = new Map<number, Bindings>();
  private readonly argparse = new Map<string, ArgparseOption | null>();
  private readonly dataclasses = new Map<string, Map<string, SyntaxNode | null>>();
  /** Names bound to `parser.parse_args()`. */
  private readonly parsedArgs = new Set<string>();

  /**
   * @param where How a message names a place in the code: "line 12" in a script, "cell 3, line 2" in a notebook.
   */
  constructor(
    readonly text: string,
    root: SyntaxNode,
    readonly where: (offset: number) => string = lineNamer(text),
  ) {
    const cursor = root.cursor();
    do {
      if (!this.error && (cursor.type.isError || cursor.name === 'PrintStatement')) this.error = syntaxErrorAt(cursor.node, text);
      switch (cursor.name) {
        case 'CallExpression':
          this.calls.push(cursor.node);
          break;
        case 'AssignStatement':
          this.addAssignment(cursor.node);
          break;
        case 'UpdateStatement':
        case 'ForStatement':
        case 'WithStatement':
          this.addOpaqueTargets(cursor.node);
          break;
        case 'ImportStatement':
          this.addImport(cursor.node);
          break;
        case 'FunctionDefinition':
        case 'LambdaExpression':
          this.addParameters(cursor.node);
          break;
        case 'ClassDefinition':
          this.addDataclass(cursor.node);
          break;
        default:
      }
    } while (cursor.next());
    // Most scripts take no command-line options: their calls need no second look.
    if (text.includes('add_argument')) for (const call of this.calls) this.addArgparseOption(call);
  }

  /** The qualified name a dotted name stands for through the imports (`optim.SGD` → `torch.optim.SGD`). */
  qualify(name: string): string {
    const dot = name.indexOf('.');
    const head = dot < 0 ? name : name.slice(0, dot);
    const imported = this.imports.get(head);
    return imported ? imported + (dot < 0 ? '' : name.slice(dot)) : name;
  }

  /** The calls with their qualified callees, in source order. */
  qualifiedCalls(): readonly { node: SyntaxNode; callee: string | undefined }[] {
    return (this.qualified ??= this.calls.map((node) => ({ node, callee: this.calleeOf(node) })));
  }

  /** A call's arguments, read once per call. */
  argumentsOf(call: SyntaxNode): CallArguments {
    let args = this.arguments.get(call.from);
    if (!args) this.arguments.set(call.from, (args = callArguments(call, this.text)));
    return args;
  }

  /** The qualified name of what a call calls, e.g. `torch.optim.SGD`. */
  calleeOf(call: SyntaxNode): string | undefined {
    const callee = call.firstChild;
    const name = callee ? dottedName(callee, this.text) : undefined;
    return name === undefined ? undefined : this.qualify(name);
  }

  /** The single `NAME = expr` of a name in the scope that a use sees (function, then module), or undefined. */
  definitionOf(name: string, at: SyntaxNode): SyntaxNode | undefined {
    for (let scope: SyntaxNode | null = enclosingScope(at); scope; scope = scope.name === 'Script' ? null : enclosingScope(scope)) {
      const bound = this.scopes.get(scopeKey(scope))?.get(name);
      if (bound) return bound.length === 1 && bound[0] ? bound[0] : undefined;
    }
    return undefined;
  }

  /** The value of an expression when it is static: literals, names bound once, argparse defaults, dataclass defaults. */
  resolve(node: SyntaxNode | undefined, via: readonly string[] = [], hops = 0): Known | undefined {
    if (!node || hops > MAX_HOPS) return undefined;
    switch (node.name) {
      case 'Number':
        return known(numberValue(textOf(node, this.text)), node, via);
      case 'String':
        return known(stringValue(textOf(node, this.text)), node, via, true);
      case 'Boolean':
        return known(textOf(node, this.text) === 'True', node, via);
      case 'UnaryExpression': {
        const operator = node.firstChild;
        const operand = operator?.nextSibling;
        if (!operand || operand.name !== 'Number' || !operator || !['-', '+'].includes(textOf(operator, this.text))) return undefined;
        const value = numberValue(textOf(operand, this.text));
        return value === undefined ? undefined : known(textOf(operator, this.text) === '-' ? -value : value, node, via);
      }
      case 'ParenthesizedExpression':
        return this.resolve(children(node).find((c) => c.name !== '(' && c.name !== ')'), via, hops);
      case 'TupleExpression':
      case 'ArrayExpression': {
        const items = children(node).filter((c) => !['(', ')', '[', ']', ','].includes(c.name)).map((c) => this.resolve(c, via, hops + 1));
        if (items.some((item) => item === undefined)) return undefined;
        return { value: items.map((item) => item!.value), node, quoted: false, via, items: items as Known[] };
      }
      case 'VariableName': {
        const name = textOf(node, this.text);
        const definition = this.definitionOf(name, node);
        return definition ? this.resolve(definition, [...via, `\`${name}\` (${this.where(definition.from)})`], hops + 1) : undefined;
      }
      case 'MemberExpression': {
        const float = trailingDotFloat(node, this.text);
        return float === undefined ? this.resolveAttribute(node, via, hops) : known(numberValue(float), node, via);
      }
      default:
        return undefined;
    }
  }

  /** `args.lr` → the argparse default of `--lr`; `config.lr` with `config = Config()` → the dataclass field's default. */
  private resolveAttribute(node: SyntaxNode, via: readonly string[], hops: number): Known | undefined {
    const object = node.firstChild;
    const property = node.lastChild;
    if (object?.name !== 'VariableName' || property?.name !== 'PropertyName') return undefined;
    const objectName = textOf(object, this.text);
    const field = textOf(property, this.text);
    const definition = this.definitionOf(objectName, node);
    if (definition?.name === 'CallExpression') {
      const callee = this.calleeOf(definition);
      const last = callee?.split('.').pop();
      if (last === 'parse_args' || last === 'parse_known_args') return this.argparseDefault(field, via, hops);
      const fields = last ? this.dataclasses.get(last) : undefined;
      if (!fields) return undefined;
      const args = callArguments(definition, this.text);
      const written = args.keywords.get(field);
      if (written) return this.resolve(written, [...via, `\`${objectName}.${field}\``], hops + 1);
      if (args.open || args.positional.length > 0) return undefined;
      const fallback = fields.get(field);
      return fallback ? this.resolve(fallback, [...via, `the default of the dataclass field \`${last}.${field}\``], hops + 1) : undefined;
    }
    // `args` handed to a function from `main`: the parsed options, when the name is the one parse_args() fills.
    if (!definition && this.parsedArgs.has(objectName)) return this.argparseDefault(field, via, hops);
    return undefined;
  }

  private argparseDefault(dest: string, via: readonly string[], hops: number): Known | undefined {
    const option = this.argparse.get(dest);
    if (!option?.value) return undefined;
    return this.resolve(option.value, [...via, `the argparse default of \`${option.flag}\``], hops + 1);
  }

  private bind(scope: SyntaxNode, name: string, value: SyntaxNode | null): void {
    let bindings = this.scopes.get(scopeKey(scope));
    if (!bindings) this.scopes.set(scopeKey(scope), (bindings = new Map()));
    const list = bindings.get(name);
    if (list) list.push(value);
    else bindings.set(name, [value]);
  }

  /** `a = b = expr` binds each name to expr; `a, b = …`, `a[i] = …` and `a.b = …` leave names unknown. */
  private addAssignment(statement: SyntaxNode): void {
    const parts = children(statement);
    let lastOp = parts.length - 1;
    while (lastOp >= 0 && parts[lastOp]!.name !== 'AssignOp') lastOp--;
    if (lastOp < 0) return;
    let value: SyntaxNode | null = null;
    for (let i = lastOp + 1; i < parts.length; i++) {
      if (parts[i]!.name === ',') continue;
      // More than one value (`a = 1, 2`) is a tuple: no single value node.
      value = value ? null : parts[i]!;
      if (!value) break;
    }
    const targets: SyntaxNode[] = [];
    let tuple = false;
    for (let i = 0; i < lastOp; i++) {
      const name = parts[i]!.name;
      if (name === 'VariableName') targets.push(parts[i]!);
      else if (name === ',') tuple = true;
    }
    if (targets.length === 0) return;
    const scope = enclosingScope(statement);
    for (const target of targets) {
      const name = textOf(target, this.text);
      this.bind(scope, name, tuple ? null : value);
      if (!tuple && value?.name === 'CallExpression' && /\.parse(_known)?_args$/.test(dottedName(value.firstChild!, this.text) ?? '')) this.parsedArgs.add(name);
    }
  }

  private addOpaqueTargets(statement: SyntaxNode): void {
    const scope = enclosingScope(statement);
    // The previous sibling's name is carried along: lezer finds a node's prevSibling by searching its parent.
    let previous = '';
    for (let child = statement.firstChild; child; child = child.nextSibling) {
      if (child.name === 'Body') break;
      if (child.name === 'VariableName' && (statement.name !== 'WithStatement' || previous === 'as')) this.bind(scope, textOf(child, this.text), null);
      if (statement.name === 'UpdateStatement') break;
      previous = child.name;
    }
  }

  private addParameters(definition: SyntaxNode): void {
    const params = definition.getChild('ParamList');
    const nameNode = definition.name === 'FunctionDefinition' ? definition.getChild('VariableName') : null;
    if (nameNode) this.bind(enclosingScope(definition), textOf(nameNode, this.text), null);
    let previous = '';
    for (let param = params?.firstChild ?? null; param; param = param.nextSibling) {
      if (param.name === 'VariableName' && previous !== 'AssignOp') this.bind(definition, textOf(param, this.text), null);
      previous = param.name;
    }
  }

  private addImport(statement: SyntaxNode): void {
    const parts = children(statement);
    const from = parts[0]?.name === 'from';
    const importAt = parts.findIndex((p) => p.name === 'import');
    const module = from ? parts.slice(1, importAt).map((p) => textOf(p, this.text)).join('') : '';
    const scope = enclosingScope(statement);
    // Groups of dotted names separated by commas, each optionally `as alias`.
    let current: string[] = [];
    let alias: string | undefined;
    const flush = () => {
      if (current.length === 0) return;
      const dotted = current.join('.');
      const local = alias ?? (from ? dotted : current[0]!);
      this.imports.set(local, from ? `${module}.${dotted}` : alias ? dotted : current[0]!);
      this.bind(scope, local, null);
      current = [];
      alias = undefined;
    };
    for (let i = from ? importAt + 1 : 1; i < parts.length; i++) {
      const part = parts[i]!;
      if (part.name === ',') flush();
      else if (part.name === 'as') {
        alias = textOf(parts[++i]!, this.text);
      } else if (part.name === 'VariableName') current.push(textOf(part, this.text));
    }
    flush();
  }

  /** `@dataclass class C: lr: float = 1e-3` (or `= field(default=1e-3)`): the defaults of its fields. */
  private addDataclass(definition: SyntaxNode): void {
    const decorated = definition.parent?.name === 'DecoratedStatement' ? definition.parent : undefined;
    const decorators = decorated ? decorated.getChildren('Decorator').map((d) => textOf(d, this.text)) : [];
    if (!decorators.some((d) => /^@(\w+\.)*dataclass\b/.test(d))) return;
    const name = definition.getChild('VariableName');
    const body = definition.getChild('Body');
    if (!name || !body) return;
    const fields = new Map<string, SyntaxNode | null>();
    for (const statement of body.getChildren('AssignStatement')) {
      const parts = children(statement);
      const target = parts[0];
      const op = parts.findIndex((p) => p.name === 'AssignOp');
      const value = parts[op + 1];
      if (target?.name !== 'VariableName' || op < 0 || !value) continue;
      let fallback: SyntaxNode | null = value;
      if (value.name === 'CallExpression' && /^(dataclasses\.)?field$/.test(dottedName(value.firstChild!, this.text) ?? '')) {
        fallback = callArguments(value, this.text).keywords.get('default') ?? null;
      }
      fields.set(textOf(target, this.text), fallback);
    }
    this.dataclasses.set(textOf(name, this.text), fields);
  }

  /** `parser.add_argument('--lr', type=float, default=0.1)` → option `lr` (or its `dest=`). */
  private addArgparseOption(call: SyntaxNode): void {
    const callee = call.firstChild;
    // The text test first: it spares materialising the property node of every other method call.
    if (callee?.name !== 'MemberExpression' || !this.text.startsWith('add_argument', callee.to - 12)) return;
    if (callee.lastChild?.name !== 'PropertyName' || textOf(callee.lastChild, this.text) !== 'add_argument') return;
    const args = callArguments(call, this.text);
    const flags = args.positional.map((p) => (p.name === 'String' ? stringValue(textOf(p, this.text)) : undefined)).filter((f): f is string => typeof f === 'string');
    if (flags.length === 0 || !flags.every((f) => f.startsWith('-'))) return;
    const long = flags.find((f) => f.startsWith('--')) ?? flags[0]!;
    const destNode = args.keywords.get('dest');
    const dest = destNode?.name === 'String' ? stringValue(textOf(destNode, this.text)) : long.replace(/^-+/, '').replaceAll('-', '_');
    if (typeof dest !== 'string') return;
    const option = { flag: long, value: args.keywords.get('default') ?? null };
    // The same option added twice (sub-commands, branches): which default applies is not static.
    this.argparse.set(dest, this.argparse.has(dest) ? null : option);
  }
}

/** "line 12" for an offset, with the line starts computed on first use. */
function lineNamer(text: string): (offset: number) => string {
  let locate: ((offset: number) => { line: number }) | undefined;
  return (offset) => `line ${(locate ??= lineLocator(text))(offset).line}`;
}

/** A scope's key: the module, or the offset where its `def`/`lambda` starts (a file may begin with a `def`). */
function scopeKey(scope: SyntaxNode): number {
  return scope.name === 'Script' ? -1 : scope.from;
}

function known(value: unknown, node: SyntaxNode, via: readonly string[], quoted = false): Known | undefined {
  return value === undefined ? undefined : { value, node, quoted, via };
}

/** A Python number literal (`1e-3`, `1_000`, `0x10`, `.5`); complex numbers are not hyperparameters. */
export function numberValue(text: string): number | undefined {
  const clean = text.replaceAll('_', '');
  if (/[jJ]$/.test(clean)) return undefined;
  const value = /^0[oO]/.test(clean) ? parseInt(clean.slice(2), 8) : Number(clean.replace(/[lL]$/, ''));
  return Number.isFinite(value) ? value : undefined;
}

/** A plain string literal's value; byte strings and literals with escapes are left unknown. */
export function stringValue(text: string): string | undefined {
  const match = /^([rRuU]?)('''|"""|'|")([\s\S]*)\2$/.exec(text);
  if (!match) return undefined;
  const body = match[3]!;
  return !match[1] && body.includes('\\') ? undefined : body;
}
