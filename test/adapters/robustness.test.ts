import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectron2Adapter } from '../../src/adapters/detectron2.js';
import { hfAdapter } from '../../src/adapters/hf.js';
import { lightningAdapter } from '../../src/adapters/lightning.js';
import { yoloAdapter } from '../../src/adapters/yolo.js';
import { lintText } from '../../src/engine/lint.js';

/** Keys the adapters look for, so generated documents reach their deeper branches. */
const KEYS = [
  'learning_rate', 'micro_batch_size', 'warmup_steps', 'val_set_size', 'adapter', 'lora_r', 'optim', 'optim_config', 'stage',
  'trainer', 'model', 'data', 'optimizer', 'lr_scheduler', 'callbacks', 'class_path', 'init_args', '_target_', 'train', 'devices',
  'lr0', 'lrf', 'batch', 'nbs', 'patience', 'fl_gamma', 'SOLVER', 'STEPS', 'BASE_LR', 'GAMMA', 'MODEL', 'WEIGHTS', '_BASE_',
];
const document = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('auto', 'lora', '(1, 2)', 'torch.optim.SGD', 'EarlyStopping', -1, 0, 0.5, 16, true, null),
    fc.jsonValue({ maxDepth: 1 }),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
  ),
})).value;

describe('the hf, lightning, yolo and detectron2 adapters on arbitrary documents', () => {
  it.each([hfAdapter, lightningAdapter, yoloAdapter, detectron2Adapter])('$name never throws and detects with a confidence in [0, 1]', (adapter) => {
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

  it.each([hfAdapter, lightningAdapter, yoloAdapter, detectron2Adapter])('lints any document read as $name without throwing', (adapter) => {
    fc.assert(
      fc.property(document, (root) => {
        expect(() => lintText(JSON.stringify(root) ?? 'null', { filePath: 'x.json', inputFormat: adapter.name })).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });
});
