import { describe, expect, it } from 'vitest';
import { evidenceClaims } from '../../src/advisor/evidence.js';
import type { Evidence, EvidenceEntry } from '../../src/bench/evidence-format.js';
import type { UnrankedSuggestion } from '../../src/advisor/suggestion.js';

const scenario = (id: string, moved?: 'up' | 'down'): EvidenceEntry => ({
  scenario: id,
  ruleId: 'learning-rate-range',
  title: `${id} vs the rule’s value`,
  data: 'MNIST',
  metric: 'test accuracy',
  verdict: 'validated',
  effect: 4,
  ci95: [3, 5],
  unit: 'points',
  seeds: 6,
  claim: `validated (${id})`,
  ...(moved ? { moved } : {}),
});

const evidence: Evidence = {
  generatedBy: 'test',
  date: '2026-11-30',
  commit: 'abc',
  machine: 'test',
  backend: 'wasm',
  budget: 'full',
  scenarios: [scenario('lowered', 'down'), scenario('raised', 'up'), scenario('other')],
} as Evidence;

const lr = (current: number, suggested: number): UnrankedSuggestion => ({
  tier: 1,
  parameter: 'optimizer.learningRate',
  current,
  suggested,
  range: null,
  ruleId: 'learning-rate-range',
  source: 'config',
  severity: 'warning',
  rationale: 'r.',
  guide: '§7',
});

describe('evidenceClaims: only a scenario that moved the value the same way backs a suggestion', () => {
  it('lowering a rate cites the scenario that lowered one, never the one that raised one', () => {
    expect(evidenceClaims(lr(0.05, 0.01), evidence, false).evidence).toEqual(['lowered vs the rule’s value: validated (lowered)', 'other vs the rule’s value: validated (other)']);
  });

  it('raising a rate cites the scenario that raised one', () => {
    expect(evidenceClaims(lr(0.001, 0.01), evidence, false).evidence).toEqual(['raised vs the rule’s value: validated (raised)', 'other vs the rule’s value: validated (other)']);
  });
});
