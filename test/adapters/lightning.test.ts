import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lightningAdapter } from '../../src/adapters/lightning.js';
import { lintText } from '../../src/rules/index.js';
import { canonicalView } from '../helpers/adapters.js';
import { corpusText, withoutShared } from '../helpers/shared.js';
import { brief, dedent } from '../helpers/lint.js';

const FIXTURES = new URL('../fixtures/lightning/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const view = (yaml: string) => canonicalView(dedent(yaml));
const lint = (text: string) => lintText(text, { filePath: 'config.yaml' }).diagnostics.map((d) => `${brief(d)} (${d.ruleId})`);

describe('lightning adapter', () => {
  describe('fixtures', () => {
    it.each(readdirSync(FIXTURES).sort())('reads %s as lightning', (file) => {
      const read = canonicalView(fixture(file));
      expect(read.format).toBe('lightning');
      expect(read.config).toBeDefined();
    });

    it.each(['litgpt-full-finetune.yaml', 'hydra-template-model.yaml', 'hydra-sgd-plateau.yaml', 'anomalib-early-stopping.yaml'])(
      'golden canonical config and source map of %s',
      (file) => {
        expect(canonicalView(fixture(file))).toMatchSnapshot();
      },
    );

    it('reads nothing from a model whose optimizer is chosen in code (anomalib)', () => {
      expect(canonicalView(fixture('anomalib-no-optimizer.yaml')).config).toEqual({});
    });
  });

  describe.skipIf(withoutShared('lightning adapter: golden views of real configs from ../shared/corpus/lightning'))('corpus', () => {
    it.each([
      'Lightning-AI__litgpt__config_hub__finetune__gemma-2b__full.yaml',
      'Lightning-AI__litgpt__config_hub__finetune__tiny-llama__qlora.yaml',
      'ashleve__lightning-hydra-template__configs__model__mnist.yaml',
      'ashleve__lightning-hydra-template__configs__experiment__example.yaml',
      'AGCpr__Medical-AI-Colon-Polyp-Segmentation__config__training__training.yaml',
      'open-edge-platform__anomalib__examples__configs__model__ganomaly.yaml',
    ])('golden canonical config and source map of %s', (file) => {
      expect(canonicalView(corpusText('lightning', file))).toMatchSnapshot();
    });

    it('reads nothing from a model whose optimizer is chosen in code (anomalib Patchcore)', () => {
      expect(canonicalView(corpusText('lightning', 'open-edge-platform__anomalib__examples__configs__model__patchcore.yaml')).config).toEqual({});
    });
  });

  describe('LightningCLI', () => {
    it('maps trainer, callbacks, optimizer and lr_scheduler given by class_path + init_args', () => {
      expect(
        view(`
          trainer:
            max_epochs: 40
            max_steps: -1
            accumulate_grad_batches: 2
            devices: [0, 1]
            num_nodes: 2
            callbacks:
              - class_path: lightning.pytorch.callbacks.LearningRateMonitor
              - class_path: lightning.pytorch.callbacks.EarlyStopping
                init_args:
                  monitor: val_loss
          model:
            class_path: my.Model
          data:
            class_path: my.DataModule
            init_args:
              batch_size: 32
          optimizer:
            class_path: torch.optim.SGD
            init_args:
              lr: 0.05
              momentum: 0.9
          lr_scheduler:
            class_path: lightning.pytorch.cli.ReduceLROnPlateau
            init_args:
              monitor: val_loss
              patience: 4
        `),
      ).toMatchInlineSnapshot(`
        {
          "config": {
            "optimizer": {
              "learningRate": 0.05,
              "momentum": 0.9,
              "name": "SGD",
              "nesterov": false,
              "weightDecay": 0,
            },
            "schedule": {
              "factor": 0.1,
              "minLearningRate": 0,
              "monitor": "val_loss",
              "patience": 4,
              "type": "reduceOnPlateau",
            },
            "training": {
              "batchSize": 32,
              "devices": 4,
              "earlyStopping": {
                "monitor": "val_loss",
                "patience": 3,
              },
              "epochs": 40,
              "gradientAccumulation": 2,
            },
          },
          "defaults": {
            "/optimizer/nesterov": "PyTorch",
            "/optimizer/weightDecay": "PyTorch",
            "/schedule/factor": "PyTorch",
            "/schedule/minLearningRate": "PyTorch",
            "/training/earlyStopping/patience": "Lightning",
          },
          "derived": [
            "/optimizer/name",
            "/schedule/type",
            "/training/devices",
          ],
          "format": "lightning",
          "sources": {
            "/optimizer/learningRate": "optimizer.init_args.lr",
            "/optimizer/momentum": "optimizer.init_args.momentum",
            "/optimizer/name": "optimizer.class_path",
            "/schedule/monitor": "lr_scheduler.init_args.monitor",
            "/schedule/patience": "lr_scheduler.init_args.patience",
            "/schedule/type": "lr_scheduler",
            "/training/batchSize": "data.init_args.batch_size",
            "/training/devices": "trainer.devices",
            "/training/earlyStopping": "trainer.callbacks.1",
            "/training/earlyStopping/monitor": "trainer.callbacks.1.init_args.monitor",
            "/training/epochs": "trainer.max_epochs",
            "/training/gradientAccumulation": "trainer.accumulate_grad_batches",
          },
        }
      `);
    });

    it('maps torch step schedules onto exponential decay', () => {
      const stepped = view('optimizer:\n  class_path: torch.optim.Adam\nlr_scheduler:\n  class_path: torch.optim.lr_scheduler.StepLR\n  init_args: { step_size: 30, gamma: 0.1 }\n');
      expect(stepped.config?.schedule).toEqual({ type: 'exponentialDecay', staircase: true, decaySteps: 30, decayRate: 0.1 });
      const cosine = view('optimizer:\n  class_path: torch.optim.Adam\nlr_scheduler:\n  class_path: torch.optim.lr_scheduler.CosineAnnealingLR\n  init_args: { T_max: 100 }\n');
      expect(cosine.config?.schedule).toEqual({ type: 'cosineDecay', decaySteps: 100 });
    });

    it('reads an optimizer named by a bare string', () => {
      expect(view('trainer: { max_epochs: 5 }\noptimizer: Adam\n').config?.optimizer).toEqual({ name: 'Adam' });
    });
  });

  describe('Hydra', () => {
    it('reads a callbacks group mapping and a DataModule group file', () => {
      const callbacks = view(`
        trainer:
          max_epochs: 20
        callbacks:
          early_stopping:
            _target_: lightning.pytorch.callbacks.EarlyStopping
            monitor: val/acc
            patience: 10
            mode: max
      `);
      expect(callbacks.config?.training).toEqual({ epochs: 20, earlyStopping: { monitor: 'val/acc', patience: 10 } });
      expect(callbacks.sources['/training/earlyStopping/patience']).toBe('callbacks.early_stopping.patience');
      const data = view('_target_: src.data.mnist_datamodule.MNISTDataModule\nbatch_size: 128\ntrain_val_test_split: [55000, 5000, 10000]\n');
      expect(data.config).toEqual({ training: { batchSize: 128 }, data: { trainSize: 55000, validationSize: 5000 } });
    });
  });

  describe('LitGPT', () => {
    it('derives gradient accumulation from global_batch_size, micro_batch_size and devices', () => {
      const read = view('devices: 2\ntrain:\n  global_batch_size: 64\n  micro_batch_size: 4\n  max_steps: 1000\noptimizer:\n  class_path: torch.optim.AdamW\n  init_args: { lr: 0.0003 }\n');
      expect(read.config?.training).toEqual({ batchSize: 4, maxSteps: 1000, devices: 2, gradientAccumulation: 8 });
      expect(read.sources['/training/gradientAccumulation']).toBe('train.global_batch_size');
    });

    it('leaves the accumulation unknown with devices: auto', () => {
      expect(view('devices: auto\ntrain:\n  global_batch_size: 64\n  micro_batch_size: 4\n').config?.training).toEqual({ batchSize: 4 });
    });
  });

  describe('detection', () => {
    it.each([
      ['a Hydra Optuna sweeper file', { defaults: [{ 'override /hydra/sweeper': 'optuna' }], hydra: { sweeper: { _target_: 'x', params: {} } } }],
      ['a W&B sweep', { method: 'bayes', parameters: { lr: { min: 0.001, max: 0.1 } } }],
      ['a native config', { training: { epochs: 10 }, model: { layers: [] } }],
      ['a HuggingFace recipe', { learning_rate: 1e-5, num_train_epochs: 3 }],
    ])('does not claim %s', (_name, root) => {
      expect(lightningAdapter.detect(root)).toBe(0);
    });

    it('wins over the native format where Lightning shares its top-level keys', () => {
      const read = view('model:\n  class_path: my.Model\n  init_args: { lr: 0.1 }\ndata:\n  class_path: my.Data\noptimizer:\n  class_path: torch.optim.Adam\n');
      expect(read.format).toBe('lightning');
    });
  });

  describe('diagnostics in the Lightning file', () => {
    it('points at the LitGPT warm-up that outlasts max_steps', () => {
      expect(lint(fixture('litgpt-full-finetune.yaml'))).toEqual([
        '18:20-18:23 warning A warm-up of 300 steps is longer than the whole run (training.maxSteps 150): the learning rate never reaches its target value. (warmup-length)',
        '33:9-33:13 info Adam β2 0.95 is outside [0.99, 0.9999]; use 0.9 / 0.999 / 1e-8 unless the search budget is large (GUIDE §6 Tier 3, Tuning Playbook). (adam-parameters)',
      ]);
    });

    it('counts EarlyStopping patience in validation checks: every n epochs, or several per epoch', () => {
      const config = (trainer: string) => dedent(`
        trainer:
          max_epochs: 200
          ${trainer}
          callbacks:
            - class_path: lightning.pytorch.callbacks.EarlyStopping
              init_args: { monitor: val_loss, patience: 5 }
      `);
      // 5 checks, one every 10 epochs: 50 epochs without a new best, within GUIDE §2.4.1.
      expect(lint(config('check_val_every_n_epoch: 10'))).toEqual([]);
      // 5 checks at 4 per epoch: 1.25 epochs, reported in both units.
      expect(lint(config('val_check_interval: 0.25'))).toEqual([expect.stringMatching(/info Early-stopping patience 5 evaluations \(1.25 epochs at 4 per epoch\) is below 10 epochs.*\(early-stopping-patience\)$/)]);
      // Every 500 batches: checks per epoch unknown, so patience is not compared with epochs.
      expect(lint(config('val_check_interval: 500'))).toEqual([]);
      // One check per epoch, Lightning's default: patience in epochs, as before.
      expect(lint(config('log_every_n_steps: 10'))).toEqual([expect.stringMatching(/info Early-stopping patience 5 is below 10 epochs/)]);
    });

    it('points into init_args of an EarlyStopping callback', () => {
      expect(lint(fixture('anomalib-early-stopping.yaml'))).toEqual([
        '21:19-21:20 info Early-stopping patience 3 is below 10 epochs: validation scores are noisy, and GUIDE §2.4.1 waits n = 10, 20, 30 … epochs without a new best before stopping. (early-stopping-patience)',
      ]);
    });

    it('points at the keys of a Hydra ReduceLROnPlateau', () => {
      const diagnostics = lint(fixture('hydra-sgd-plateau.yaml'));
      expect(diagnostics.filter((d) => d.endsWith('(plateau-policy)'))).toEqual([
        '13:13-13:14 info reduceOnPlateau patience 4 is below 10: GUIDE §5.3 waits 10 or more epochs without a new best before lowering the rate. (plateau-policy)',
        '14:11-14:15 info reduceOnPlateau minLearningRate 1e-7 is below 1/1024 of the initial rate (4.883e-6): GUIDE §5.3 stops training there instead of decaying further. (plateau-policy)',
      ]);
    });
  });

  describe.skipIf(withoutShared('lightning adapter: diagnostics in real configs from ../shared/corpus/lightning'))('diagnostics in real Lightning files', () => {
    it('points at the LitGPT warm-up that outlasts max_steps', () => {
      expect(lint(corpusText('lightning', 'Lightning-AI__litgpt__config_hub__finetune__phi-2__full.yaml'))).toEqual([
        '41:20-41:23 warning A warm-up of 200 steps is longer than the whole run (training.maxSteps 100): the learning rate never reaches its target value. (warmup-length)',
        '101:9-101:13 info Adam β2 0.95 is outside [0.99, 0.9999]; use 0.9 / 0.999 / 1e-8 unless the search budget is large (GUIDE §6 Tier 3, Tuning Playbook). (adam-parameters)',
      ]);
    });

    it('points into init_args of an EarlyStopping callback', () => {
      expect(lint(corpusText('lightning', 'open-edge-platform__anomalib__examples__configs__model__cflow.yaml'))).toEqual([
        '23:19-23:20 info Early-stopping patience 2 is below 10 epochs: validation scores are noisy, and GUIDE §2.4.1 waits n = 10, 20, 30 … epochs without a new best before stopping. (early-stopping-patience)',
      ]);
    });

    it('points at the keys of a Hydra ReduceLROnPlateau', () => {
      const diagnostics = lint(corpusText('lightning', 'AGCpr__Medical-AI-Colon-Polyp-Segmentation__config__training__training.yaml'));
      expect(diagnostics.filter((d) => d.endsWith('(plateau-policy)'))).toEqual([
        '15:13-15:14 info reduceOnPlateau patience 5 is below 10: GUIDE §5.3 waits 10 or more epochs without a new best before lowering the rate. (plateau-policy)',
        '18:11-18:15 info reduceOnPlateau minLearningRate 1e-6 is below 1/1024 of the initial rate (7.225e-6): GUIDE §5.3 stops training there instead of decaying further. (plateau-policy)',
      ]);
    });
  });
});
