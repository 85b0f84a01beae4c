import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/engine/lint.js';
import { lintText } from '../../src/rules/index.js';

/**
 * Detection never floods (issue 12): files of tools hplint does not read are `unknown`, never native by
 * default; each supported format is found where real files put it (a LightningCLI dump under `fit:`,
 * TrainingArguments under `training:`, a YOLOv5 opt.yaml). The fixtures are written for these tests, in
 * the shape of the real files of each kind.
 */
const FIXTURES = new URL('../fixtures/formats/', import.meta.url);
const text = (file: string) => readFileSync(new URL(file, FIXTURES), 'utf8');
const lint = (file: string) => lintText(text(file), { filePath: file });
const read = (file: string) => readConfig(text(file), { filePath: file });

const EXPECTED: Readonly<Record<string, string>> = {
  'torchtune-qlora-recipe.yaml': 'unknown',
  'deepspeed-zero3.json': 'unknown',
  'mmengine-dump.yaml': 'unknown',
  'fairseq-hydra-task.yaml': 'unknown',
  'nemo-asr-finetune.yaml': 'unknown',
  'model-specific-lr.json': 'unknown',
  'lightning-fit-not-lightning.yaml': 'unknown',
  'lightning-fit-dump.yaml': 'lightning',
  'lightning-dotted.yaml': 'lightning',
  'hf-nested-training.yaml': 'hf',
  'hf-yaml11-scalars.yaml': 'hf',
  'hydra-package-recipe.yaml': 'hf',
  'yolov5-run-options.yaml': 'yolo',
  'hydra-callbacks-group.yaml': 'lightning',
};

describe('format detection on the shapes real files have', () => {
  it('has an expectation for every fixture', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const [file, format] of Object.entries(EXPECTED)) {
    it(`reads ${file} as ${format}, with no unknown-key flood`, () => {
      const result = lint(file);
      expect(result.format).toBe(format);
      expect(result.diagnostics.filter((d) => d.ruleId === 'unknown-key' || d.ruleId === 'parse-error')).toEqual([]);
    });
  }

  it('claims a file as native only on positive evidence: its $schema, or sections in the canonical keys', () => {
    const native = (yaml: string) => readConfig(yaml, { filePath: 'c.yaml' }).format;
    expect(native('$schema: https://example.org/hplint.schema.json\nepochs: 3\n')).toBe('native');
    expect(native('optimizer:\n  name: adam\n  learningRate: 0.001\ntraining:\n  batchSize: 32\n')).toBe('native');
    // A misspelt key among canonical ones is still native, so unknown-key can name the right spelling.
    expect(native('optimizer:\n  name: adam\n  learningrate: 0.001\n')).toBe('native');
    // Section names alone are everyone's: OLMo, DeepSpeed and nanotron write `optimizer:` too.
    expect(native('optimizer:\n  name: adamw\n  learning_rate: 4.0e-4\n  eps: 1.0e-5\n  betas: [0.9, 0.95]\nmodel:\n  d_model: 2048\n')).toBe('unknown');
    // A small file of our sections only, in a few misspelt keys, is native: unknown-key names the right ones.
    expect(native('training: { batch_size: 32 }\noptimizer: { lr: 0.01 }\n')).toBe('native');
    expect(native('optimizer: adamw\nmodel: resnet\n')).toBe('unknown');
  });

  it('reads a LightningCLI dump under its subcommand, pointing at the keys inside it', () => {
    const config = read('lightning-fit-dump.yaml');
    expect(config.config).toMatchObject({
      optimizer: { name: 'AdamW', learningRate: 3e-4, weightDecay: 0.05 },
      training: { epochs: 30, gradientAccumulation: 2, batchSize: 64, devices: 2, earlyStopping: { patience: 5 } },
    });
    expect(config.sources.get('/optimizer/learningRate')).toEqual(['fit', 'optimizer', 'init_args', 'lr']);
    expect(config.document.rangeOf(config.sources.get('/training/batchSize')!)?.line).toBe(21);
  });

  it('reads a Hydra callbacks group; OmegaConf\'s ??? is a value not given, not a monitor named "???"', () => {
    const config = read('hydra-callbacks-group.yaml');
    expect(config.config).toEqual({ training: { earlyStopping: { patience: 3 } } });
    expect(config.sources.get('/training/earlyStopping/patience')).toEqual(['early_stopping', 'patience']);
  });

  it("reads jsonargparse's dotted keys as the sections they name", () => {
    const config = read('lightning-dotted.yaml');
    expect(config.config).toMatchObject({ training: { epochs: 20, gradientAccumulation: 4, batchSize: 256 } });
    expect(config.sources.get('/training/batchSize')).toEqual(['data.batch_size']);
  });

  it('reads TrainingArguments kept under a section, with the YAML 1.1 values PyYAML gives', () => {
    const config = read('hf-nested-training.yaml');
    expect(config.config).toMatchObject({ optimizer: { learningRate: 3e-4, weightDecay: 0.1 }, training: { batchSize: 8, gradientAccumulation: 4, maxSteps: 20000 } });
    expect(config.sources.get('/training/maxSteps')).toEqual(['training', 'max_steps']);
  });

  it('reads a YOLOv5 opt.yaml: the hyp file under hyp:, batch_size and weights under their train.py names', () => {
    const config = read('yolov5-run-options.yaml');
    expect(config.config).toMatchObject({ optimizer: { name: 'SGD', learningRate: 0.01, momentum: 0.937 }, training: { epochs: 50, batchSize: 16 }, pretrained: true });
    expect(config.sources.get('/optimizer/learningRate')).toEqual(['hyp', 'lr0']);
    expect(config.sources.get('/training/batchSize')).toEqual(['batch_size']);
  });
});

describe("each file is read with its framework's loader", () => {
  it('PyYAML (HfArgumentParser): 55_000 is a number, on/yes are true, and 1e-5 a string that reaches the trainer', () => {
    const config = read('hf-yaml11-scalars.yaml');
    expect(config.config).toMatchObject({ training: { maxSteps: 55000 }, schedule: { warmupSteps: 1000 } });
    expect(config.document.root).toMatchObject({ bf16: true, gradient_checkpointing: true, learning_rate: '1e-5' });
    const found = lint('hf-yaml11-scalars.yaml').diagnostics;
    expect(found.filter((d) => d.ruleId === 'invalid-value')).toEqual([]);
    expect(found.filter((d) => d.ruleId === 'yaml-float-as-string').map((d) => `${d.line}:${d.column} ${d.message}`)).toEqual([
      '8:16 PyYAML (YAML 1.1), the loader of HfArgumentParser (nothing converts the value before TrainingArguments), reads 1e-5 as the string "1e-5", not a number: write 1.0e-5.',
    ]);
  });

  it('OmegaConf for a file with Hydra\'s `# @package` directive: 1e-6 is a float, nothing to report', () => {
    expect(read('hydra-package-recipe.yaml').document.root).toMatchObject({ learning_rate: 1e-6 });
    expect(lint('hydra-package-recipe.yaml').diagnostics.filter((d) => d.ruleId === 'yaml-float-as-string')).toEqual([]);
  });

  it('a value Keras writes validly is never invalid-value: ZeroPadding2D padding amounts are not a padding mode', () => {
    const model = {
      class_name: 'Sequential',
      config: {
        name: 'seq',
        layers: [
          { class_name: 'ZeroPadding2D', config: { name: 'pad', padding: [[3, 3], [3, 3]], batch_input_shape: [null, 32, 32, 3] } },
          { class_name: 'Conv2D', config: { name: 'conv', filters: 8, kernel_size: [3, 3], padding: 'same', activation: 'relu' } },
        ],
      },
    };
    const result = lintText(JSON.stringify(model), { filePath: 'model.json' });
    expect(result.format).toBe('keras');
    expect(result.diagnostics.filter((d) => d.ruleId === 'invalid-value')).toEqual([]);
  });

  it('jsonargparse for a LightningCLI dump: 3e-4 is a float', () => {
    expect(lint('lightning-fit-dump.yaml').diagnostics.filter((d) => d.ruleId === 'yaml-float-as-string')).toEqual([]);
  });
});
