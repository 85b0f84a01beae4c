import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advisor/advise.js';
import { applyAdvice } from '../../src/advisor/apply.js';
import { parameterRange } from '../../src/advisor/values.js';
import { fixText } from '../../src/engine/fix.js';
import { lintWith, readConfig } from '../../src/engine/lint.js';
import { resolveRules } from '../../src/engine/settings.js';
import { pointerToDotPath, valueAtPointer } from '../../src/model/pointer.js';
import type { Pointer } from '../../src/model/pointer.js';
import { RULES } from '../../src/rules/index.js';

/**
 * One source of truth for a suggested value: on generated configs, for every rule whose diagnostic names a
 * value, `hplint check --fix-unsafe`, `hplint advise --format json` and `hplint advise --apply` end with the
 * same value at the rule's path, and no suggestion moves a value further from the guide's range than it was.
 */
const rules = resolveRules(RULES);
const FILE = { filePath: 'train.yaml' };

const rate = fc.constantFrom(1e-6, 9.99999975e-6, 1e-5, 3e-4, 1e-3, 0.01, 0.1, 0.5, 2);
const fraction = fc.constantFrom(0, 0.1, 0.3, 0.5, 0.8, 0.95, 0.999, 1.2);
const layer = fc.oneof(
  fc.record({ type: fc.constant('dense'), units: fc.constantFrom(1, 10, 64), activation: fc.constantFrom('relu', 'softmax', 'sigmoid', 'linear') }, { requiredKeys: ['type', 'units'] }),
  fc.record({ type: fc.constant('dropout'), rate: fraction }),
  fc.record({ type: fc.constant('batchNormalization') }),
  fc.record({ type: fc.constant('lstm'), units: fc.constant(32), recurrentDropout: fraction, dropout: fraction }, { requiredKeys: ['type', 'units'] }),
  fc.record({ type: fc.constant('conv2d'), filters: fc.constant(16), kernelSize: fc.constantFrom(3, 4, 9) }),
);

/** A native config with problems most rules can name a value for, written as hplint's own YAML. */
const config = fc
  .record(
    {
      pretrained: fc.boolean(),
      optimizer: fc.record(
        { name: fc.constantFrom('adam', 'sgd', 'rmsprop', 'adamw', 'momentum'), learningRate: rate, momentum: fraction, beta1: fraction, beta2: fraction, epsilon: fc.constantFrom(1e-8, 1e-3, 1), weightDecay: fc.constantFrom(0, 1e-4, 0.01, 0.5) },
        { requiredKeys: ['name', 'learningRate'] },
      ),
      training: fc.record({ batchSize: fc.constantFrom(1, 2, 32, 8192), epochs: fc.constantFrom(5, 60, 200), earlyStopping: fc.record({ monitor: fc.constant('val_loss'), patience: fc.constantFrom(2, 10, 300) }) }, { requiredKeys: ['batchSize'] }),
      schedule: fc.oneof(fc.record({ type: fc.constant('constant') }), fc.record({ type: fc.constant('reduceOnPlateau'), factor: fc.constantFrom(0.1, 0.5, 0.99), patience: fc.constantFrom(1, 10) })),
      model: fc.record({ layers: fc.array(layer, { minLength: 1, maxLength: 5 }) }),
      losses: fc.array(fc.record({ name: fc.constantFrom('categoricalCrossentropy', 'binaryCrossentropy', 'focal', 'meanSquaredError'), weight: fc.constantFrom(1, 1000), gamma: fc.constantFrom(0, 2, 10) }, { requiredKeys: ['name'] }), { maxLength: 2 }),
      data: fc.record({ numClasses: fc.constantFrom(2, 10), trainSize: fc.constantFrom(500, 60000), validationSplit: fc.constantFrom(0, 0.2) }, { requiredKeys: [] }),
    },
    { requiredKeys: ['optimizer', 'model'] },
  )
  .map((value) => stringify(value));

/** The canonical value at a path of a config text, as the engine reads it. */
function readAt(text: string, path: Pointer): unknown {
  const read = readConfig(text, FILE);
  return read.config ? valueAtPointer(read.config, path) : undefined;
}

/** Every (rule, path) whose diagnostic names a concrete value, with the paths its edits write. */
function suggested(text: string): { ruleId: string; path: Pointer; writes: Pointer[]; moves: boolean }[] {
  return lintWith(text, FILE, rules).diagnostics.flatMap((d) => {
    const edits = d.suggestion?.edits ?? [];
    return d.suggestion && d.suggestion.value !== undefined ? [{ ruleId: d.ruleId, path: d.suggestion.path, writes: edits.map((op) => op.path), moves: edits.some((op) => op.op === 'move') }] : [];
  });
}

/** How far a number lies outside a range: 0 inside; on a log scale for positive ranges (rates move by decades). */
function distance(value: number, range: readonly [number, number]): number {
  const [low, high] = range;
  if (value >= low * (1 - 1e-6) && value <= high * (1 + 1e-6)) return 0;
  if (low > 0 && value > 0) return Math.abs(Math.log10(value < low ? low / value : value / high));
  return value < low ? low - value : value - high;
}

/**
 * Generated configs, each with the values its rules name; reordering layers (dropout-before-batchnorm)
 * renumbers every path after it, so values are compared on configs without a move. Drawn once: each rule's
 * property then runs over the configs where that rule names a value (a filter per rule would lint thousands).
 */
const samples = fc
  .sample(config, { numRuns: 250, seed: 13 })
  .map((text) => ({ text, names: suggested(text) }))
  .filter((sample) => !sample.names.some((s) => s.moves));
const suggesting = [...new Set(samples.flatMap((sample) => sample.names.map((s) => s.ruleId)))].sort();

describe('one source of truth for suggested values (generated configs)', () => {
  it('the generator exercises the rules that name values (not vacuous)', () => {
    expect(suggesting).toEqual(expect.arrayContaining(['adam-parameters', 'dropout-range', 'learning-rate-range', 'loss-output-mismatch', 'momentum-range', 'weight-decay-range']));
  });

  describe.each(suggesting)('%s', (ruleId) => {
    const firing = fc.constantFrom(...samples.filter((sample) => sample.names.some((s) => s.ruleId === ruleId)).map((sample) => sample.text));

    it('check --fix-unsafe, advise --format json and advise --apply end with the same value', () => {
      fc.assert(
        fc.property(firing, (text) => {
          const advice = advise(text, FILE);
          const fixed = fixText(text, FILE, rules, 'unsafe').output;
          const applied = applyAdvice(text, advice).output;
          for (const { path, writes } of suggested(text).filter((s) => s.ruleId === ruleId)) {
            const advised = advice.suggestions.find((s) => s.parameter === pointerToDotPath(path));
            expect(advised, `advise names ${path}`).toBeDefined();
            // --fix-unsafe edits values the file writes; it never adds a key (advise --apply does, in hplint's own format).
            const fixable = writes.every((p) => readAt(text, p) !== undefined);
            for (const op of advised!.edits ?? []) {
              if (op.op !== 'set') continue;
              if (op.path === path) expect(op.value).toEqual(advised!.suggested);
              expect(readAt(applied, op.path)).toEqual(op.value);
              if (fixable) expect(readAt(fixed, op.path)).toEqual(op.value);
            }
          }
        }),
        { numRuns: 8, seed: 13 },
      );
    });

    it('never moves a value further outside its range than it was', () => {
      fc.assert(
        fc.property(firing, (text) => {
          const read = readConfig(text, FILE);
          for (const s of advise(text, FILE).suggestions) {
            const range = read.config ? parameterRange(s.parameter, read.config, read.format) : undefined;
            if (!range || typeof s.current !== 'number' || typeof s.suggested !== 'number') continue;
            expect(distance(s.suggested, [range.low, range.high])).toBeLessThanOrEqual(distance(s.current, [range.low, range.high]) + 1e-9);
          }
        }),
        { numRuns: 8, seed: 13 },
      );
    });
  });
});
