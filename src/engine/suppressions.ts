import { LineCounter, Parser } from 'yaml';
import { PARSE_ERROR } from './diagnostic.js';
import type { Diagnostic } from './diagnostic.js';

/** The id of the diagnostic `--report-unused-disable-directives` adds for a directive that suppresses nothing. */
export const UNUSED_DIRECTIVE = 'unused-disable-directive';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

/** One `# hplint-…` comment; `ruleIds` empty means every rule. */
export interface Directive {
  readonly kind: DirectiveKind;
  readonly ruleIds: readonly string[];
  readonly reason?: string;
  /** Zero-based offsets of the comment in the text. */
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
}

const DIRECTIVE = /^#\s*hplint-(disable-next-line|disable-file|disable|enable)(?=\s|$)(.*)$/;

/**
 * The directives in a YAML or JSON text. Comments are taken from yaml's concrete syntax tree, so a `#` inside
 * a quoted string or a block scalar is never mistaken for one; JSON files may carry `#` comments too (they
 * are YAML comments, which the parser accepts inside JSON's flow collections).
 */
export function parseDirectives(text: string): Directive[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = body === text ? 0 : 1;
  const lineCounter = new LineCounter();
  const comments: { offset: number; source: string }[] = [];
  for (const token of new Parser(lineCounter.addNewLine).parse(body)) collectComments(token, comments);
  const directives: Directive[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.source);
    if (!match) continue;
    const [list = '', reason] = match[2]!.split(/\s--\s?/, 2);
    const position = lineCounter.linePos(comment.offset);
    directives.push({
      kind: match[1] as DirectiveKind,
      ruleIds: list.split(/[\s,]+/).filter((id) => id.length > 0),
      ...(reason?.trim() ? { reason: reason.trim() } : {}),
      start: comment.offset + shift,
      end: comment.offset + comment.source.length + shift,
      line: position.line,
      column: position.col,
      endColumn: position.col + comment.source.length,
    });
  }
  return directives.sort((a, b) => a.start - b.start);
}

function collectComments(node: unknown, out: { offset: number; source: string }[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectComments(item, out);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const token = node as { type?: unknown; offset?: unknown; source?: unknown };
  if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
    out.push({ offset: token.offset, source: token.source });
    return;
  }
  for (const value of Object.values(node)) if (typeof value === 'object') collectComments(value, out);
}

export interface SuppressionOptions {
  /** Report directives that suppress nothing, as ESLint's `--report-unused-disable-directives` does. */
  readonly reportUnused?: boolean;
}

/** Which directive (and which of its ids, `*` for all) suppresses a diagnostic. */
interface Use {
  readonly directive: Directive;
  readonly id: string;
}

/**
 * Drops the diagnostics that inline directives suppress; with `reportUnused`, adds one error per directive
 * entry that suppressed nothing. `parse-error` is never suppressed: a file that does not parse has no
 * trustworthy comments.
 */
export function applySuppressions(text: string, diagnostics: readonly Diagnostic[], options: SuppressionOptions = {}): Diagnostic[] {
  // Most files have no directive: skip the second parse that finding comments takes.
  if (!text.includes('hplint-') || diagnostics.some((d) => d.ruleId === PARSE_ERROR)) return [...diagnostics];
  const directives = parseDirectives(text);
  if (directives.length === 0) return [...diagnostics];
  const used = new Set<string>();
  const kept = diagnostics.filter((d) => {
    const use = suppressorOf(d, directives);
    if (use) used.add(useKey(use));
    return !use;
  });
  if (!options.reportUnused) return kept;
  const unused = directives.filter((d) => d.kind !== 'enable').flatMap((directive) => unusedEntries(directive, used));
  return [...kept, ...unused].sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
}

function useKey(use: Use): string {
  return `${use.directive.start}:${use.id}`;
}

function covers(directive: Directive, ruleId: string): string | undefined {
  if (directive.ruleIds.length === 0) return '*';
  return directive.ruleIds.includes(ruleId) ? ruleId : undefined;
}

function suppressorOf(d: Diagnostic, directives: readonly Directive[]): Use | undefined {
  for (const directive of directives) {
    const id = covers(directive, d.ruleId);
    if (id === undefined) continue;
    if (directive.kind === 'disable-file') return { directive, id };
    if (directive.kind === 'disable-next-line' && d.line === directive.line + 1) return { directive, id };
  }
  return regionSuppressor(d, directives);
}

/** Replays `disable` / `enable` directives up to the diagnostic's position (ESLint's block semantics). */
function regionSuppressor(d: Diagnostic, directives: readonly Directive[]): Use | undefined {
  let all: Directive | undefined;
  const byId = new Map<string, Directive>();
  const reEnabled = new Set<string>();
  for (const directive of directives) {
    if (directive.start >= d.range[0]) break;
    if (directive.kind !== 'disable' && directive.kind !== 'enable') continue;
    const disable = directive.kind === 'disable';
    if (directive.ruleIds.length === 0) {
      all = disable ? directive : undefined;
      byId.clear();
      reEnabled.clear();
      continue;
    }
    for (const id of directive.ruleIds) {
      if (disable) {
        byId.set(id, directive);
        reEnabled.delete(id);
      } else {
        byId.delete(id);
        if (all) reEnabled.add(id);
      }
    }
  }
  const specific = byId.get(d.ruleId);
  if (specific) return { directive: specific, id: d.ruleId };
  return all && !reEnabled.has(d.ruleId) ? { directive: all, id: '*' } : undefined;
}

function unusedEntries(directive: Directive, used: ReadonlySet<string>): Diagnostic[] {
  const ids = directive.ruleIds.length === 0 ? ['*'] : directive.ruleIds;
  return ids
    .filter((id) => !used.has(`${directive.start}:${id}`))
    .map((id) => ({
      ruleId: UNUSED_DIRECTIVE,
      severity: 'error' as const,
      tier: null,
      message:
        id === '*'
          ? `Unused hplint-${directive.kind} directive (no problems were reported).`
          : `Unused hplint-${directive.kind} directive (no problems were reported from "${id}").`,
      path: '',
      line: directive.line,
      column: directive.column,
      endLine: directive.line,
      endColumn: directive.endColumn,
      range: [directive.start, directive.end] as const,
    }));
}
