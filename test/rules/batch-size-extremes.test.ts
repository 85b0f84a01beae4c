import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const ID = 'batch-size-extremes';
const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) => diagnosticsOf(ID, dedent(yaml), setting).map(brief);

describe(ID, () => {
  describe('valid', () => {
    it.each([2, 32, 1024])('effective batch %i', (batch) => {
      expect(check(`training: { batchSize: ${batch} }`)).toEqual([]);
    });

    it('counts gradient accumulation: batch 1 × 8 is fine', () => {
      expect(check('training: { batchSize: 1, gradientAccumulation: 8 }')).toEqual([]);
    });

    it('stays silent without a batch size, or with an invalid one', () => {
      expect(check('training: { epochs: 3 }')).toEqual([]);
      expect(check('training: { batchSize: 0 }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports an effective batch of 1 with a batch of 32 and a scaled rate', () => {
      const [d] = diagnosticsOf(ID, 'optimizer: { name: adam, learningRate: 1.0e-4 }\ntraining:\n  batchSize: 1\n');
      expect(brief(d!)).toBe(
        '3:14-3:15 warning Effective batch size 1: every step follows one example\'s gradient, which is noisy and hard to converge (GUIDE §3); revisit the learning rate or the normalization.',
      );
      expect(d!.suggestion).toMatchObject({
        value: 32,
        description: 'Set training.batchSize to 32 and scale the learning rate with it, 1e-4 → 0.001.',
        edits: [
          { op: 'set', path: '/training/batchSize', value: 32 },
          { op: 'set', path: '/optimizer/learningRate', value: 0.001 },
        ],
      });
    });

    it('reports just above 6000 as a warning, naming the factors', () => {
      expect(check('training: { batchSize: 1001, devices: 2, gradientAccumulation: 3 }')).toEqual([
        '1:24-1:28 warning Effective batch size 6006 (1001 × 2 × 3) is above 6000: scale the learning rate with the batch and warm up (GUIDE §3; Goyal et al. 2017).',
      ]);
    });

    it('reports 6000 and 1025 as info, 1024 not at all', () => {
      expect(check('training: { batchSize: 6000 }')).toEqual([
        '1:24-1:28 info Effective batch size 6000 is above the typical range [1, 1024] (GUIDE §3): check that the learning rate was scaled for it.',
      ]);
      expect(check('training: { batchSize: 1025 }').map((s) => s.split(' ')[1])).toEqual(['info']);
    });

    it('suggests a batch in the typical range for an extreme one', () => {
      const [d] = diagnosticsOf(ID, 'optimizer: { name: sgd, learningRate: 0.8 }\ntraining: { batchSize: 8192 }\n');
      expect(d!.suggestion?.edits).toEqual([
        { op: 'set', path: '/training/batchSize', value: 1024 },
        { op: 'set', path: '/optimizer/learningRate', value: 0.1 },
      ]);
    });

    it('takes its thresholds as options, and keeps info below a raised severity', () => {
      expect(check('training: { batchSize: 600 }', ['warning', { infoAbove: 512 }])).toHaveLength(1);
      expect(check('training: { batchSize: 2000 }', 'error').map((s) => s.split(' ')[1])).toEqual(['info']);
      expect(check('training: { batchSize: 9000 }', 'error').map((s) => s.split(' ')[1])).toEqual(['error']);
    });

    it('leaves the rate alone when scaling, kept in range, would not change it', () => {
      const [d] = diagnosticsOf(ID, 'optimizer: { name: sgd, learningRate: 0.01 }\ntraining: { batchSize: 8192 }\n');
      expect(d!.suggestion).toMatchObject({ description: 'Set training.batchSize to 1024.', edits: [{ op: 'set', path: '/training/batchSize', value: 1024 }] });
    });
  });

  describe('distributed training', () => {
    const hf = (yaml: string) => diagnosticsOf(ID, dedent(yaml)).map(brief);

    it('never claims an effective batch of 1 when the file does not say how many processes train', () => {
      expect(hf('base_model: m\nmicro_batch_size: 1\ngradient_accumulation_steps: 1\n')).toEqual([
        '2:19-2:20 info Per-device batch 1 with no gradient accumulation, and the file does not say how many processes train: on one GPU every step follows one example\'s gradient, which is noisy and hard to converge (GUIDE §3); raise the accumulation or the batch.',
      ]);
    });

    it('multiplies by the ranks the file states (accelerate num_processes, axolotl dp_shard_size)', () => {
      expect(hf('base_model: m\nmicro_batch_size: 1\ngradient_accumulation_steps: 1\ndp_shard_size: 4\n')).toEqual([]);
      expect(hf('model_name_or_path: m\nper_device_train_batch_size: 1\nnum_processes: 8\n')).toEqual([]);
    });

    it('raises the accumulation of a pretrained model, never its per-device batch or its fine-tuning rate', () => {
      const [d] = diagnosticsOf(ID, 'model_name_or_path: m\nlearning_rate: 2.0e-5\nper_device_train_batch_size: 1\ngradient_accumulation_steps: 1\nnum_processes: 1\n');
      expect(d!.suggestion).toMatchObject({
        path: '/training/gradientAccumulation',
        value: 32,
        edits: [{ op: 'set', path: '/training/gradientAccumulation', value: 32 }],
      });
    });

    it('brings an extreme accumulated batch down through the accumulation', () => {
      const [d] = diagnosticsOf(ID, 'base_model: m\nmicro_batch_size: 8\ngradient_accumulation_steps: 1024\ndp_shard_size: 1\n');
      expect(d!.suggestion).toMatchObject({ path: '/training/gradientAccumulation', value: 128 });
    });

    it('says the batch is a lower bound when ranks are unknown', () => {
      expect(hf('base_model: m\nmicro_batch_size: 64\ngradient_accumulation_steps: 128\n')).toEqual([
        '2:19-2:21 warning Effective batch size at least 8192 (64 × 128) is above 6000: scale the learning rate with the batch and warm up (GUIDE §3; Goyal et al. 2017).',
      ]);
    });
  });
});
