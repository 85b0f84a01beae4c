import type { DefaultValue, FormatName } from '../adapters/adapter.js';
import type { Loader } from '../adapters/loaders.js';
import type { TypeProblem, UnknownKey } from '../model/normalize.js';
import type { Pointer } from '../model/pointer.js';
import type { TrainingConfig } from '../model/types.js';
import type { RawScalar } from '../source/document.js';
import type { SourcePath } from '../source/range.js';

export type Severity = 'error' | 'warning' | 'info';
export type RuleSeverity = Severity | 'off';
/** GUIDE §6 importance tier; null for process rules. */
export type Tier = 1 | 2 | 3 | null;
/** Ruff's fix safety: `safe` cannot change training results, `unsafe` can, `false` has no fix. */
export type FixSafety = 'safe' | 'unsafe' | false;

export type RuleCategory =
  | 'learning-rate'
  | 'loss'
  | 'batch-size'
  | 'momentum'
  | 'network'
  | 'optimizer'
  | 'regularization'
  | 'training-process'
  | 'search'
  | 'syntax';

/** A JSON Schema for a rule's options (draft-07, validated by ajv when a user passes options). */
export type OptionsSchema = Readonly<Record<string, unknown>>;

export interface RuleMeta<Options> {
  /** One sentence: what the rule reports. */
  readonly description: string;
  readonly severity: Severity;
  readonly tier: Tier;
  readonly category: RuleCategory;
  /** The GUIDE section the rule encodes, e.g. `§7`. */
  readonly guide: string;
  readonly fixable: FixSafety;
  /** Formats the rule applies to; all training-config formats when absent. */
  readonly formats?: readonly FormatName[];
  /** Runs on every YAML/JSON file hplint reads, training config or not (checks of the file itself). */
  readonly anyFile?: boolean;
  /** Also runs on TF.js training code, as a rule of the ESLint plugin (its extractor can see what it checks). */
  readonly code?: boolean;
  readonly optionsSchema: OptionsSchema;
  readonly defaultOptions: Options;
}

/** An edit to a value at a canonical path, applied by the engine through the source map. */
export type EditOp =
  /** Replace the value; `text` forces how it is written (a safe fix that only changes spelling). */
  | { readonly op: 'set'; readonly path: Pointer; readonly value: unknown; readonly text?: string }
  /** Move the list item at index `from` to index `to` of the list at `path`. */
  | { readonly op: 'move'; readonly path: Pointer; readonly from: number; readonly to: number };

export interface Suggestion {
  /** The canonical path the suggestion changes. */
  readonly path: Pointer;
  readonly description: string;
  /** The concrete new value at `path`, when the suggestion sets one. */
  readonly value?: unknown;
  /** How to apply it (`--fix-unsafe`, ESLint suggestions). */
  readonly edits?: readonly EditOp[];
}

export interface Finding {
  /** Canonical path the finding is about; mapped to a source range by the engine. */
  readonly path: Pointer;
  /** Report at this source node instead (findings about the file's text, such as YAML tags). */
  readonly sourcePath?: SourcePath;
  readonly message: string;
  /** The finding's own level when the rule has a milder secondary trigger (e.g. an `info` band). */
  readonly severity?: Severity;
  readonly suggestion?: Suggestion;
  /** Edits that are safe to apply with `--fix` (only for rules whose `fixable` is `safe`). */
  readonly fix?: readonly EditOp[];
}

/** What a rule may know about how the config was written, besides its values. Never I/O. */
export interface DocumentFacts {
  readonly format: FormatName;
  /**
   * The program that reads the file for its framework (PyYAML, OmegaConf, jsonargparse, …): raw scalars'
   * values are what it made of them. Absent for code (the ESLint plugin) and files in no known format.
   */
  readonly loader?: Loader;
  /** How the value at a canonical path was written, when it came from a YAML/JSON scalar. */
  rawScalar(path: Pointer): RawScalar | undefined;
  /** The framework whose default supplied the value at `path`, when the file did not write it. */
  defaultOf(path: Pointer): DefaultValue | undefined;
  readonly typeProblems: readonly TypeProblem[];
  readonly unknownKeys: readonly UnknownKey[];
  readonly tags: readonly { readonly tag: string; readonly path: SourcePath }[];
}

export interface RuleContext<Options> {
  readonly options: Options;
  readonly document: DocumentFacts;
  report(finding: Finding): void;
}

export interface Rule<Options = Record<string, unknown>> {
  /** Stable forever: never renamed, never reused. */
  readonly id: string;
  readonly meta: RuleMeta<Options>;
  check(config: TrainingConfig, context: RuleContext<Options>): void;
}

/** A rule's options schema: an object of exactly these properties (a misspelt option is an error). */
export function optionsSchema(properties: Readonly<Record<string, unknown>>): OptionsSchema {
  return { type: 'object', additionalProperties: false, properties };
}

/** The options part of `meta` for a rule that takes none (its schema still rejects stray options). */
export const NO_OPTIONS = {
  optionsSchema: optionsSchema({}),
  defaultOptions: {},
} as const satisfies Pick<RuleMeta<Record<string, never>>, 'optionsSchema' | 'defaultOptions'>;

/** Declares a rule; the identity function gives `check` its options type from `defaultOptions`. */
export function createRule<Options>(rule: Rule<Options>): Rule<Options> {
  return rule;
}

/** A rule whose options type has been forgotten, as the registry holds them. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRule = Rule<any>;

export const DOCS_BASE_URL = 'https://github.com/hplint/hplint/blob/main/docs/rules/';

export function docsUrl(ruleId: string): string {
  return `${DOCS_BASE_URL}${ruleId}.md`;
}
