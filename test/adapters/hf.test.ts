import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { hfAdapter } from '../../src/adapters/hf.js';
import { lintText } from '../../src/rules/index.js';
import { canonicalView } from '../helpers/adapters.js';
import { corpusText, withoutShared } from '../helpers/shared.js';
import { brief, dedent } from '../helpers/lint.js';

const FIXTURES = new URL('../fixtures/hf/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const view = (yaml: string) => canonicalView(dedent(yaml));
const lint = (text: string, filePath = 'recipe.yaml') => lintText(text, { filePath }).diagnostics.map((d) => `${brief(d)} (${d.ruleId})`);

describe('hf adapter', () => {
  describe('fixtures', () => {
    const files = readdirSync(FIXTURES).sort();

    it.each(files.filter((f) => !f.startsWith('deepspeed')))('reads %s as hf', (file) => {
      const read = canonicalView(fixture(file));
      expect(read.format).toBe('hf');
      expect(read.config).toBeDefined();
    });

    it('leaves a DeepSpeed config to nobody: it is not a training config', () => {
      const result = lintText(fixture('deepspeed-zero2.json'), { filePath: 'ds.json' });
      expect(result.format).toBe('unknown');
      expect(result.diagnostics).toEqual([]);
      expect(result.reason).toBe('no known training-config keys at the top level');
    });

    it.each(['trl-sft-qlora.yaml', 'llama-factory-lora-sft.yaml', 'axolotl-lora.yml', 'axolotl-dpo-qlora.yml'])(
      'golden canonical config and source map of %s',
      (file) => {
        expect(canonicalView(fixture(file))).toMatchSnapshot();
      },
    );
  });

  describe.skipIf(withoutShared('hf adapter: golden views of real recipes from ../shared/corpus/hf'))('corpus', () => {
    it.each([
      'huggingface__alignment-handbook__recipes__zephyr-7b-beta__sft__config_qlora.yaml',
      'hiyouga__LLaMA-Factory__examples__train_lora__qwen3_lora_sft.yaml',
      'hiyouga__LLaMA-Factory__examples__v1__train_full__train_full_muon.yaml',
      'axolotl-ai-cloud__axolotl__examples__expert_parallel__qwen3_30ba3b_ep_lora_4gpu.yaml',
      'axolotl-ai-cloud__axolotl__examples__qwen2__muon-pretrain-fsdp2.yaml',
    ])('golden canonical config and source map of %s', (file) => {
      expect(canonicalView(corpusText('hf', file))).toMatchSnapshot();
    });
  });

  describe('mapping', () => {
    it('maps TrainingArguments names and fills the Trainer defaults it applies', () => {
      expect(
        view(`
          model_name_or_path: bert-base-uncased
          learning_rate: 3.0e-5
          per_device_train_batch_size: 16
          num_train_epochs: 2
          max_steps: -1
          warmup_ratio: 0.06
        `),
      ).toMatchInlineSnapshot(`
        {
          "config": {
            "optimizer": {
              "beta1": 0.9,
              "beta2": 0.999,
              "epsilon": 1e-8,
              "learningRate": 0.00003,
              "name": "adamw_torch",
              "weightDecay": 0,
            },
            "pretrained": true,
            "schedule": {
              "endLearningRate": 0,
              "power": 1,
              "type": "polynomialDecay",
              "warmupRatio": 0.06,
            },
            "training": {
              "batchSize": 16,
              "epochs": 2,
              "gradientAccumulation": 1,
            },
          },
          "defaults": {
            "/optimizer/beta1": "HuggingFace",
            "/optimizer/beta2": "HuggingFace",
            "/optimizer/epsilon": "HuggingFace",
            "/optimizer/name": "HuggingFace",
            "/optimizer/weightDecay": "HuggingFace",
            "/schedule/endLearningRate": "HuggingFace",
            "/schedule/power": "HuggingFace",
            "/schedule/type": "HuggingFace",
            "/training/gradientAccumulation": "HuggingFace",
          },
          "derived": [
            "/pretrained",
          ],
          "format": "hf",
          "sources": {
            "/optimizer/learningRate": "learning_rate",
            "/pretrained": "model_name_or_path",
            "/schedule/warmupRatio": "warmup_ratio",
            "/training/batchSize": "per_device_train_batch_size",
            "/training/epochs": "num_train_epochs",
          },
        }
      `);
    });

    it('reads a float warmup_steps below 1 as a ratio, and an integer as steps', () => {
      expect(view('learning_rate: 1.0e-4\nwarmup_steps: 0.1\n').config?.schedule).toMatchObject({ warmupRatio: 0.1 });
      expect(view('learning_rate: 1.0e-4\nwarmup_steps: 100\n').config?.schedule).toMatchObject({ warmupSteps: 100 });
    });

    it('keeps the optimizer the recipe names, and Adam defaults only for Adam-like optimizers', () => {
      const read = view('learning_rate: 1.0e-4\noptim: adafactor\n');
      expect(read.config?.optimizer).toEqual({ name: 'adafactor', learningRate: 1e-4, weightDecay: 0 });
      expect(read.sources['/optimizer/name']).toBe('optim');
    });

    it('reads axolotl names: micro_batch_size, num_epochs, val_set_size 0, lr_scheduler, LoRA with adapter: lora', () => {
      const read = view(`
        base_model: NousResearch/Meta-Llama-3-8B
        adapter: lora
        lora_r: 16
        lora_alpha: 32
        lora_dropout: 0.05
        micro_batch_size: 2
        num_epochs: 3
        val_set_size: 0
        lr_scheduler: cosine
        learning_rate: 0.0002
      `);
      expect(read.config).toEqual({
        pretrained: true,
        regime: { kind: 'peft', method: 'LoRA', parameterEfficient: true, evidence: 'adapter: lora' },
        model: { lora: { rank: 16, alpha: 32, dropout: 0.05 } },
        optimizer: { learningRate: 0.0002, name: 'adamw_torch', weightDecay: 0, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
        schedule: { type: 'cosineDecay' },
        training: { batchSize: 2, epochs: 3, gradientAccumulation: 1 },
        data: { validationSplit: 0 },
      });
      expect(read.sources['/data/validationSplit']).toBe('val_set_size');
    });

    it('ignores LoRA keys when no adapter is trained (axolotl adapter left empty)', () => {
      expect(view('base_model: m\nadapter:\nlora_r: 8\nlora_alpha: 16\nmicro_batch_size: 1\n').config?.model).toBeUndefined();
    });

    it('treats reinit_weights as training from scratch despite a base model', () => {
      const read = view('base_model: Qwen/Qwen2.5-0.5B\nreinit_weights: true\nlearning_rate: 0.02\noptimizer: muon\n');
      expect(read.config?.pretrained).toBe(false);
      expect(read.sources['/pretrained']).toBe('reinit_weights');
    });

    it('gives LLaMA-Factory LoRA its defaults: rank 8, alpha twice the rank, dropout 0', () => {
      const read = view('model_name_or_path: m\nstage: sft\nfinetuning_type: lora\nlora_rank: 4\nlearning_rate: 1.0e-4\n');
      expect(read.config?.model).toEqual({ lora: { rank: 4, alpha: 8, dropout: 0 } });
      expect(read.defaults['/model/lora/alpha']).toBe('LLaMA-Factory');
    });

    it('reads eval_strategy "no" as no validation data, and a mixture test split as its size', () => {
      expect(view("learning_rate: 1.0e-5\neval_strategy: 'no'\n").config?.data).toEqual({ validationSplit: 0 });
      expect(view('learning_rate: 1.0e-5\ndataset_mixture:\n  test_split_size: 500\n').config?.data).toEqual({ validationSize: 500 });
      expect(view('learning_rate: 1.0e-5\nval_set_size: 2000\nmicro_batch_size: 1\n').config?.data).toEqual({ validationSize: 2000 });
    });

    it('does not default the epochs when max_steps bounds the run', () => {
      const read = view('learning_rate: 1.0e-5\nmax_steps: 500\n');
      expect(read.config?.training).toEqual({ maxSteps: 500, gradientAccumulation: 1, batchSize: 8 });
    });
  });

  describe('detection', () => {
    it.each([
      ['a YOLO hyp file', { lr0: 0.01, weight_decay: 0.0005, learning_rate: 0.01 }],
      ['a DeepSpeed config', { train_micro_batch_size_per_gpu: 'auto', gradient_accumulation_steps: 'auto' }],
      ['a LitGPT config', { train: { micro_batch_size: 4 }, optimizer: { class_path: 'torch.optim.AdamW' } }],
      ['a trainer_state.json', { num_train_epochs: 3, max_steps: 900, train_batch_size: 8, global_step: 900, log_history: [] }],
      ['a native config', { optimizer: { learningRate: 0.001 } }],
      ['a list', [1, 2]],
    ])('does not claim %s', (_name, root) => {
      expect(hfAdapter.detect(root)).toBe(0);
    });
  });

  describe('diagnostics in the recipe', () => {
    it('points at learning_rate for a fine-tuning rate out of range', () => {
      const text = dedent(`
        model_name_or_path: meta-llama/Llama-3-8B
        per_device_train_batch_size: 4
        gradient_accumulation_steps: 4
        learning_rate: 3.0e-2
      `);
      expect(lint(text)).toEqual([
        '4:16-4:22 warning AdamW (the HuggingFace default optimizer) learning rate 0.03 is above every range that fits this file, which does not say how it trains (up to 0.01 for LLM pretraining). (learning-rate-range)',
      ]);
    });

    it('points at the axolotl keys of an effective batch of 1; 2e-5 is no string there (pydantic converts it)', () => {
      const text = dedent(`
        base_model: NousResearch/Meta-Llama-3.1-8B
        micro_batch_size: 1
        gradient_accumulation_steps: 1
        learning_rate: 2e-5
      `);
      expect(lint(text)).toEqual([
        '2:19-2:20 info Per-device batch 1 with no gradient accumulation, and the file does not say how many processes train: on one GPU every step follows one example\'s gradient, which is noisy and hard to converge (GUIDE §3); raise the accumulation or the batch. (batch-size-extremes)',
      ]);
    });

    it('accepts a LoRA alpha above 1 (a scale, not a probability)', () => {
      expect(lint('base_model: m\nadapter: qlora\nlora_r: 32\nlora_alpha: 16\nlora_dropout: 0.05\nmicro_batch_size: 2\ngradient_accumulation_steps: 4\nlearning_rate: 0.0002\n')).toEqual([]);
    });

    it('reports positions in a JSON TrainingArguments dict', () => {
      const text = '{\n  "learning_rate": 0.5,\n  "per_device_train_batch_size": 32,\n  "num_train_epochs": 3\n}\n';
      expect(lint(text, 'args.json')).toEqual([
        '2:20-2:23 warning AdamW (the HuggingFace default optimizer) learning rate 0.5 is above every range that fits this file, which does not say how it trains (up to 0.01 for LLM pretraining). (learning-rate-range)',
      ]);
    });
  });
});
