import type { Evidence, EvidenceEntry } from '../bench/evidence-format.js';
import { FINDING_RULES } from './from-history.js';
import type { UnrankedSuggestion } from './suggestion.js';

/**
 * "<scenario title>: <claim>" for every bench scenario of the suggestion's rule (a history finding's advice
 * is backed by the scenario of the rule it stands on: a diverging rate by learning-rate-range's), whatever
 * its verdict; fine-tuning scenarios only for a fine-tuning config; and only a scenario that moved the value
 * the same way as the suggestion (raising a rate is not backed by a test that lowered one). Nothing without
 * evidence.
 */
export function evidenceClaims(suggestion: UnrankedSuggestion, evidence: Evidence, fineTuning: boolean): { evidence?: readonly string[] } {
  const rule = suggestion.ruleId.startsWith('history:') ? FINDING_RULES[suggestion.ruleId.slice('history:'.length) as keyof typeof FINDING_RULES] : suggestion.ruleId;
  const moved = direction(suggestion.current, suggestion.suggested);
  const relevant = evidence.scenarios.filter((s) => s.ruleId === rule && /finetune/.test(s.scenario) === fineTuning && sameWay(moved, scenarioDirection(s)));
  const claims = relevant.map((s) => `${s.title}: ${s.claim}`);
  return claims.length > 0 ? { evidence: claims } : {};
}

function direction(from: unknown, to: unknown): number | undefined {
  return typeof from === 'number' && typeof to === 'number' && from !== to ? Math.sign(to - from) : undefined;
}

/** Which way the scenario's advised arm moved its value (recorded by the bench from its baseline and the rule's suggestion). */
function scenarioDirection(entry: Pick<EvidenceEntry, 'moved'>): number | undefined {
  return entry.moved === undefined ? undefined : entry.moved === 'up' ? 1 : -1;
}

/** Unknown on either side is no contradiction: a non-numeric change (a schedule, early stopping) is backed by its scenario. */
function sameWay(suggested: number | undefined, tested: number | undefined): boolean {
  return suggested === undefined || tested === undefined || suggested === tested;
}
