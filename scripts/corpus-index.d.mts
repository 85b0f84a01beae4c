/** Types of corpus-index.mjs, for the TypeScript tests that share it. */
export interface CorpusEntry {
  readonly corpus: string;
  readonly group: string;
  /** The file relative to its corpus directory. */
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly expected: string;
  readonly notes: string;
  readonly regime: string;
}

export interface LintLike {
  readonly format: string;
  readonly reason: string;
  readonly diagnostics: readonly { readonly ruleId: string }[];
}

export interface FormatScore {
  readonly total: number;
  readonly right: number;
  readonly confusion: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly wrong: readonly { name: string; expected: string; actual: string; reason: string }[];
  readonly floods: readonly { name: string; format: string; unknownKeys: number }[];
}

export function sharedCorpora(repoRoot: string): string[];
export function readCorpus(dir: string): CorpusEntry[];
export const UNKNOWN_KEY_FLOOD: number;
export function scoreFormats(entries: readonly CorpusEntry[], lint: (text: string, file: string) => LintLike): FormatScore;
export function formatScoreReport(label: string, score: FormatScore): string;
