import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/index.js';

/**
 * Documents built from the words every format keys on, mixed with the names of Object.prototype's
 * members. A lookup such as `TABLE[userKey]` finds `constructor` or `__proto__` on every plain object:
 * this property hunts those lookups in every adapter and rule, and checks that no prototype is touched.
 */
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'];
const FORMAT_WORDS = [
  'optimizer', 'name', 'type', 'learningRate', 'model', 'layers', 'training', 'schedule', 'losses', 'search', 'space', 'parameter',
  'class_name', 'config', 'modelTopology', 'trainingConfig', 'optimizer_config', 'loss', 'inbound_nodes', 'layer',
  'learning_rate', 'lr_scheduler_type', 'optim', 'per_device_train_batch_size', 'model_name_or_path',
  'lr0', 'lrf', 'momentum', 'SOLVER', 'BASE_LR', 'IMS_PER_BATCH', 'trainer', 'class_path', 'init_args', '_target_', 'callbacks',
  'method', 'parameters', 'values', 'distribution', 'hydra', 'sweeper', 'params', 'algorithm', 'spec',
];
const word = fc.constantFrom(...PROTOTYPE_NAMES, ...FORMAT_WORDS);

const { document } = fc.letrec((tie) => ({
  document: fc.dictionary(word, tie('value'), { maxKeys: 5 }),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    word,
    fc.constantFrom(0.5, 1, 0, -1, 1e-3, 'adam', 'sgd', 'Dense', 'Sequential', 'interval(0.1, 1)', 'choice(constructor, __proto__)'),
    fc.array(tie('value'), { maxLength: 3 }),
    tie('document'),
  ),
}));

describe('prototype-named keys and values', () => {
  it('never crash any adapter or rule, and never reach a prototype', () => {
    fc.assert(
      fc.property(document, (value) => {
        for (const text of [stringify(value), JSON.stringify(value)]) lintText(text, { filePath: 'p.yaml' });
        expect(Object.prototype).not.toHaveProperty('polluted');
        expect(({} as Record<string, unknown>).constructor).toBe(Object);
      }),
      { numRuns: 3000 },
    );
  }, 300_000);
});
