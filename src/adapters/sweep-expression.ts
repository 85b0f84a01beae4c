/**
 * The part of Hydra's override grammar that sweeper `params` use: `interval(0.0001, 0.1)`,
 * `choice(32, 64)`, `range(1, 10, 2)`, `tag(log, interval(a, b))`, `int(…)`, and the basic sweeper's
 * comma lists (`0.1,0.01`). Anything else is left alone (undefined), never guessed.
 */

export type Primitive = number | string | boolean | null;

/** What a sweep expression searches: a list of values, or a range with a scale. */
export type SweepDomain =
  | { readonly kind: 'values'; readonly values: readonly Primitive[] }
  | { readonly kind: 'range'; readonly min: number; readonly max: number; readonly scale: 'linear' | 'log' }
  | { readonly kind: 'fixed'; readonly value: Primitive };

interface Call {
  readonly name: string;
  readonly args: readonly Node[];
  readonly named: Readonly<Record<string, Node>>;
}
type Node = Primitive | Call | readonly Node[];

/** Ranges longer than this are not expanded into values (a typo such as `range(0, 1e9)`). */
const MAX_RANGE_VALUES = 10000;

export function parseSweepExpression(text: string): SweepDomain | undefined {
  let nodes: Node[];
  try {
    nodes = new Parser(text).sequence();
  } catch {
    return undefined;
  }
  if (nodes.length > 1) return allPrimitive(nodes) ? { kind: 'values', values: nodes } : undefined;
  return nodes.length === 1 ? domainOf(nodes[0]!) : undefined;
}

function domainOf(node: Node, log = false): SweepDomain | undefined {
  if (!isCall(node)) return Array.isArray(node) ? undefined : { kind: 'fixed', value: node as Primitive };
  const args = node.args;
  switch (node.name) {
    case 'choice':
      return allPrimitive(args) ? { kind: 'values', values: args } : undefined;
    case 'interval': {
      const [min, max] = [numberArg(node, 0, 'start'), numberArg(node, 1, 'end')];
      return min !== undefined && max !== undefined ? { kind: 'range', min, max, scale: log ? 'log' : 'linear' } : undefined;
    }
    case 'range':
      return rangeValues(numberArg(node, 0, 'start'), numberArg(node, 1, 'stop'), numberArg(node, 2, 'step') ?? 1);
    case 'tag': {
      // tag(log, interval(a, b)): the last argument is the sweep, the others its tags.
      const tags = args.slice(0, -1);
      const inner = args.at(-1);
      return inner === undefined ? undefined : domainOf(inner, log || tags.includes('log'));
    }
    case 'int':
    case 'float':
    case 'sort':
    case 'shuffle':
      return args.length === 1 ? domainOf(args[0]!, log) : undefined;
    default:
      return undefined;
  }
}

/** Python's `range(start, stop, step)`, as Hydra evaluates it. */
function rangeValues(start: number | undefined, stop: number | undefined, step: number): SweepDomain | undefined {
  if (start === undefined || stop === undefined || step === 0) return undefined;
  const count = Math.ceil((stop - start) / step);
  if (!(count > 0) || count > MAX_RANGE_VALUES) return undefined;
  return { kind: 'values', values: Array.from({ length: count }, (_v, i) => start + i * step) };
}

function numberArg(call: Call, index: number, name: string): number | undefined {
  const value = call.named[name] ?? call.args[index];
  return typeof value === 'number' ? value : undefined;
}

function isCall(node: Node): node is Call {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

function allPrimitive(nodes: readonly Node[]): nodes is Primitive[] {
  return nodes.every((n) => !isCall(n) && !Array.isArray(n));
}

class Parser {
  private position = 0;
  constructor(private readonly text: string) {}

  /** Comma-separated nodes up to the end of the text. */
  sequence(): Node[] {
    const nodes = this.list('');
    this.skipSpace();
    if (this.position < this.text.length) throw new Error(`unexpected ${this.text[this.position]}`);
    return nodes;
  }

  private list(closing: string): Node[] {
    const nodes: Node[] = [];
    this.skipSpace();
    if (closing && this.peek() === closing) return nodes;
    for (;;) {
      nodes.push(this.node());
      this.skipSpace();
      if (this.peek() !== ',') return nodes;
      this.position++;
    }
  }

  private node(): Node {
    this.skipSpace();
    const char = this.peek();
    if (char === '[') {
      this.position++;
      const items = this.list(']');
      this.expect(']');
      return items;
    }
    if (char === '"' || char === "'") return this.quoted(char);
    const word = this.word();
    this.skipSpace();
    if (this.peek() === '(' && /^[A-Za-z_]\w*$/.test(word)) {
      this.position++;
      const args: Node[] = [];
      const named: Record<string, Node> = {};
      for (const item of this.arguments()) {
        if (item.name) Object.defineProperty(named, item.name, { value: item.value, enumerable: true });
        else args.push(item.value);
      }
      this.expect(')');
      return { name: word, args, named };
    }
    return primitive(word);
  }

  private arguments(): { name?: string; value: Node }[] {
    const items: { name?: string; value: Node }[] = [];
    this.skipSpace();
    if (this.peek() === ')') return items;
    for (;;) {
      this.skipSpace();
      const named = /^([A-Za-z_]\w*)\s*=/.exec(this.text.slice(this.position));
      if (named) this.position += named[0].length;
      items.push({ ...(named ? { name: named[1]! } : {}), value: this.node() });
      this.skipSpace();
      if (this.peek() !== ',') return items;
      this.position++;
    }
  }

  private word(): string {
    const match = /^[^,()[\]'"]*/.exec(this.text.slice(this.position))!;
    this.position += match[0].length;
    const word = match[0].trim();
    if (word === '') throw new Error('empty value');
    return word;
  }

  private quoted(quote: string): string {
    const end = this.text.indexOf(quote, this.position + 1);
    if (end < 0) throw new Error('unterminated string');
    const value = this.text.slice(this.position + 1, end);
    this.position = end + 1;
    return value;
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.peek() !== char) throw new Error(`expected ${char}`);
    this.position++;
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private skipSpace(): void {
    while (/\s/.test(this.text[this.position] ?? '')) this.position++;
  }
}

/** A bare word as Hydra reads it: numbers (`1e-4`, `.5`), booleans, null, else a string. */
function primitive(word: string): Primitive {
  if (/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(word)) return Number(word);
  const lower = word.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  if (lower === 'null') return null;
  return word;
}
