import evidenceJson from './evidence.json' with { type: 'json' };
import type { Evidence, EvidenceEntry } from './evidence-format.js';

export type { Evidence, EvidenceEntry } from './evidence-format.js';

/**
 * The committed evidence of the last full bench run (src/bench/evidence.json, regenerated with
 * `hplint bench --seeds 5 --out DIR` and copied from DIR/evidence.json). Plain JSON: no TF.js.
 */
export function loadEvidence(): Evidence {
  // JSON imports are typed loosely (verdict: string); the file is written by toEvidence, whose type this is.
  return evidenceJson as unknown as Evidence;
}

/** Every scenario that tested a rule's advice (a rule can have several, e.g. learning-rate-range). */
export function evidenceFor(ruleId: string, evidence: Evidence = loadEvidence()): readonly EvidenceEntry[] {
  return evidence.scenarios.filter((entry) => entry.ruleId === ruleId);
}
