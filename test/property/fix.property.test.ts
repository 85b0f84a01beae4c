import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix.js';
import { lintWith } from '../../src/engine/lint.js';
import { resolveRules } from '../../src/engine/settings.js';
import { RULES } from '../../src/rules/index.js';
import { parseSource } from '../../src/source/document.js';

/**
 * `--fix` and `--fix-unsafe` over generated configs full of fixable problems: the result always parses,
 * a second run changes nothing, and what is left is what the linter still reports.
 */
const rules = resolveRules(RULES);

const number = fc.oneof(
  fc.constantFrom('2e-5', '1E-4', '0.5', '1.0e-3', '0', '1', '8192', '0.999', '1e5', '-0.1', '3'),
  fc.double({ min: 1e-9, max: 10, noNaN: true }).map(String),
);
const layer = fc.record({
  type: fc.constantFrom('dense', 'dropout', 'batchNormalization', 'activation', 'lstm', 'conv2d', 'maxPooling2d'),
  rate: number,
  units: fc.constantFrom('8', '64'),
  recurrentDropout: number,
  kernelSize: fc.constantFrom('3', '4', '9'),
}, { requiredKeys: ['type'] });

/** A native config written as YAML text, numbers unquoted and spelled the ways people spell them. */
const config = fc
  .record({
    optimizer: fc.record({ name: fc.constantFrom('adam', 'sgd', 'rmsprop', 'adamw'), learningRate: number, momentum: number, beta1: number, beta2: number, epsilon: number, weightDecay: number }, { requiredKeys: [] }),
    training: fc.record({ batchSize: fc.constantFrom('1', '2', '32', '8192'), epochs: fc.constantFrom('5', '60', '200'), earlyStopping: fc.record({ patience: fc.constantFrom('2', '10', '300') }) }, { requiredKeys: [] }),
    model: fc.record({ layers: fc.array(layer, { maxLength: 6 }) }),
    losses: fc.array(fc.record({ name: fc.constantFrom('crossEntropy', 'focal', 'centerLoss'), weight: number, expectedValue: number, gamma: number }, { requiredKeys: ['name'] }), { maxLength: 3 }),
    data: fc.record({ numClasses: fc.constantFrom('2', '10'), trainSize: fc.constantFrom('1025', '5000') }, { requiredKeys: [] }),
  }, { requiredKeys: [] })
  .map((value) => stringify(value).replace(/["'](-?[\d.]+(?:[eE][-+]?\d+)?)["']/g, '$1'));

describe('properties of --fix', () => {
  it('runs on configs that really have fixes (the generator is not vacuous)', () => {
    const samples = fc.sample(config, { numRuns: 100, seed: 42 });
    const fixedSafe = samples.filter((text) => fixText(text, { filePath: 'p.yaml' }, rules, 'safe').fixed > 0).length;
    const fixedUnsafe = samples.filter((text) => fixText(text, { filePath: 'p.yaml' }, rules, 'unsafe').fixed > 0).length;
    expect(fixedSafe).toBeGreaterThan(20);
    expect(fixedUnsafe).toBeGreaterThan(50);
  }, 300_000);

  for (const mode of ['safe', 'unsafe'] as const) {
    it(`${mode} fixes keep the file parseable and are idempotent`, () => {
      fc.assert(
        fc.property(config, (text) => {
          const first = fixText(text, { filePath: 'p.yaml' }, rules, mode);
          expect(parseSource(first.output, 'p.yaml').problems).toEqual([]);
          const second = fixText(first.output, { filePath: 'p.yaml' }, rules, mode);
          expect(second.output).toBe(first.output);
          expect(first.result).toEqual(lintWith(first.output, { filePath: 'p.yaml' }, rules));
        }),
        { numRuns: 400 },
      );
    }, 300_000);
  }
});
