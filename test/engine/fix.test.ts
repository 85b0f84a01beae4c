import { describe, expect, it } from 'vitest';
import { fixText, MAX_FIX_PASSES, writeValue } from '../../src/engine/fix.js';
import { createRule } from '../../src/engine/rule.js';
import { resolveRules } from '../../src/engine/settings.js';
import type { ResolvedRule } from '../../src/engine/settings.js';
import { pointer } from '../../src/model/pointer.js';
import { RULES } from '../../src/rules/index.js';
import { dedent } from '../helpers/lint.js';

const LR = pointer('optimizer', 'learningRate');

/** A safe fix that only changes spelling, as yaml-float-as-string does: `2e-5` → `2.0e-5`. */
const spelling = createRule<Record<string, never>>({
  id: 'test-spelling',
  meta: { description: 'test', severity: 'warning', tier: null, category: 'syntax', guide: '-', fixable: 'safe', optionsSchema: {}, defaultOptions: {} },
  check(_config, context) {
    const raw = context.document.rawScalar(LR);
    const match = raw && /^(\d+)e(-\d+)$/.exec(raw.text);
    if (match) context.report({ path: LR, message: 'spelling', fix: [{ op: 'set', path: LR, value: Number(raw.text), text: `${match[1]}.0e${match[2]}` }] });
  },
});

/** Never satisfied: every pass sets a new value, so only the pass bound stops it. */
const restless = createRule<Record<string, never>>({
  id: 'test-restless',
  meta: { description: 'test', severity: 'warning', tier: null, category: 'syntax', guide: '-', fixable: 'safe', optionsSchema: {}, defaultOptions: {} },
  check(config, context) {
    const lr = config.optimizer?.learningRate;
    if (typeof lr === 'number') context.report({ path: LR, message: 'again', fix: [{ op: 'set', path: LR, value: lr + 1 }] });
  },
});

const only = (...rules: ResolvedRule['rule'][]): ResolvedRule[] => rules.map((rule) => ({ rule, severity: 'warning', options: {} }));
const catalogue = resolveRules(RULES);

describe('writeValue', () => {
  it('writes numbers readably and exactly, with a dot and a signed exponent when small or huge', () => {
    expect([0.01, 2e-5, 1.5e-4, 0.001, 32, 1e7, 1.5e20, 0, -3e-6, 0.5].map(writeValue)).toEqual([
      '0.01', '2.0e-5', '1.5e-4', '0.001', '32', '10000000', '1.5e+20', '0', '-3.0e-6', '0.5',
    ]);
    expect(writeValue('adam')).toBe('"adam"');
    expect(writeValue([1, 2])).toBe('[1,2]');
  });
});

describe('fixText', () => {
  it('applies a safe fix and keeps comments, quoting and key order', () => {
    const text = dedent(`
      # experiment 12
      optimizer:
        learningRate: 2e-5   # from the paper
        name: 'adam'
    `);
    const outcome = fixText(text, { filePath: 'a.yaml' }, only(spelling), 'safe');
    expect(outcome.output).toBe(text.replace('2e-5 ', '2.0e-5 '));
    expect(outcome).toMatchObject({ fixed: 1, passes: 1 });
    expect(outcome.result.diagnostics).toEqual([]);
    expect(fixText(outcome.output, { filePath: 'a.yaml' }, only(spelling), 'safe')).toMatchObject({ output: outcome.output, fixed: 0, passes: 0 });
  });

  it('leaves suggestions alone in safe mode and applies them in unsafe mode', () => {
    const text = 'optimizer:\n  name: adam\n  learningRate: 0.5\n';
    expect(fixText(text, { filePath: 'a.yaml' }, catalogue, 'safe').output).toBe(text);
    const unsafe = fixText(text, { filePath: 'a.yaml' }, catalogue, 'unsafe');
    expect(unsafe.output).toBe('optimizer:\n  name: adam\n  learningRate: 0.01\n');
    expect(fixText(unsafe.output, { filePath: 'a.yaml' }, catalogue, 'unsafe').fixed).toBe(0);
  });

  it('moves a block list item with its nested keys and inner comments', () => {
    const text = dedent(`
      model:
        layers:
          - type: dense
            units: 10
          - type: dropout   # the culprit
            rate: 0.3
          - type: batchNormalization
          - { type: dense, units: 2 }
    `);
    const outcome = fixText(text, { filePath: 'a.yaml' }, catalogue, 'unsafe');
    expect(outcome.output).toBe(
      dedent(`
        model:
          layers:
            - type: dense
              units: 10
            - type: batchNormalization
            - type: dropout   # the culprit
              rate: 0.3
            - { type: dense, units: 2 }
      `),
    );
  });

  it('edits JSON in place, keeping its layout', () => {
    const text = '{\n  "optimizer": { "name": "adam", "learningRate": 5e-1 },\n  "model": { "layers": [\n    { "type": "dropout", "rate": 0.3 },\n    { "type": "batchNormalization" }\n  ] }\n}\n';
    const outcome = fixText(text, { filePath: 'a.json' }, catalogue, 'unsafe');
    expect(outcome.output).toBe(
      '{\n  "optimizer": { "name": "adam", "learningRate": 0.01 },\n  "model": { "layers": [\n    { "type": "batchNormalization" },\n    { "type": "dropout", "rate": 0.3 }\n  ] }\n}\n',
    );
    expect(JSON.parse(outcome.output)).toBeTruthy();
  });

  it('applies overlapping fixes one per pass and stops after a bounded number of passes', () => {
    const outcome = fixText('optimizer: {name: adam, learningRate: 1}\n', { filePath: 'a.yaml' }, only(restless), 'safe');
    expect(outcome.passes).toBe(MAX_FIX_PASSES);
    expect(outcome.output).toBe(`optimizer: {name: adam, learningRate: ${1 + MAX_FIX_PASSES}}\n`);
  });

  it('keeps a BOM and CRLF line ends', () => {
    const text = '\uFEFFoptimizer:\r\n  name: adam\r\n  learningRate: 2e-5\r\n';
    expect(fixText(text, { filePath: 'a.yaml' }, only(spelling), 'safe').output).toBe('\uFEFFoptimizer:\r\n  name: adam\r\n  learningRate: 2.0e-5\r\n');
  });

  it('does not touch a value written through an alias', () => {
    const text = 'base: &lr 2e-5\noptimizer:\n  name: adam\n  learningRate: *lr\n';
    expect(fixText(text, { filePath: 'a.yaml' }, only(spelling), 'safe').output).toBe(text);
  });
});
