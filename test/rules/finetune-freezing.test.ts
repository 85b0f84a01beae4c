import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) =>
  diagnosticsOf('finetune-freezing', dedent(yaml), setting).map(brief);

const layers = 'model: { layers: [{ type: conv2d, filters: 8, kernelSize: 3 }, { type: flatten }, { type: dense, units: 64 }, { type: dense, units: 2 }] }';

describe('finetune-freezing', () => {
  describe('valid', () => {
    it('accepts 10000 examples, the edge', () => {
      expect(check(`pretrained: true\ndata: { trainSize: 10000 }\n${layers}`)).toEqual([]);
    });

    it.each([
      ['a frozen layer', 'model: { layers: [{ type: dense, units: 8, trainable: false }, { type: dense, units: 2 }] }'],
      ['a frozen layer inside a wrapper', 'model: { layers: [{ type: bidirectional, layer: { type: lstm, units: 8, trainable: false } }] }'],
      ['differential learning rates', 'optimizer: { layerLearningRates: [{ layers: [0], learningRate: 1.0e-5 }, { layers: [1], learningRate: 1.0e-4 }] }'],
      ['LoRA adapters', 'model: { lora: { rank: 8, alpha: 16 } }'],
    ])('accepts small-data fine-tuning with %s', (_name, rest) => {
      expect(check(`pretrained: true\ndata: { trainSize: 500 }\n${rest}`)).toEqual([]);
    });

    it('stays silent from scratch or when the data size is unknown', () => {
      expect(check(`pretrained: false\ndata: { trainSize: 500 }\n${layers}`)).toEqual([]);
      expect(check(`data: { trainSize: 500 }\n${layers}`)).toEqual([]);
      expect(check(`pretrained: true\n${layers}`)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports 9999 examples at `pretrained`, suggesting to freeze the lower half', () => {
      const [d] = diagnosticsOf('finetune-freezing', `pretrained: true\ndata: { trainSize: 9999 }\n${layers}\n`);
      expect(brief(d!)).toBe(
        '1:13-1:17 info Fine-tuning a pretrained network on 9,999 examples (fewer than 10,000) with every layer trainable at one learning rate: training all the parameters on little data overfits and erodes the general features of the lower layers (GUIDE §4.5). Freeze the lower layers or give them a lower learning rate.',
      );
      expect(d!.suggestion?.description).toBe(
        'Freeze the lower half, layers 0–1 (trainable: false), and fine-tune the upper half; or, with data close to the pretraining data, train only the output layer; or give the lower layers a lower learning rate (optimizer.layerLearningRates, GUIDE §5.5), or train LoRA adapters.',
      );
      expect(d!.suggestion?.edits).toEqual([
        { op: 'set', path: '/model/layers/0/trainable', value: false },
        { op: 'set', path: '/model/layers/1/trainable', value: false },
      ]);
      expect(d!.suggestion).toMatchObject({
        path: '/model/layers',
        value: [
          { type: 'conv2d', filters: 8, kernelSize: 3, trainable: false },
          { type: 'flatten', trainable: false },
          { type: 'dense', units: 64 },
          { type: 'dense', units: 2 },
        ],
      });
    });

    it('counts empty layer rates and explicitly trainable layers as unprotected', () => {
      expect(check('pretrained: true\ndata: { trainSize: 100 }\noptimizer: { layerLearningRates: [] }\nmodel: { layers: [{ type: dense, units: 2, trainable: true }] }')).toHaveLength(1);
    });

    it('describes the fix without a layer list', () => {
      const [d] = diagnosticsOf('finetune-freezing', 'pretrained: true\ndata: { trainSize: 1 }\n');
      expect(d!.suggestion).toEqual({
        path: '/pretrained',
        description: 'Freeze the lower layers of the pretrained network (trainable: false) and train the top, or, with data close to the pretraining data, train only the output layer; or give the lower layers a lower learning rate (optimizer.layerLearningRates, GUIDE §5.5), or train LoRA adapters.',
      });
    });

    it('takes the data-size threshold as an option', () => {
      expect(check('pretrained: true\ndata: { trainSize: 5000 }', ['info', { smallDataset: 5000 }])).toEqual([]);
      expect(check('pretrained: true\ndata: { trainSize: 50000 }', ['info', { smallDataset: 100000 }])).toHaveLength(1);
      expect(() => check('pretrained: true', ['info', { smallDataset: 0 }])).toThrow(/invalid options/);
    });
  });
});
