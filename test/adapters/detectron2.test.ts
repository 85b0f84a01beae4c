import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectron2Adapter, parseTuple } from '../../src/adapters/detectron2.js';
import { lintText } from '../../src/rules/index.js';
import { canonicalView } from '../helpers/adapters.js';
import { corpusText, withoutShared } from '../helpers/shared.js';
import { brief, dedent } from '../helpers/lint.js';

const FIXTURES = new URL('../fixtures/detectron2/', import.meta.url);
const fixture = (name: string) => readFileSync(new URL(name, FIXTURES), 'utf8');
const view = (yaml: string) => canonicalView(dedent(yaml));
const lint = (text: string) => lintText(text, { filePath: 'config.yaml' }).diagnostics.map((d) => `${brief(d)} (${d.ruleId})`);

describe('detectron2 adapter', () => {
  describe('fixtures', () => {
    it.each(readdirSync(FIXTURES).sort())('reads %s as detectron2', (file) => {
      const read = canonicalView(fixture(file));
      expect(read.format).toBe('detectron2');
      expect(read.config).toBeDefined();
    });

    it.each(['rcnn-base.yaml', 'scratch-long-schedule.yaml'])('golden canonical config and source map of %s', (file) => {
      expect(canonicalView(fixture(file))).toMatchSnapshot();
    });
  });

  describe.skipIf(withoutShared('detectron2 adapter: golden views of real configs from ../shared/corpus/other'))('corpus', () => {
    it.each([
      'facebookresearch__detectron2__configs__Base-RCNN-FPN.yaml',
      'facebookresearch__detectron2__configs__Misc__scratch_mask_rcnn_R_50_FPN_9x_syncbn.yaml',
    ])('golden canonical config and source map of %s', (file) => {
      expect(canonicalView(corpusText('other', file))).toMatchSnapshot();
    });
  });

  describe('mapping', () => {
    it('turns STEPS and GAMMA into a piecewise-constant schedule, with detectron2 defaults for the rest', () => {
      expect(
        view(`
          SOLVER:
            BASE_LR: 0.02
            GAMMA: 0.5
            STEPS: (100, 200)
            MAX_ITER: 300
        `),
      ).toMatchInlineSnapshot(`
        {
          "config": {
            "optimizer": {
              "learningRate": 0.02,
              "momentum": 0.9,
              "name": "SGD",
              "nesterov": false,
              "weightDecay": 0.0001,
            },
            "schedule": {
              "boundaries": [
                100,
                200,
              ],
              "type": "piecewiseConstant",
              "values": [
                0.02,
                0.01,
                0.005,
              ],
              "warmupSteps": 1000,
            },
            "training": {
              "batchSize": 16,
              "maxSteps": 300,
            },
          },
          "defaults": {
            "/optimizer/momentum": "detectron2",
            "/optimizer/name": "detectron2",
            "/optimizer/nesterov": "detectron2",
            "/optimizer/weightDecay": "detectron2",
            "/schedule/warmupSteps": "detectron2",
            "/training/batchSize": "detectron2",
          },
          "derived": [
            "/schedule/type",
            "/schedule/values",
          ],
          "format": "detectron2",
          "sources": {
            "/optimizer/learningRate": "SOLVER.BASE_LR",
            "/schedule/boundaries": "SOLVER.STEPS",
            "/schedule/type": "SOLVER.STEPS",
            "/schedule/values": "SOLVER.BASE_LR",
            "/training/maxSteps": "SOLVER.MAX_ITER",
          },
        }
      `);
    });

    it('applies no defaults to a file that inherits with _BASE_, and leaves an incomplete schedule out', () => {
      const read = view(`
        _BASE_: "../Base-RCNN-FPN.yaml"
        SOLVER:
          STEPS: (5500, 5800)
          MAX_ITER: 6000
      `);
      expect(read.config).toEqual({ optimizer: { name: 'SGD' }, training: { maxSteps: 6000 } });
    });

    it('reads WarmupCosineLR, an explicit optimizer, and MODEL.WEIGHTS as pretrained', () => {
      const read = view(`
        _BASE_: base.yaml
        MODEL:
          WEIGHTS: "detectron2://ImageNetPretrained/MSRA/R-50.pkl"
          ROI_HEADS:
            NUM_CLASSES: 3
        SOLVER:
          OPTIMIZER: ADAMW
          BASE_LR: 0.0001
          LR_SCHEDULER_NAME: WarmupCosineLR
          MAX_ITER: 5000
      `);
      expect(read.config).toEqual({
        pretrained: true,
        data: { numClasses: 3 },
        optimizer: { name: 'ADAMW', learningRate: 0.0001 },
        schedule: { type: 'cosineDecay', decaySteps: 5000 },
        training: { maxSteps: 5000 },
      });
      expect(read.sources['/schedule/type']).toBe('SOLVER.LR_SCHEDULER_NAME');
    });

    it('parses yacs tuple strings and YAML lists', () => {
      expect(parseTuple('(60000, 80000)')).toEqual([60000, 80000]);
      expect(parseTuple('(30,)')).toEqual([30]);
      expect(parseTuple([1000, 2000])).toEqual([1000, 2000]);
      expect(parseTuple('(a, b)')).toBeUndefined();
      expect(parseTuple('60000')).toBeUndefined();
    });
  });

  describe('detection', () => {
    it.each([
      ['a lower-case config with a model key', { model: { layers: [] }, SOLVER: 1, a: 1, b: 2, c: 3 }],
      ['a native config', { optimizer: { name: 'sgd' } }],
    ])('does not claim %s', (_name, root) => {
      expect(detectron2Adapter.detect(root)).toBe(0);
    });
  });

  describe('diagnostics in the yacs file', () => {
    it('points at SOLVER.BASE_LR (SGD with the default momentum 0.9)', () => {
      expect(lint(fixture('rcnn-base.yaml'))).toEqual([
        '19:12-19:16 warning SGD with momentum (the detectron2 default optimizer) learning rate 0.04 is above every range that fits this file, which does not say how it trains (up to 0.01 for training from scratch). (learning-rate-range)',
      ]);
    });

    it('reports the unsafe eval tag at its position', () => {
      const [diagnostic, ...rest] = lint(fixture('one-stage-eval-tag.yaml'));
      expect(rest).toEqual([]);
      expect(diagnostic).toMatch(/^8:12-8:89 warning !!python\/object\/apply:eval is a Python-specific YAML tag.*\(unsafe-yaml-tag\)$/);
    });
  });

  describe.skipIf(withoutShared('detectron2 adapter: diagnostics in real configs from ../shared/corpus/other'))('diagnostics in real yacs files', () => {
    it('points at SOLVER.BASE_LR (SGD with the default momentum 0.9)', () => {
      expect(lint(corpusText('other', 'facebookresearch__detectron2__configs__Base-RCNN-FPN.yaml'))).toEqual([
        '37:12-37:16 info SGD with momentum (the detectron2 default optimizer) learning rate 0.02 is above every range that fits this file, which does not say how it trains (up to 0.01 for training from scratch). (learning-rate-range)',
      ]);
    });

    it('reports the unsafe eval tag of Base-RetinaNet at its position', () => {
      const [diagnostic, ...rest] = lint(corpusText('other', 'facebookresearch__detectron2__configs__Base-RetinaNet.yaml'));
      expect(rest).toEqual([]);
      expect(diagnostic).toMatch(/^8:12-8:115 warning !!python\/object\/apply:eval is a Python-specific YAML tag.*\(unsafe-yaml-tag\)$/);
    });
  });
});
