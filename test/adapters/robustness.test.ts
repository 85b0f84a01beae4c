import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/adapters/index.js';
import { parseSweepExpression } from '../../src/adapters/sweep-expression.js';
import { lintText } from '../../src/rules/index.js';

/** Keys every adapter looks for, so generated documents reach their deeper branches. */
const KEYS = [
  // hf, lightning, yolo, detectron2
  'learning_rate', 'micro_batch_size', 'warmup_steps', 'val_set_size', 'adapter', 'lora_r', 'optim', 'optim_config', 'stage',
  'trainer', 'model', 'data', 'optimizer', 'lr_scheduler', 'callbacks', 'class_path', 'init_args', '_target_', 'train', 'devices',
  'lr0', 'lrf', 'batch', 'nbs', 'patience', 'fl_gamma', 'SOLVER', 'STEPS', 'BASE_LR', 'GAMMA', 'MODEL', 'WEIGHTS', '_BASE_',
  // keras, tfjs
  'modelTopology', 'model_config', 'training_config', 'trainingConfig', 'class_name', 'config', 'layers', 'layer', 'name',
  'inbound_nodes', 'args', 'keras_history', 'output_layers', 'trainable', 'kernel_regularizer', 'batch_input_shape',
  'optimizer_config', 'lr', 'decay', 'inner_optimizer', 'loss', 'loss_weights', 'from_logits',
  // sweeps
  'parameters', 'method', 'values', 'value', 'min', 'max', 'distribution', 'run_cap', 'hydra', 'sweeper', 'params',
  'search_space', 'sampler', 'n_trials', 'algorithm', 'type', 'spec', 'maxCombo', 'scalingType',
];
const VALUES = [
  'auto', 'lora', '(1, 2)', 'torch.optim.SGD', 'EarlyStopping', 'Sequential', 'Functional', 'Model', 'Dense', 'Bidirectional',
  'Adam', 'RMSProp', 'ExponentialDecay', 'function', 'log_uniform', 'bayes', 'grid', 'interval(0.1, 1)',
  'tag(log, interval(1e-5, 1))', 'choice(1, 2)', 'range(0, 3)', '1,2,3', 'discrete', -1, 0, 0.5, 16, true, null,
];
const document = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...VALUES),
    fc.jsonValue({ maxDepth: 1 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('every adapter on arbitrary documents', () => {
  it.each(ADAPTERS)('$name never throws and detects with a confidence in [0, 1]', (adapter) => {
    fc.assert(
      fc.property(document, (root) => {
        const confidence = adapter.detect(root);
        expect(confidence).toBeGreaterThanOrEqual(0);
        expect(confidence).toBeLessThanOrEqual(1);
        expect(() => adapter.read(root)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it.each(ADAPTERS)('lints any document read as $name without throwing', (adapter) => {
    fc.assert(
      fc.property(document, (root) => {
        expect(() => lintText(JSON.stringify(root) ?? 'null', { filePath: 'x.json', inputFormat: adapter.name })).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('parses any sweep expression text without throwing', () => {
    const text = fc.array(fc.constantFrom('interval', 'choice', 'range', 'tag', 'log', 'int', '(', ')', '[', ']', ',', ' ', '=', "'", '"', '1', '-2', '1e-3', 'x'), { maxLength: 30 });
    fc.assert(fc.property(text, (parts) => void parseSweepExpression(parts.join(''))), { numRuns: 1000 });
  });

  it.each([
    ['a model that contains itself', '&m {class_name: Sequential, config: {layers: [{class_name: Dense}, *m]}}'],
    ['a wrapper that wraps its own model', 'modelTopology: &m {class_name: Model, config: {layers: [{class_name: Bidirectional, config: {layer: *m}}]}}'],
    ['W&B parameters nested in themselves', 'method: grid\nparameters: &p {lr: {values: [1, 2]}, inner: {parameters: *p}}'],
  ])('refuses %s (a recursive YAML alias) with a parse-error instead of looping', (_name, text) => {
    const result = lintText(text);
    expect(result.format).toBe('unknown');
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['parse-error']);
  });
});
