import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const ID = 'batchnorm-small-batch';
const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) => diagnosticsOf(ID, dedent(yaml), setting).map(brief);
const withBn = (training: string, data = '') => `${data}model:\n  layers:\n    - { type: dense, units: 8 }\n    - { type: BatchNormalization }\ntraining: ${training}\n`;

describe(ID, () => {
  describe('valid', () => {
    it('a batch of 8, the smallest accepted', () => {
      expect(check(withBn('{ batchSize: 8 }'))).toEqual([]);
    });

    it('a batch of 1 without batch normalization', () => {
      expect(check('model:\n  layers: [{ type: dense, units: 8 }]\ntraining: { batchSize: 1 }\n')).toEqual([]);
    });

    it('a training set that divides cleanly', () => {
      expect(check(withBn('{ batchSize: 32 }', 'data: { trainSize: 1024 }\n'))).toEqual([]);
      expect(check(withBn('{ batchSize: 32 }', 'data: { trainSize: 34 }\n'))).toEqual([]);
    });

    it('stays silent without a batch size', () => {
      expect(check(withBn('{ epochs: 2 }'))).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('a batch of 1 is an error', () => {
      expect(check(withBn('{ batchSize: 1 }'))).toEqual([
        '5:24-5:25 error Per-device batch size 1 with batch normalization (layer 1): the batch statistics of one sample are degenerate and training can collapse (GUIDE §3). Use a batch of 8 or more, or group/layer normalization.',
      ]);
    });

    it('batches of 2 and 7 are warnings', () => {
      expect(check(withBn('{ batchSize: 7 }'))).toEqual([
        '5:24-5:25 warning Per-device batch size 7 with batch normalization (layer 1): statistics from fewer than 8 samples are noisy and batch-norm error rises quickly (GUIDE §3; Wu & He 2018). Use a batch of 8 or more, or group normalization.',
      ]);
      expect(check(withBn('{ batchSize: 2 }'))).toHaveLength(1);
    });

    it('a last batch of one sample, with a batch size that avoids it', () => {
      const [d] = diagnosticsOf(ID, withBn('{ batchSize: 32 }', 'data: { trainSize: 1025 }\n'));
      expect(brief(d!)).toBe(
        '6:24-6:26 warning 1025 training examples in batches of 32 leave a last batch of one sample, whose batch-norm statistics are degenerate (GUIDE §3). Drop the last batch or change the batch size.',
      );
      expect(d!.suggestion).toMatchObject({ path: '/training/batchSize', value: 33 });
    });

    it('reports only the strongest level', () => {
      expect(check(withBn('{ batchSize: 2 }', 'data: { trainSize: 9 }\n'))).toHaveLength(1);
    });

    it('takes minBatch as an option', () => {
      expect(check(withBn('{ batchSize: 12 }'), ['error', { minBatch: 16 }]).map((s) => s.split(' ')[1])).toEqual(['warning']);
    });
  });
});
