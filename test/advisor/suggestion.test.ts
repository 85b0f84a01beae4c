import { describe, expect, it } from 'vitest';
import { rank } from '../../src/advisor/suggestion.js';
import type { UnrankedSuggestion } from '../../src/advisor/suggestion.js';

const lr = (ruleId: string, suggested: number, source: 'config' | 'history', severity: 'error' | 'warning' | 'info' = 'warning', withEdits = true): UnrankedSuggestion => ({
  tier: 1,
  parameter: 'optimizer.learningRate',
  current: 0.5,
  suggested,
  range: null,
  ruleId,
  source,
  severity,
  rationale: `${ruleId}.`,
  guide: '§7',
  ...(withEdits ? { edits: [{ op: 'set', path: '/optimizer/learningRate', value: suggested }] } : {}),
});

describe('rank: one suggestion per parameter', () => {
  it('same direction: the larger move, with its edits, in the first-ranked place and with both reasons', () => {
    const [merged, ...rest] = rank([lr('learning-rate-range', 0.005, 'config'), lr('history:divergence', 0.05, 'history', 'error')]);
    expect(rest).toEqual([]);
    expect(merged).toMatchObject({ rank: 1, ruleId: 'history:divergence', source: 'history', severity: 'error', suggested: 0.005, alsoFrom: ['learning-rate-range'], rationale: 'history:divergence. learning-rate-range.' });
    expect(merged!.edits).toEqual([{ op: 'set', path: '/optimizer/learningRate', value: 0.005 }]);
  });

  it('a chosen value without edits leaves none (it is then made by hand), never the other value’s edits', () => {
    const [merged] = rank([lr('history:divergence', 0.05, 'history', 'error'), lr('learning-rate-range', 0.005, 'config', 'warning', false)]);
    expect(merged!.suggested).toBe(0.005);
    expect(merged!.edits).toBeUndefined();
  });

  it('opposite directions: the first-ranked value', () => {
    const [merged] = rank([lr('learning-rate-range', 0.9, 'config'), lr('history:oscillation', 0.25, 'history')]);
    expect(merged).toMatchObject({ ruleId: 'history:oscillation', suggested: 0.25, alsoFrom: ['learning-rate-range'] });
  });

  it('orders by tier, then severity, then history before config', () => {
    const other = (parameter: string, tier: 1 | 2 | 3 | null, severity: 'error' | 'warning' | 'info', source: 'config' | 'history'): UnrankedSuggestion => ({ ...lr(parameter, 1, source, severity), parameter, tier, ruleId: parameter });
    const order = rank([other('d', null, 'error', 'config'), other('c', 3, 'error', 'config'), other('b', 1, 'info', 'config'), other('a2', 1, 'warning', 'config'), other('a1', 1, 'warning', 'history')]);
    expect(order.map((s) => `${s.rank}:${s.parameter}`)).toEqual(['1:a1', '2:a2', '3:b', '4:c', '5:d']);
  });
});
