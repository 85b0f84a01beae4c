import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string) => diagnosticsOf('differential-learning-rates', dedent(yaml)).map(brief);
const groups = (...lines: string[]) => `optimizer:\n  layerLearningRates:\n${lines.map((l) => `    - ${l}\n`).join('')}`;
const GENERAL = 'lower layers hold general features and should change least (GUIDE §5.5).';

describe('differential-learning-rates', () => {
  describe('valid', () => {
    it.each([
      ['ascending groups', groups('{ layers: [0, 1], learningRate: 1.0e-5 }', '{ layers: [2, 3], learningRate: 1.0e-4 }')],
      ['equal rates (the edge)', groups('{ layers: [0], learningRate: 1.0e-4 }', '{ layers: [1], learningRate: 1.0e-4 }')],
      ['groups listed top first but ascending by layer', groups('{ layers: [4], learningRate: 1.0e-3 }', '{ layers: [0, 1], learningRate: 1.0e-5 }', '{ layers: [2, 3], learningRate: 1.0e-4 }')],
      ['a frozen bottom group (rate 0)', groups('{ learningRate: 0 }', '{ learningRate: 1.0e-4 }')],
    ])('accepts %s', (_name, yaml) => {
      expect(check(yaml)).toEqual([]);
    });

    it('accepts fine-tuning that freezes the bottom, and frozen batch norm', () => {
      const yaml = `
        pretrained: true
        model:
          layers:
            - { type: conv2d, filters: 32, kernelSize: 3, trainable: false }
            - { type: conv2d, filters: 64, kernelSize: 3 }
            - { type: batchNormalization, trainable: false }
            - { type: dense, units: 10, activation: softmax }
      `;
      expect(check(yaml)).toEqual([]);
    });

    it('does not judge freezing without pretrained: true', () => {
      expect(check('model:\n  layers:\n    - { type: dense, units: 8 }\n    - { type: dense, units: 2, trainable: false }\n')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports a bottom group faster than the top, suggesting the rates in ascending order', () => {
      const [d] = diagnosticsOf('differential-learning-rates', groups('{ layers: [0, 1], learningRate: 1.0e-3 }', '{ layers: [2, 3], learningRate: 1.0e-4 }'));
      expect(brief(d!)).toBe(`3:39-3:45 warning Layer group 0 (layers 0, 1) has learning rate 0.001, above the 1e-4 of group 1 (layers 2, 3) higher in the network: ${GENERAL}`);
      expect(d!.suggestion).toEqual({
        path: '/optimizer/layerLearningRates',
        value: [
          { layers: [0, 1], learningRate: 1e-4 },
          { layers: [2, 3], learningRate: 1e-3 },
        ],
        description: 'Give the groups their rates in ascending order from the bottom: 1e-4, 0.001.',
        edits: [
          { op: 'set', path: '/optimizer/layerLearningRates/0/learningRate', value: 1e-4 },
          { op: 'set', path: '/optimizer/layerLearningRates/1/learningRate', value: 1e-3 },
        ],
      });
    });

    it('orders groups without layers bottom first, and reports the inversion once', () => {
      const found = diagnosticsOf('differential-learning-rates', groups('{ learningRate: 1.0e-5 }', '{ learningRate: 1.0e-3 }', '{ learningRate: 1.0e-4 }'));
      expect(found.map(brief)).toEqual([`4:23-4:29 warning Layer group 1 has learning rate 0.001, above the 1e-4 of group 2 higher in the network: ${GENERAL}`]);
      expect(found[0]!.suggestion?.edits).toEqual([
        { op: 'set', path: '/optimizer/layerLearningRates/1/learningRate', value: 1e-4 },
        { op: 'set', path: '/optimizer/layerLearningRates/2/learningRate', value: 1e-3 },
      ]);
    });

    it('reports a frozen top group above a training one', () => {
      expect(check(groups('{ layers: [0], learningRate: 1.0e-5 }', '{ layers: [1], learningRate: 0 }'))).toEqual([
        `3:36-3:42 warning Layer group 0 (layers 0) has learning rate 1e-5, above the 0 of group 1 (layers 1) higher in the network: ${GENERAL}`,
      ]);
    });

    it('reports inverted freezing when fine-tuning, suggesting the bottom frozen instead', () => {
      const yaml = `
        pretrained: true
        model:
          layers:
            - { type: conv2d, filters: 32, kernelSize: 3 }
            - { type: batchNormalization, trainable: false }
            - { type: conv2d, filters: 64, kernelSize: 3 }
            - { type: flatten }
            - { type: dense, units: 10, activation: softmax, trainable: false }
      `;
      const [d] = diagnosticsOf('differential-learning-rates', dedent(yaml));
      expect(brief(d!)).toBe(
        '8:65-8:70 warning Fine-tuning freezes layer 4 (dense) but trains layer 0 (conv2d) below it: freeze the lower layers, which hold general features, and train the top (GUIDE §4.5).',
      );
      expect(d!.suggestion).toEqual({
        path: '/model/layers/4/trainable',
        value: true,
        description: 'Freeze layer 0 instead and train the layers above.',
        edits: [
          { op: 'set', path: '/model/layers/0/trainable', value: false },
          { op: 'set', path: '/model/layers/4/trainable', value: true },
        ],
      });
    });
  });
});
