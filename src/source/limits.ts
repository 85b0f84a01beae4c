/**
 * Caps that keep hostile input from crashing or stalling the linter. Each breach becomes a `parse-error`
 * diagnostic with a position, never an exception.
 */
export const LIMITS = {
  /** Bytes of one file (`--max-file-size`); training configs are kilobytes. */
  maxFileSize: 10 * 1024 * 1024,
  /** Nesting of collections; the YAML parser recurses per level and real configs stay under 20. */
  maxDepth: 64,
  /** Aliases expanded while converting a document (alias bombs). */
  maxAliasCount: 100,
  /**
   * Bytes of one training history (`advise --history`): a long run's trainer_state.json or metrics.csv is a
   * few megabytes; a 200 MB file would take gigabytes to parse.
   */
  maxHistorySize: 64 * 1024 * 1024,
  /** Columns of a CSV history: every row is padded to the header's width, so a million columns is a memory bomb. */
  maxHistoryColumns: 10_000,
  /** Memory one lint worker thread may need (its own copy of hplint and its share of files): caps `--concurrency`. */
  workerMemory: 256 * 1024 * 1024,
} as const;

export interface DepthBreach {
  readonly offset: number;
  readonly depth: number;
}

/**
 * Finds the first place where collections nest deeper than `maxDepth`, counting flow brackets and block
 * indentation levels in one pass, before the recursive parser sees the text. Quoted scalars and comments
 * are skipped so a `[` inside a string does not count.
 */
export function findDepthBreach(text: string, maxDepth: number = LIMITS.maxDepth): DepthBreach | undefined {
  let flow = 0;
  const indents: number[] = [];
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (ch === ' ' || ch === '-') {
        indent++;
        continue;
      }
      lineStart = false;
      if (ch !== '#' && ch !== '\r' && flow === 0) {
        while (indents.length > 0 && indents[indents.length - 1]! >= indent) indents.pop();
        indents.push(indent);
        if (indents.length > maxDepth) return { offset: i, depth: indents.length };
      }
    }
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
    } else if ((ch === '"' || ch === "'") && startsToken(text, i)) {
      i = skipQuoted(text, i, ch);
    } else if (ch === '[' || ch === '{') {
      flow++;
      if (flow + indents.length > maxDepth) return { offset: i, depth: flow + indents.length };
    } else if ((ch === ']' || ch === '}') && flow > 0) {
      flow--;
    }
  }
  return undefined;
}

function skipQuoted(text: string, start: number, quote: string): number {
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i];
    if (quote === '"' && ch === '\\') i++;
    else if (ch === quote) {
      if (quote === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  return text.length;
}

/** A quote opens a quoted scalar only at the start of a token, not inside a plain one (`it's`). */
function startsToken(text: string, index: number): boolean {
  return index === 0 || /[\s[{,:]/.test(text[index - 1]!);
}
