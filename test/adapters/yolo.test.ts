import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { yoloAdapter } from '../../src/adapters/yolo.js';
import { fixText } from '../../src/engine/fix.js';
import { lintText, RULES } from '../../src/rules/index.js';
import { resolveRules } from '../../src/engine/settings.js';
import { canonicalView } from '../helpers/adapters.js';
import { corpusText, withoutShared } from '../helpers/shared.js';
import { brief, dedent } from '../helpers/lint.js';

const FIXTURES = new URL('../fixtures/yolo/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const view = (yaml: string) => canonicalView(dedent(yaml));
const lint = (text: string) => lintText(text, { filePath: 'hyp.yaml' }).diagnostics.map((d) => `${brief(d)} (${d.ruleId})`);

describe('yolo adapter', () => {
  describe('fixtures', () => {
    it.each(readdirSync(FIXTURES).sort())('reads %s as yolo', (file) => {
      const read = canonicalView(fixture(file));
      expect(read.format).toBe('yolo');
      expect(read.config).toBeDefined();
    });

    it.each(['yolov5-hyp-scratch.yaml', 'yolov5-hyp-evolved.yaml', 'ultralytics-default.yaml'])('golden canonical config and source map of %s', (file) => {
      expect(canonicalView(fixture(file))).toMatchSnapshot();
    });
  });

  describe.skipIf(withoutShared('yolo adapter: golden views of real hyperparameter files from ../shared/corpus/yolo'))('corpus', () => {
    it.each([
      'ultralytics__yolov5__data__hyps__hyp.scratch-low.yaml',
      'ultralytics__yolov5__data__hyps__hyp.VOC.yaml',
      'AI-Vision-Sweden__ultralytics-bloatfree__ultralytics__cfg__default.yaml',
      '1wenjinjie__yolov10-fish-detection__ultralytics__cfg__default.yaml',
    ])('golden canonical config and source map of %s', (file) => {
      expect(canonicalView(corpusText('yolo', file))).toMatchSnapshot();
    });
  });

  describe('mapping', () => {
    it('trains a hyp file without an optimizer with SGD (nesterov), momentum = momentum, lr falling to lr0 × lrf', () => {
      expect(
        view(`
          lr0: 0.01
          lrf: 0.2
          momentum: 0.937
          weight_decay: 0.0005
          warmup_epochs: 3.0
        `),
      ).toMatchInlineSnapshot(`
        {
          "config": {
            "optimizer": {
              "learningRate": 0.01,
              "momentum": 0.937,
              "name": "SGD",
              "nesterov": true,
              "weightDecay": 0.0005,
            },
            "schedule": {
              "endLearningRate": 0.002,
              "power": 1,
              "type": "polynomialDecay",
              "warmupEpochs": 3,
            },
          },
          "defaults": {
            "/optimizer/name": "YOLO",
            "/optimizer/nesterov": "YOLO",
          },
          "derived": [
            "/schedule/endLearningRate",
            "/schedule/power",
            "/schedule/type",
          ],
          "format": "yolo",
          "sources": {
            "/optimizer/learningRate": "lr0",
            "/optimizer/momentum": "momentum",
            "/optimizer/weightDecay": "weight_decay",
            "/schedule/endLearningRate": "lrf",
            "/schedule/power": "lrf",
            "/schedule/type": "lrf",
            "/schedule/warmupEpochs": "warmup_epochs",
          },
        }
      `);
    });

    it('reads momentum as β1 for Adam, and a cosine schedule with cos_lr', () => {
      const read = view('lr0: 0.001\nlrf: 0.01\nmomentum: 0.9\noptimizer: AdamW\ncos_lr: true\n');
      expect(read.config?.optimizer).toEqual({ name: 'AdamW', learningRate: 0.001, beta1: 0.9 });
      expect(read.config?.schedule).toEqual({ type: 'cosineDecay', endLearningRate: 0.00001 });
      expect(read.sources['/optimizer/beta1']).toBe('momentum');
    });

    it('does not read lr0 or momentum under optimizer: auto, which replaces them', () => {
      const read = view('lr0: 0.01\nlrf: 0.01\nmomentum: 0.937\nweight_decay: 0.0005\noptimizer: auto\n');
      expect(read.config?.optimizer).toEqual({ weightDecay: 0.0005 });
      expect(read.config?.schedule).toEqual({ type: 'polynomialDecay', power: 1 });
    });

    it('accumulates gradients up to the nominal batch, and leaves AutoBatch (-1, fractions) unknown', () => {
      expect(view('lr0: 0.01\nbatch: 16\nnbs: 64\n').config?.training).toEqual({ batchSize: 16, gradientAccumulation: 4 });
      const defaulted = view('lr0: 0.01\nbatch: 8\n');
      expect(defaulted.config?.training).toEqual({ batchSize: 8, gradientAccumulation: 8 });
      expect(defaulted.defaults['/training/gradientAccumulation']).toBe('YOLO');
      expect(view('lr0: 0.01\nbatch: -1\n').config?.training).toBeUndefined();
      expect(view('lr0: 0.01\nbatch: 0.7\n').config?.training).toBeUndefined();
    });

    it('reads patience as early stopping on fitness, and patience 0 as none', () => {
      expect(view('lr0: 0.01\nepochs: 100\npatience: 50\n').config?.training).toEqual({ epochs: 100, earlyStopping: { patience: 50, monitor: 'fitness' } });
      expect(view('lr0: 0.01\nepochs: 100\npatience: 0\n').config?.training).toEqual({ epochs: 100 });
    });

    it('reads fl_gamma > 0 as a focal loss, val: false as no validation, a weights path as pretrained', () => {
      const read = view('lr0: 0.01\nfl_gamma: 1.5\nval: false\npretrained: yolov8n.pt\n');
      expect(read.config).toMatchObject({
        losses: [{ name: 'focal', gamma: 1.5, alpha: 0.25 }],
        data: { validationSplit: 0 },
        pretrained: true,
      });
    });
  });

  describe('detection', () => {
    it.each([
      ['a Comet optimizer JSON with lr0 inside parameters', { algorithm: 'random', parameters: { lr0: { type: 'discrete', values: [1e-5, 0.1] } } }],
      ['a HuggingFace recipe', { learning_rate: 0.01, weight_decay: 0.1 }],
      ['an lr0 that is not a number', { lr0: 'auto', lrf: 0.01 }],
    ])('does not claim %s', (_name, root) => {
      expect(yoloAdapter.detect(root)).toBe(0);
    });
  });

  describe.skipIf(withoutShared('yolo adapter: diagnostics in a real evolved hyp file from ../shared/corpus/yolo'))('diagnostics in a real hyp file', () => {
    it('points at momentum and weight_decay of an evolved hyp file', () => {
      const text = corpusText('yolo', 'ultralytics__yolov5__data__hyps__hyp.VOC.yaml');
      expect(lint(text)).toEqual([
        '17:11-17:18 info Momentum 0.74832 is below [0.8, 0.99]; 0.9 is a common and good choice (GUIDE §6 Tier 2); the change multiplies the effective step lr / (1 − β) by 2.5, so re-tune the learning rate with it (at an equal effective step, β itself made no measurable difference on the bench). (momentum-range)',
      ]);
    });
  });

  describe('diagnostics in the hyp file', () => {
    it('points at momentum and weight_decay of an evolved hyp file', () => {
      expect(lint(fixture('yolov5-hyp-evolved.yaml'))).toEqual([
        '5:11-5:15 info Momentum 0.71 is below [0.8, 0.99]; 0.9 is a common and good choice (GUIDE §6 Tier 2); the change multiplies the effective step lr / (1 − β) by 2.9, so re-tune the learning rate with it (at an equal effective step, β itself made no measurable difference on the bench). (momentum-range)',
      ]);
    });

    it('points at lrf for a final rate above lr0, and no fix rewrites lrf with the rate derived from it', () => {
      const text = 'lr0: 0.01\nlrf: 2.0\nmomentum: 0.9\n';
      expect(lint(text)).toEqual([
        '2:6-2:9 warning schedule.endLearningRate 0.02 is above the initial learning rate 0.01: the schedule raises the rate instead of decaying it. (schedule-validity)',
      ]);
      expect(fixText(text, { filePath: 'hyp.yaml' }, resolveRules(RULES), 'unsafe').output).toBe(text);
    });

    it('points at lr0 for Adam at an SGD rate', () => {
      expect(lint('optimizer: Adam\nlr0: 0.1\nlrf: 0.01\nmomentum: 0.9\n')).toEqual([
        '2:6-2:9 warning Adam learning rate 0.1 is above every range that fits this file, which does not say how it trains (up to 0.01 for training from scratch). (learning-rate-range)',
      ]);
    });
  });
});
