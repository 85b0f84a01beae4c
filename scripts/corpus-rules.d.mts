import type { LintResult } from '../src/engine/lint.js';

export interface ExpectedRule {
  readonly rule: string;
  readonly line?: number;
}

export interface Expectation {
  readonly file: string;
  readonly must: readonly ExpectedRule[];
  readonly may: readonly ExpectedRule[];
  readonly mustNot: readonly string[];
  readonly reading: string;
}

export interface RuleTally {
  true: number;
  false: number;
  noted: number;
  found: number;
}

export interface FalsePositive {
  readonly file: string;
  readonly rule: string;
  readonly line: number;
  readonly severity: string;
  readonly message: string;
  readonly explicit: boolean;
}

export interface RuleScore {
  readonly files: number;
  readonly perRule: ReadonlyMap<string, RuleTally>;
  readonly overall: RuleTally;
  readonly falsePositives: readonly FalsePositive[];
  readonly misses: readonly { readonly file: string; readonly rule: string; readonly line?: number; readonly reading: string }[];
  readonly absent: readonly string[];
  readonly results: ReadonlyMap<string, LintResult>;
}

export function readExpectations(tsvPath: string): Expectation[];
export function scoreRules(baseDir: string, expectations: readonly Expectation[], lint: (text: string, file: string) => LintResult): RuleScore;
export function percent(numerator: number, denominator: number): string;
export function precisionOf(entry: RuleTally): number;
export function recallOf(entry: RuleTally): number;
export function formatRuleReport(label: string, score: RuleScore): string;
