import type { Verdict } from './stats.js';

/**
 * The compact, committed form of a full bench run that the advisor cites ("validated on MNIST: +x points
 * over 5 seeds"). Types and the claim text only: nothing here loads TF.js.
 */

export interface EvidenceEntry {
  readonly scenario: string;
  readonly ruleId: string;
  readonly title: string;
  readonly data: 'MNIST' | 'synthetic data';
  readonly metric: string;
  readonly verdict: Verdict;
  /** Positive = the advice helped; accuracy metrics in percentage points. */
  readonly effect: number;
  readonly ci95: readonly [number, number] | null;
  /** The smallest effect the scenario declared worth having, in the same unit. */
  readonly minimalEffect?: number;
  readonly unit: 'points' | 'epochs';
  readonly seeds: number;
  /** Which way the advised arm moved the rule's value from the baseline's (a number both sides); absent for other changes. */
  readonly moved?: 'up' | 'down';
  /** One sentence to quote, e.g. "validated on MNIST: +7.9 points over 8 paired seeds (95% CI 6.1 to 9.6)". */
  readonly claim: string;
}

export interface Evidence {
  readonly generatedBy: string;
  readonly date: string;
  /** The commit the run was made from, and the machine (absent in evidence written before issue 16). */
  readonly commit?: string;
  readonly machine?: string;
  readonly backend: string;
  readonly budget: string;
  readonly scenarios: readonly EvidenceEntry[];
}

export function claimOf(entry: Omit<EvidenceEntry, 'claim'>): string {
  const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n).toFixed(1)}`;
  const what = entry.unit === 'points' ? `${signed(entry.effect)} points` : `${signed(entry.effect)} epochs saved`;
  const interval = entry.ci95 ? ` (95% CI ${entry.ci95[0].toFixed(1)} to ${entry.ci95[1].toFixed(1)})` : '';
  return `${entry.verdict} on ${entry.data}: ${what} over ${entry.seeds} paired seeds${interval}`;
}
