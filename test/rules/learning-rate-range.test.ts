import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) =>
  diagnosticsOf('learning-rate-range', dedent(yaml), setting).map(brief);

describe('learning-rate-range', () => {
  describe('valid', () => {
    it.each([
      ['adam at the low edge', 'adam', 1e-3],
      ['adam at the high edge', 'adam', 1e-2],
      ['sgd at the high edge', 'sgd', 0.1],
      ['adadelta at the low edge', 'adadelta', 0.01],
      ['adamw like adam', 'adamw', 3e-3],
    ])('%s', (_name, optimizer, lr) => {
      expect(check(`optimizer: { name: ${optimizer}, learningRate: ${lr} }`)).toEqual([]);
    });

    it('stays silent for optimizers without a §7 range', () => {
      expect(check('optimizer: { name: muon, learningRate: 0.02 }')).toEqual([]);
      expect(check('optimizer: { name: lion, learningRate: 1.0 }')).toEqual([]);
    });

    it('stays silent without an optimizer name or a learning rate', () => {
      expect(check('optimizer: { learningRate: 5 }')).toEqual([]);
      expect(check('optimizer: { name: adam }')).toEqual([]);
    });

    it('leaves non-positive rates to invalid-value', () => {
      expect(check('optimizer: { name: adam, learningRate: -1 }')).toEqual([]);
    });

    it('accepts a fine-tuning rate inside the shifted range', () => {
      expect(check('pretrained: true\noptimizer: { name: adam, learningRate: 1.0e-5 }')).toEqual([]);
      expect(check('pretrained: true\noptimizer: { name: adam, learningRate: 1.0e-3 }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports Adam at 0.5 on the value, with the nearest in-range value', () => {
      const [d] = diagnosticsOf('learning-rate-range', 'optimizer:\n  name: adam\n  learningRate: 0.5\n');
      expect(brief(d!)).toBe('3:17-3:20 warning Adam learning rate 0.5 is above the range for training from scratch [0.001, 0.01] (GUIDE §7).');
      expect(d!.suggestion).toMatchObject({ path: '/optimizer/learningRate', value: 0.01 });
    });

    it('reports just past each edge', () => {
      expect(check('optimizer: { name: adam, learningRate: 0.0009 }')).toEqual([
        '1:40-1:46 warning Adam learning rate 9e-4 is below the range for training from scratch [0.001, 0.01] (GUIDE §7).',
      ]);
      expect(check('optimizer: { name: rmsprop, learningRate: 0.011 }')).toEqual([
        '1:43-1:48 warning RMSprop learning rate 0.011 is above the range for training from scratch [0.001, 0.01] (GUIDE §7).',
      ]);
    });

    it('uses the SGD-with-momentum row when SGD has momentum', () => {
      expect(check('optimizer: { name: SGD, momentum: 0.9, learningRate: 0.05 }')).toEqual([
        '1:54-1:58 warning SGD with momentum learning rate 0.05 is above the range for training from scratch [0.001, 0.01] (GUIDE §7).',
      ]);
    });

    it('says when the range is a fine-tuning range', () => {
      expect(check('pretrained: true\noptimizer: { name: adam, learningRate: 5.0e-3 }')).toEqual([
        "2:40-2:46 warning Adam learning rate 0.005 is above the range for full fine-tuning [1e-5, 0.001] (GUIDE §4.5: 1–2 orders of magnitude below §7's [0.001, 0.01]; regime from pretrained: true).",
      ]);
    });

    it('checks the first value of a piecewise schedule when the optimizer has no rate', () => {
      const yaml = 'optimizer: { name: adam }\nschedule: { type: piecewiseConstant, boundaries: [10], values: [0.1, 0.01] }\n';
      expect(check(yaml)).toEqual(['2:65-2:68 warning Adam learning rate 0.1 is above the range for training from scratch [0.001, 0.01] (GUIDE §7).']);
    });

    it('takes range overrides as options', () => {
      expect(check('optimizer: { name: adam, learningRate: 1.0e-4 }', ['warning', { ranges: { adam: { low: 1e-5, high: 1e-3 } } }])).toEqual([]);
    });

    it('rejects malformed options', () => {
      expect(() => check('optimizer: { name: adam }', ['warning', { ranges: { adam: { low: -1 } } }])).toThrow(/invalid options/);
    });
  });

  describe('regimes', () => {
    const hf = (yaml: string) => diagnosticsOf('learning-rate-range', dedent(yaml)).map(brief);

    it('accepts the documented DPO and SimPO rates that §7 would call far too low', () => {
      expect(hf('model_name_or_path: m\nbeta: 0.01\nmax_prompt_length: 512\nlearning_rate: 5.0e-7\n')).toEqual([]);
      expect(hf('model_name_or_path: m\nloss_type: simpo\ngamma_beta_ratio: 0.5\nlearning_rate: 3.0e-7\n')).toEqual([]);
    });

    it('names the regime and its evidence when a preference rate is too high', () => {
      expect(hf('base_model: m\nrl: dpo\nlearning_rate: 4.0e-5\nmicro_batch_size: 1\n')).toEqual([
        '3:16-3:22 warning AdamW (the HuggingFace default optimizer) learning rate 4e-5 is above the range for DPO fine-tuning [3e-7, 5e-6] (published recipes, docs/rules/learning-rate-range.md; regime from rl: dpo).',
      ]);
    });

    it('uses the adapter band for LoRA and warns past 1e-3', () => {
      expect(hf('base_model: m\nadapter: qlora\nlearning_rate: 0.0002\n')).toEqual([]);
      expect(hf('base_model: m\nadapter: lora\nlearning_rate: 0.003\n')).toEqual([
        '3:16-3:21 warning AdamW (the HuggingFace default optimizer) learning rate 0.003 is above the range for LoRA fine-tuning [5e-5, 0.001] (published recipes, docs/rules/learning-rate-range.md; regime from adapter: lora).',
      ]);
    });

    it('warns on a full-parameter GRPO rate a hundred times the usual', () => {
      expect(hf('model_name_or_path: m\nnum_generations: 8\nlearning_rate: 1.0e-4\n')[0]).toMatch(/warning .* above the range for GRPO RL fine-tuning \[3e-7, 1e-5\]/);
    });

    it('accepts LLM pretraining rates below §7 (GPT-3, LLaMA)', () => {
      expect(hf('model_init_kwargs: { hidden_size: 512 }\nlearning_rate: 3.0e-4\nmax_steps: 1000\n')).toEqual([]);
    });

    it('is quiet when the file does not say how it trains: at most an info near a plausible range', () => {
      // A bare checkpoint is where SFT, DPO and GRPO all start.
      expect(hf('model_name_or_path: m\nlearning_rate: 5.0e-7\n')).toEqual([]);
      const [d] = diagnosticsOf('learning-rate-range', 'SOLVER:\n  BASE_LR: 0.02\n  IMS_PER_BATCH: 16\n');
      expect(d?.severity).toBe('info');
    });

    it('does not report Adadelta at 1.0, the algorithm as published', () => {
      expect(check('optimizer: { name: adadelta, learningRate: 1.0 }')).toEqual([]);
    });
  });
});
