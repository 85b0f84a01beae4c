import type { Evidence } from '../bench/evidence-format.js';

/**
 * The bench scenarios that tested each history finding's advice: lowering a diverging or oscillating rate is
 * what learning-rate-range's scenario measures, the plateau policy plateau-policy's, and so on.
 */
const FINDING_RULES: Readonly<Record<string, string>> = {
  'history:divergence': 'learning-rate-range',
  'history:oscillation': 'learning-rate-range',
  'history:underfitting': 'learning-rate-range',
  'history:plateau': 'plateau-policy',
  'history:overfitting': 'early-stopping-missing',
  'history:loss-magnitude-gap': 'loss-magnitude-gap',
};

/**
 * "<scenario title>: <claim>" for every bench scenario of the suggestion's rule, whatever its verdict;
 * fine-tuning scenarios only for a fine-tuning config. Nothing without evidence.
 */
export function evidenceClaims(ruleId: string, evidence: Evidence, fineTuning: boolean): { evidence?: readonly string[] } {
  const rule = FINDING_RULES[ruleId] ?? ruleId;
  const relevant = evidence.scenarios.filter((s) => s.ruleId === rule && /finetune/.test(s.scenario) === fineTuning);
  const claims = relevant.map((s) => `${s.title}: ${s.claim}`);
  return claims.length > 0 ? { evidence: claims } : {};
}
