import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/adapters/index.js';
import { lintText } from '../../src/rules/index.js';
import type { LintResult } from '../../src/engine/lint.js';
import { hplintSchema } from '../../src/model/schema.js';

/**
 * Properties over generated documents: `check` never throws, every position lies inside the file,
 * results are deterministic, and every adapter is total. Together these runs lint well over 10,000
 * generated documents on every CI run.
 */

/** Every diagnostic's range lies inside the text: lines exist, columns within the line (+1 for the end). */
function positionsInside(result: LintResult, text: string): void {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  for (const d of result.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(Math.max(1, lines.length));
    expect(d.column).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeLessThanOrEqual((lines[d.line - 1]?.length ?? 0) + 1);
    expect(d.endLine).toBeGreaterThanOrEqual(d.line);
    expect(d.endLine).toBeLessThanOrEqual(Math.max(1, lines.length));
    if (d.endLine === d.line) expect(d.endColumn).toBeGreaterThanOrEqual(d.column);
    expect(d.endColumn).toBeLessThanOrEqual((lines[d.endLine - 1]?.length ?? 0) + 1);
  }
}

/** Values a config field may hold when a person (or a fuzzer) gets it wrong. */
const anyValue = fc.oneof(
  fc.double(),
  fc.integer({ min: -10, max: 10_000 }),
  fc.constantFrom(0, 1, -1, 0.5, 1e-3, 1e-9, 6001, Number.NaN, Number.POSITIVE_INFINITY),
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 3 })), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
);

const layerTypes = ['dense', 'conv2d', 'dropout', 'batchNormalization', 'lstm', 'flatten', 'activation', 'bidirectional', 'embedding', 'maxPooling2d'];
const layerKeys = Object.keys(hplintSchema.properties.model.properties.layers.items.properties);

/** A canonical config with arbitrary values at real keys: reaches every rule's code. */
const canonicalConfig = fc.record(
  {
    pretrained: fc.oneof(fc.boolean(), anyValue),
    data: fc.record({ trainSize: anyValue, validationSplit: anyValue, numClasses: anyValue }, { requiredKeys: [] }),
    model: fc.record({
      layers: fc.array(
        fc.record({ type: fc.constantFrom(...layerTypes) }).chain((base) =>
          fc.dictionary(fc.constantFrom(...layerKeys.filter((k) => k !== 'type')), anyValue, { maxKeys: 4 }).map((rest) => ({ ...rest, ...base })),
        ),
        { maxLength: 8 },
      ),
    }, { requiredKeys: [] }),
    optimizer: fc.dictionary(fc.constantFrom('name', 'learningRate', 'momentum', 'beta1', 'beta2', 'epsilon', 'rho', 'weightDecay', 'nesterov'), fc.oneof(anyValue, fc.constantFrom('adam', 'sgd', 'adamw', 'rmsprop', 'lion')), { maxKeys: 6 }),
    schedule: fc.dictionary(fc.constantFrom(...Object.keys(hplintSchema.properties.schedule.properties)), fc.oneof(anyValue, fc.constantFrom('reduceOnPlateau', 'piecewiseConstant', 'exponentialDecay')), { maxKeys: 6 }),
    training: fc.dictionary(fc.constantFrom('batchSize', 'devices', 'gradientAccumulation', 'epochs', 'maxSteps', 'earlyStopping'), anyValue, { maxKeys: 5 }),
    regularization: fc.dictionary(fc.constantFrom('l1', 'l2'), anyValue),
    losses: fc.array(fc.dictionary(fc.constantFrom('name', 'weight', 'expectedValue', 'gamma', 'alpha', 'fromLogits'), fc.oneof(anyValue, fc.constantFrom('crossEntropy', 'focal')), { maxKeys: 4 }), { maxLength: 4 }),
    search: fc.record({
      strategy: fc.oneof(fc.constantFrom('grid', 'random', 'bayesian'), anyValue),
      trials: anyValue,
      space: fc.array(fc.record({ parameter: fc.constantFrom('optimizer.learningRate', 'regularization.l2', 'model.layers.0.rate'), values: anyValue, min: anyValue, max: anyValue, scale: fc.constantFrom('log', 'linear') }, { requiredKeys: [] }), { maxLength: 4 }),
    }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

function lintBothWays(value: unknown): void {
  const asJson = JSON.stringify(value) ?? 'null';
  const asYaml = stringify(value);
  for (const [text, filePath] of [[asJson, 'gen.json'], [asYaml, 'gen.yaml']] as const) {
    const result = lintText(text, { filePath });
    positionsInside(result, text);
  }
}

// Thousands of lints per property: far above the unit-test timeout, far below CI's budget.
const PROPERTY_TIMEOUT = 300_000;

describe('properties of check', () => {
  it('never throws, and keeps positions inside the file, on arbitrary JSON/YAML documents', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), lintBothWays), { numRuns: 2500 });
  }, PROPERTY_TIMEOUT);

  it('never throws, and keeps positions inside the file, on arbitrary canonical configs', () => {
    fc.assert(fc.property(canonicalConfig, lintBothWays), { numRuns: 2500 });
  }, PROPERTY_TIMEOUT);

  it('never throws on arbitrary text, YAML-looking or not', () => {
    const yamlish = fc.array(fc.constantFrom('a:', ' ', '- ', '[', ']', '{', '}', ',', '"', "'", '#', '\n', '&x', '*x', '!!python/x ', '1e-5', ': ', '\t', '\r\n', '\uFEFF', '---\n', '|'), { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), yamlish), (text) => {
        positionsInside(lintText(text, { filePath: 'any.yaml' }), text);
      }),
      { numRuns: 3000 },
    );
  }, PROPERTY_TIMEOUT);

  it('is deterministic: the same text gives the same result', () => {
    fc.assert(
      fc.property(canonicalConfig, (value) => {
        const text = stringify(value);
        expect(lintText(text)).toEqual(lintText(text));
      }),
      { numRuns: 500 },
    );
  }, PROPERTY_TIMEOUT);

  it('every adapter is total: read() and detect() never throw on any data', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), canonicalConfig, (json, config) => {
        for (const adapter of ADAPTERS) {
          for (const value of [json, config]) {
            adapter.detect(value);
            adapter.read(value);
          }
        }
      }),
      { numRuns: 1000 },
    );
  }, PROPERTY_TIMEOUT);
});
