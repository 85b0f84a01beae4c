import type { EditOp, Severity, Tier } from '../engine/rule.js';

export type SuggestionSource = 'config' | 'history';

/** One change the advisor recommends, with a concrete value (never "tune this"). */
export interface AdvisorSuggestion {
  /** 1 = change this first. */
  readonly rank: number;
  /** GUIDE §6 tier of the parameter; null for process settings (early stopping, validation). */
  readonly tier: Tier;
  /** Canonical dot path, e.g. `optimizer.learningRate`. */
  readonly parameter: string;
  /** The config's value now (undefined when the config does not set it). */
  readonly current: unknown;
  readonly suggested: unknown;
  /** The guide's range for the parameter, when it gives one. */
  readonly range: readonly [number, number] | null;
  /** The rule whose diagnostic this comes from, or `history:<finding kind>`. */
  readonly ruleId: string;
  readonly source: SuggestionSource;
  readonly severity: Severity;
  readonly rationale: string;
  /** GUIDE sections, e.g. `§5, §7`. */
  readonly guide: string;
  /** Other rules or findings that asked for the same parameter (merged into this one). */
  readonly alsoFrom?: readonly string[];
  /** Bench results for this advice ("validated on MNIST: +80.8 points over 5 seeds"). */
  readonly evidence?: readonly string[];
  /** How `--apply` writes it: undefined when the format cannot take the edit (the suggestion is then manual). */
  readonly edits?: readonly EditOp[];
}

/** A suggestion before ranking. */
export type UnrankedSuggestion = Omit<AdvisorSuggestion, 'rank'>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function tierOrder(tier: Tier): number {
  return tier ?? 4;
}

/**
 * GUIDE §6 order: tier 1 before 2 before 3, process settings last; within a tier the more severe first,
 * and what the history showed before what the config implies (an observed failure outranks a rule of thumb).
 */
export function compareSuggestions(a: UnrankedSuggestion, b: UnrankedSuggestion): number {
  return tierOrder(a.tier) - tierOrder(b.tier) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || sourceOrder(a) - sourceOrder(b);
}

function sourceOrder(s: UnrankedSuggestion): number {
  return s.source === 'history' ? 0 : 1;
}

/**
 * One suggestion per parameter, in the place and with the reason of the first-ranked (history before
 * config), the other's reason appended. When both move a number the same way, the larger move is the
 * value (it satisfies both: "at least ×0.1" for a divergence and "into §7's range"); otherwise the first-ranked's.
 */
export function mergeByParameter(list: readonly UnrankedSuggestion[]): UnrankedSuggestion[] {
  const byParameter = new Map<string, UnrankedSuggestion>();
  for (const next of [...list].sort(compareSuggestions)) {
    const kept = byParameter.get(next.parameter);
    if (!kept) {
      byParameter.set(next.parameter, next);
      continue;
    }
    // The first-ranked keeps its place and reason; the value (and the edits that write it) is the larger move.
    const value = largerMove(kept, next) ?? kept;
    const { edits: _keptEdits, ...place } = kept;
    byParameter.set(next.parameter, {
      ...place,
      suggested: value.suggested,
      range: kept.range ?? next.range,
      rationale: `${kept.rationale} ${next.rationale}`,
      ...(value.edits ? { edits: value.edits } : {}),
      alsoFrom: [...(kept.alsoFrom ?? []), next.ruleId, ...(next.alsoFrom ?? [])],
      ...(kept.evidence || next.evidence ? { evidence: [...new Set([...(kept.evidence ?? []), ...(next.evidence ?? [])])] } : {}),
    });
  }
  return [...byParameter.values()];
}

function largerMove(a: UnrankedSuggestion, b: UnrankedSuggestion): UnrankedSuggestion | undefined {
  const { current } = a;
  if (typeof current !== 'number' || typeof a.suggested !== 'number' || typeof b.suggested !== 'number') return undefined;
  const da = a.suggested - current;
  const db = b.suggested - current;
  if (Math.sign(da) !== Math.sign(db) || da === 0) return undefined;
  return Math.abs(db) > Math.abs(da) ? b : a;
}

export function rank(list: readonly UnrankedSuggestion[]): AdvisorSuggestion[] {
  return mergeByParameter(list)
    .sort(compareSuggestions)
    .map((s, index) => ({ rank: index + 1, ...s }));
}
