import type { AdapterOutput, DefaultValue, FormatName } from '../adapters/adapter.js';
import type { Loader } from '../adapters/loaders.js';
import { AdapterFailure, asAdapter, detectFormat, loaderFor } from '../adapters/index.js';
import { inferRanks } from '../model/distributed.js';
import { isPlainObject, normalizeConfig } from '../model/normalize.js';
import { inferRegime } from '../model/regime.js';
import { parentPointer } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import { parseSource } from '../source/document.js';
import { mayReadDifferently } from '../source/scalar-rules.js';
import type { SourceDocument } from '../source/document.js';
import { LIMITS } from '../source/limits.js';
import { FILE_START } from '../source/range.js';
import type { SourcePath, SourceRange } from '../source/range.js';
import { internalErrorDiagnostic, parseErrorDiagnostic } from './diagnostic.js';
import type { Diagnostic } from './diagnostic.js';
import type { AnyRule, DocumentFacts, Finding, Severity } from './rule.js';
import { effectiveSeverity } from './settings.js';
import { applySuppressions } from './suppressions.js';
import type { ResolvedRule, RuleSettings } from './settings.js';

export { INTERNAL_ERROR, PARSE_ERROR, parseErrorDiagnostic } from './diagnostic.js';
export type { Diagnostic } from './diagnostic.js';

export interface LintResult {
  /** As given or relative to the working directory; `<stdin>` without a name. */
  readonly filePath: string;
  readonly format: FormatName;
  readonly diagnostics: readonly Diagnostic[];
  /** Why this format was chosen (or why the file was not read as a config). */
  readonly reason: string;
  /** The file's text, for formatters that print source lines. */
  readonly source: string;
}

export interface LintOptions {
  readonly filePath?: string;
  readonly rules?: RuleSettings;
  readonly inputFormat?: FormatName;
  /** Report `# hplint-disable` directives that suppress nothing (ESLint's `--report-unused-disable-directives`). */
  readonly reportUnusedDisableDirectives?: boolean;
  /** Larger files get one `parse-error` and are not parsed (default 10 MiB, LIMITS.maxFileSize). */
  readonly maxFileSize?: number;
}

/** The canonical view of a file: what rules run on, what `--print-config` and the advisor show. */
export interface ReadConfig {
  readonly document: SourceDocument;
  readonly format: FormatName;
  readonly reason: string;
  readonly config?: TrainingConfig;
  readonly facts?: DocumentFacts;
  readonly sources: ReadonlyMap<Pointer, SourcePath>;
  readonly defaults: ReadonlyMap<Pointer, DefaultValue>;
  /** Canonical paths whose value the adapter computed from its source (never edited by fixes). */
  readonly derived?: ReadonlySet<Pointer>;
  /** The adapter threw on this file (a bug in hplint): reported as the file's `internal-error`, no rule runs. */
  readonly adapterFailure?: AdapterFailure;
}

/** Parses and adapts a file's text into the canonical model, without running rules. */
export function readConfig(text: string, options: Pick<LintOptions, 'filePath' | 'inputFormat'> = {}): ReadConfig {
  const document = parseSource(text, options.filePath ?? '<text>');
  if (document.problems.length > 0) return { document, format: 'unknown', reason: 'the file does not parse', ...nothingRead() };
  try {
    return adapt(document, options.inputFormat);
  } catch (error) {
    if (!(error instanceof AdapterFailure)) throw error;
    return { document, format: error.adapter, reason: `adapter ${error.adapter} failed`, adapterFailure: error, ...nothingRead() };
  }
}

/** The source map of a file nothing was read from. */
function nothingRead() {
  return { sources: new Map<Pointer, SourcePath>(), defaults: new Map<Pointer, DefaultValue>() };
}

/**
 * Detects the format of a parsed file and reads it as canonical config, as the framework's loader reads
 * the file; an adapter that throws is named.
 */
function adapt(parsed: SourceDocument, inputFormat: FormatName | undefined): ReadConfig {
  const detection = detectFormat(parsed.root, inputFormat);
  if (!detection.adapter) {
    // Not a training config: only rules that read any file (security checks of the YAML itself) run.
    const facts: DocumentFacts = {
      format: 'unknown',
      rawScalar: () => undefined,
      defaultOf: () => undefined,
      typeProblems: [],
      unknownKeys: [],
      tags: parsed.tags,
    };
    return { document: parsed, format: detection.format, reason: detection.reason, facts, ...nothingRead() };
  }
  const adapter = detection.adapter;
  const loader = asAdapter(adapter, () => loaderFor(adapter, parsed.root, parsed.text, syntaxOf(parsed)));
  const document = readAs(parsed, loader);
  const output = asAdapter(adapter, () => adapter.read(document.root));
  const normalized = normalizeConfig(withInferred(output.config, document.root, detection.format));
  const sources = output.sources;
  const defaults = output.defaults ?? new Map<Pointer, DefaultValue>();
  const facts: DocumentFacts = {
    format: detection.format,
    loader,
    rawScalar: (path) => {
      const source = writtenSource(path, { sources, defaults, derived: output.derived });
      return source ? document.rawScalar(source) : undefined;
    },
    defaultOf: (path) => defaults.get(path),
    typeProblems: normalized.typeProblems,
    unknownKeys: normalized.unknownKeys,
    tags: document.tags,
  };
  return { document, format: detection.format, reason: detection.reason, config: normalized.config, facts, sources, defaults, ...(output.derived ? { derived: output.derived } : {}) };
}

/**
 * The adapter's config with what the file shows beyond its format's keys: the training regime and the
 * data-parallel ranks (src/model/regime.ts, distributed.ts). What the file states itself is kept.
 */
function withInferred(config: Record<string, unknown>, root: unknown, format: FormatName): Record<string, unknown> {
  const regime = config.regime === undefined ? inferRegime({ root, format, config }) : undefined;
  const training = isPlainObject(config.training) ? config.training : undefined;
  const ranks = training?.devices === undefined ? inferRanks(root) : undefined;
  return {
    ...config,
    ...(regime ? { regime } : {}),
    ...(ranks ? { training: { ...training, devices: ranks.ranks } } : {}),
  };
}

/**
 * The file as its loader reads it: parsed again when the loader's scalar rules are not YAML 1.2's (the
 * positions are the same). A file the loader's rules cannot build (keys that collide once `on` is a
 * boolean) stays as YAML 1.2 read it.
 */
function readAs(parsed: SourceDocument, loader: Loader): SourceDocument {
  if (loader.scalars === parsed.scalarRules || !mayReadDifferently(parsed.text, loader.scalars)) return parsed;
  const reparsed = parseSource(parsed.text, parsed.filePath, loader.scalars);
  return reparsed.problems.length === 0 ? reparsed : parsed;
}

/**
 * The source a canonical value was copied from as written: its own, or for an item of a list copied whole
 * (a sweep's `values`), its list's source and the item's index. Defaults and derived values have none.
 */
function writtenSource(path: Pointer, output: Pick<AdapterOutput, 'sources' | 'defaults' | 'derived'>): SourcePath | undefined {
  const written = (p: Pointer) => !output.defaults?.has(p) && !output.derived?.has(p);
  const indexes: number[] = [];
  for (let p: Pointer | undefined = path; p !== undefined; p = parentPointer(p)) {
    const source = output.sources.get(p);
    if (source) return written(p) ? [...source, ...indexes] : undefined;
    const last = p.slice(p.lastIndexOf('/') + 1);
    if (!/^\d+$/.test(last)) return undefined;
    indexes.unshift(Number(last));
  }
  return undefined;
}

/** JSON by extension, else YAML by extension, else JSON when the whole text is JSON (stdin). */
function syntaxOf(document: SourceDocument): 'yaml' | 'json' {
  if (/\.json5?$/i.test(document.filePath)) return 'json';
  if (/\.ya?ml$/i.test(document.filePath)) return 'yaml';
  try {
    JSON.parse(document.text);
    return 'json';
  } catch {
    return 'yaml';
  }
}

/**
 * Lints one file's text with the rules the caller resolved (the engine knows no rule set: the rules layer's
 * `lintText` passes the registry, the CLI resolves once for many files). Never throws for bad input:
 * unreadable text becomes `parse-error` diagnostics.
 */
export function lintWith(text: string, options: LintOptions, rules: readonly ResolvedRule[]): LintResult {
  return lintAndRead(text, options, rules).result;
}

/**
 * The lint result together with the canonical view it was computed from (absent for a file too large
 * to read): fixes plan their edits on the same parse instead of parsing the text again.
 */
export function lintAndRead(text: string, options: LintOptions, rules: readonly ResolvedRule[]): { result: LintResult; read?: ReadConfig } {
  const filePath = options.filePath ?? '<text>';
  const maxFileSize = options.maxFileSize ?? LIMITS.maxFileSize;
  if (text.length > maxFileSize / 4 && Buffer.byteLength(text) > maxFileSize) {
    const message = `the file is larger than the ${formatBytes(maxFileSize)} limit (--max-file-size); it was not read`;
    return { result: { filePath, format: 'unknown', diagnostics: [parseErrorDiagnostic(message)], reason: 'too large', source: '' } };
  }
  const read = readConfig(text, options);
  return { result: lintRead(text, filePath, options, rules, read), read };
}

function lintRead(text: string, filePath: string, options: LintOptions, rules: readonly ResolvedRule[], read: ReadConfig): LintResult {
  const { document } = read;
  if (document.problems.length > 0) {
    const diagnostics = document.problems.map((problem) => parseErrorDiagnostic(problem.message, problem.range));
    return { filePath, format: read.format, diagnostics, reason: read.reason, source: text };
  }
  if (read.adapterFailure) {
    const diagnostics = [internalErrorDiagnostic(`adapter ${read.adapterFailure.adapter}`, read.adapterFailure.cause)];
    return { filePath, format: read.format, diagnostics, reason: read.reason, source: text };
  }
  if (!read.facts) return { filePath, format: read.format, diagnostics: [], reason: read.reason, source: text };
  const failures: Diagnostic[] = [];
  const findings = runRules(read.config ?? {}, read.facts, rules, (rule, error) => failures.push(internalErrorDiagnostic(`rule ${rule.id}`, error)));
  const diagnostics = findings.map(({ rule, severity, finding }) => {
    const range = locate(finding, read);
    return toDiagnostic(rule, severity, finding, range);
  });
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  // A failure of hplint itself is never suppressed: a disable directive must not turn a crash into a pass.
  const kept = [...failures, ...applySuppressions(text, diagnostics, { reportUnused: options.reportUnusedDisableDirectives === true })];
  return { filePath, format: read.format, diagnostics: kept, reason: read.reason, source: text };
}

export interface RuleFinding {
  readonly rule: AnyRule;
  readonly severity: Severity;
  readonly finding: Finding;
}

/**
 * Runs resolved rules over a config; shared by the CLI engine and the ESLint plugin. A rule that throws is a
 * bug in hplint: with `onFailure`, its findings are dropped and the other rules still run; without it (the
 * ESLint plugin, where ESLint names the failing rule itself) the error propagates.
 */
export function runRules(
  config: TrainingConfig,
  facts: DocumentFacts,
  rules: readonly ResolvedRule[],
  onFailure?: (rule: AnyRule, error: unknown) => void,
): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const resolved of rules) {
    const { rule } = resolved;
    const applies = facts.format === 'unknown' ? rule.meta.anyFile === true : !rule.meta.formats || rule.meta.formats.includes(facts.format);
    if (!applies) continue;
    const found: RuleFinding[] = [];
    try {
      rule.check(config, {
        options: resolved.options,
        document: facts,
        report: (finding) => found.push({ rule, severity: effectiveSeverity(rule, resolved.severity, finding.severity), finding }),
      });
    } catch (error) {
      if (!onFailure) throw error;
      onFailure(rule, error);
      continue;
    }
    out.push(...found);
  }
  return out;
}

/** The source range of a finding: its own node, or the nearest ancestor the file actually wrote. */
function locate(finding: Finding, read: ReadConfig): SourceRange {
  const { document, sources, defaults } = read;
  if (finding.sourcePath) return document.rangeOf(finding.sourcePath) ?? FILE_START;
  const anchor = defaults.get(finding.path)?.anchor;
  if (anchor) {
    const range = document.rangeOf(anchor);
    if (range) return range;
  }
  const written = writtenSource(finding.path, read);
  const own = written && document.rangeOf(written);
  if (own) return own;
  for (let path: Pointer | undefined = finding.path; path !== undefined; path = parentPointer(path)) {
    if (defaults.has(path)) continue;
    const source = sources.get(path);
    const range = source ? document.rangeOf(source) : undefined;
    if (range) return range;
  }
  return FILE_START;
}

function toDiagnostic(rule: AnyRule, severity: Severity, finding: Finding, range: SourceRange): Diagnostic {
  return {
    ruleId: rule.id,
    severity,
    tier: rule.meta.tier,
    message: finding.message,
    path: finding.path,
    line: range.line,
    column: range.column,
    endLine: range.endLine,
    endColumn: range.endColumn,
    range: [range.start, range.end],
    ...(finding.suggestion ? { suggestion: finding.suggestion } : {}),
    ...(finding.fix ? { fix: finding.fix } : {}),
  };
}

function formatBytes(bytes: number): string {
  if (bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}
