import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, filePath?: string) =>
  diagnosticsOf('yaml-float-as-string', dedent(yaml), undefined, filePath ? { filePath } : {}).map(brief);

describe('yaml-float-as-string', () => {
  describe('valid', () => {
    it('numbers PyYAML reads as floats: a dot and a signed exponent, or no exponent', () => {
      expect(check('optimizer: { learningRate: 2.0e-5, epsilon: 1.e-8, weightDecay: .5e-3, beta2: 0.999 }\n')).toEqual([]);
    });

    it('a quoted string: the author asked for a string', () => {
      expect(check('optimizer: { learningRate: "2e-5", epsilon: \'1e-8\' }\n')).toEqual([]);
    });

    it('a JSON file, which every loader reads with JSON number rules', () => {
      expect(check('{ "optimizer": { "learningRate": 2e-5 } }\n', 'hplint.json')).toEqual([]);
    });

    it('Lightning and Hydra configs, whose loaders (jsonargparse, OmegaConf) read 1e-6 as a number', () => {
      const lightning = 'trainer:\n  max_epochs: 10\noptimizer:\n  class_path: torch.optim.Adam\n  init_args:\n    lr: 1e-6\n';
      const hf = 'model_name_or_path: gpt2\nlearning_rate: 1e-6\n';
      expect(check(lightning, 'cli.yaml')).toEqual([]);
      expect(check(hf, 'recipe.yaml')).toHaveLength(1);
    });

    it('recipes whose loader converts the string before the training code: axolotl (pydantic), LLaMA-Factory (OmegaConf), detectron2 (yacs)', () => {
      const axolotl = 'base_model: NousResearch/Meta-Llama-3.1-8B\nmicro_batch_size: 1\nnum_epochs: 1\nlearning_rate: 2e-5\n';
      const llamaFactory = 'model_name_or_path: Qwen/Qwen3-4B\nstage: sft\nfinetuning_type: lora\nlearning_rate: 1e-4\n';
      const detectron2 = 'SOLVER:\n  BASE_LR: 1e-3\n  IMS_PER_BATCH: 16\n';
      expect(check(axolotl, 'axolotl.yaml')).toEqual([]);
      expect(check(llamaFactory, 'lf.yaml')).toEqual([]);
      expect(check(detectron2, 'd2.yaml')).toEqual([]);
    });

    it('a Hydra file (`# @package`), whatever its keys: OmegaConf reads 1e-6 as a float', () => {
      expect(check('# @package _global_\nmodel_name_or_path: gpt2\nlearning_rate: 1e-6\n', 'grpo.yaml')).toEqual([]);
    });

    it('JSON text on stdin (no extension) is JSON too', () => {
      expect(check('{ "optimizer": { "learningRate": 1e-4 } }\n', '<stdin>')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('2e-5 as a learning rate, with a safe fix to 2.0e-5', () => {
      const [d, ...rest] = diagnosticsOf('yaml-float-as-string', 'optimizer:\n  name: adamw\n  learningRate: 2e-5\n');
      expect(rest).toEqual([]);
      expect(brief(d!)).toBe(
        '3:17-3:21 warning PyYAML (YAML 1.1), the loader of most Python training code, reads 2e-5 as the string "2e-5", not a number: write 2.0e-5.',
      );
      const edits = [{ op: 'set', path: '/optimizer/learningRate', value: 2e-5, text: '2.0e-5' }];
      expect(d!.fix).toEqual(edits);
      expect(d!.suggestion).toMatchObject({ path: '/optimizer/learningRate', value: 2e-5, edits });
    });

    it('in a TrainingArguments recipe, where HfArgumentParser hands the PyYAML string to the trainer', () => {
      const yaml = 'model_name_or_path: gpt2\nper_device_train_batch_size: 8\nlearning_rate: 2e-5\n';
      const [d] = diagnosticsOf('yaml-float-as-string', yaml);
      expect(brief(d!)).toBe(
        '3:16-3:20 warning PyYAML (YAML 1.1), the loader of HfArgumentParser (nothing converts the value before TrainingArguments), reads 2e-5 as the string "2e-5", not a number: write 2.0e-5.',
      );
      expect(d!.fix).toEqual([{ op: 'set', path: '/optimizer/learningRate', value: 2e-5, text: '2.0e-5' }]);
    });

    it('in a W&B sweep, inside the search space too: the W&B CLI loads it with PyYAML', () => {
      const yaml = dedent(`
        method: random
        parameters:
          learning_rate:
            distribution: log_uniform_values
            min: 1e-5
            max: 1.0e-3
          weight_decay:
            values: [1e-4, 0.01]
      `);
      expect(check(yaml).map((d) => d.replace(/ as the string.*/, ''))).toEqual([
        '5:10-5:14 warning PyYAML (YAML 1.1), the loader of the W&B CLI, reads 1e-5',
        '8:14-8:18 warning PyYAML (YAML 1.1), the loader of the W&B CLI, reads 1e-4',
      ]);
    });

    it('keeps the exponent letter, and signs an unsigned exponent (1.0e5 is a string in PyYAML too)', () => {
      const found = diagnosticsOf('yaml-float-as-string', 'optimizer: { epsilon: 1E-8 }\nschedule: { minLearningRate: 1.5e5 }\n');
      expect(found.map(brief)).toEqual([
        '1:23-1:27 warning PyYAML (YAML 1.1), the loader of most Python training code, reads 1E-8 as the string "1E-8", not a number: write 1.0E-8.',
        '2:30-2:35 warning PyYAML (YAML 1.1), the loader of most Python training code, reads 1.5e5 as the string "1.5e5", not a number: write 150000.',
      ]);
    });

    it('a whole number such as a step count is rewritten plainly', () => {
      const [d] = diagnosticsOf('yaml-float-as-string', 'training: { maxSteps: 1e5, batchSize: 32 }\n');
      expect(d!.fix).toEqual([{ op: 'set', path: '/training/maxSteps', value: 100000, text: '100000' }]);
    });

    it('every fix spells the same number in a form PyYAML reads as one (a float with a dot and a signed exponent, or an integer)', () => {
      const pyyamlNumber = /^[-+]?(\d[\d_]*\.[\d_]*([eE][-+]\d+)?|\d+)$/;
      const scalar = fc
        .tuple(fc.constantFrom('', '-', '+'), fc.integer({ min: 0, max: 999 }), fc.option(fc.integer({ min: 0, max: 99 })), fc.constantFrom('e', 'E'), fc.constantFrom('', '-', '+'), fc.integer({ min: 0, max: 12 }))
        .map(([sign, whole, fraction, marker, expSign, exponent]) => `${sign}${whole}${fraction === null ? '' : `.${fraction}`}${marker}${expSign}${exponent}`)
        // Spellings PyYAML already reads as a float are not reported (a dot and a signed exponent).
        .filter((text) => !/\.\d*[eE][-+]/.test(text));
      fc.assert(
        fc.property(scalar, (text) => {
          const [d, ...rest] = diagnosticsOf('yaml-float-as-string', `optimizer: { learningRate: ${text} }\n`);
          expect(rest).toEqual([]);
          const fixed = (d!.fix![0] as { text: string }).text;
          expect(fixed).toMatch(pyyamlNumber);
          expect(Number(fixed)).toBe(Number(text));
        }),
        { numRuns: 200 },
      );
    });

    it('walks nested lists: layers, loss terms and search values', () => {
      const yaml = dedent(`
        model:
          layers:
            - { type: dense, units: 10, kernelRegularizer: { l2: 1e-4 } }
        losses:
          - { name: centerLoss, weight: 3e-3 }
        search:
          space:
            - { parameter: optimizer.learningRate, values: [1e-3, 3.0e-4] }
      `);
      expect(check(yaml).map((d) => d.split(' warning')[0])).toEqual(['3:58-3:62', '5:33-5:37', '8:53-8:57']);
    });
  });
});
