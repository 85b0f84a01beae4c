import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const ID = 'invalid-value';
const check = (yaml: string) => diagnosticsOf(ID, dedent(yaml)).map(brief);

describe(ID, () => {
  describe('valid', () => {
    it('values at the open edges of their domains', () => {
      expect(check(`
        optimizer: { name: adam, learningRate: 1.0e-12, beta1: 0, beta2: 0.9999999, epsilon: 1.0e-30, weightDecay: 0 }
        training: { batchSize: 1, epochs: 1, earlyStopping: { patience: 0 } }
        model:
          layers:
            - { type: dropout, rate: 0 }
            - { type: lstm, units: 1, dropout: 0.999, recurrentDropout: 0 }
        losses:
          - { name: focal, weight: 0, gamma: 0, alpha: 1 }
      `)).toEqual([]);
    });

    it('a numeric string is a number', () => {
      expect(check('optimizer: { learningRate: "1e-3" }')).toEqual([]);
    });

    it('a frozen layer group at rate 0, and free search bounds', () => {
      expect(check(`
        optimizer:
          layerLearningRates: [{ layers: [0], learningRate: 0 }]
        search:
          space: [{ parameter: optimizer.learningRate, min: -5, max: .inf }]
      `)).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('a zero learning rate, at the value', () => {
      expect(check('optimizer:\n  learningRate: 0\n')).toEqual(['2:17-2:18 error optimizer.learningRate must be greater than 0; it is 0.']);
    });

    it('dropout of 1 and a batch of 0', () => {
      expect(check(`
        model:
          layers:
            - { type: dropout, rate: 1.0 }
        training:
          batchSize: 0
      `)).toEqual([
        '3:30-3:33 error model.layers.0.rate must be in [0, 1); it is 1.',
        '5:14-5:15 error training.batchSize must be 1 or more; it is 0.',
      ]);
    });

    it('β1 of 1, negative ε, negative weight decay and a focal α above 1', () => {
      expect(check(`
        optimizer: { beta1: 1, epsilon: -1.0e-8, weightDecay: -0.1 }
        losses: [{ name: focal, alpha: 1.5 }]
      `)).toEqual([
        '1:21-1:22 error optimizer.beta1 must be in [0, 1); it is 1.',
        '1:33-1:40 error optimizer.epsilon must be greater than 0; it is -1e-8.',
        '1:55-1:59 error optimizer.weightDecay must be 0 or more; it is -0.1.',
        '2:32-2:35 error losses.0.alpha must be in [0, 1]; it is 1.5.',
      ]);
    });

    it('a number written as text, and a fractional batch', () => {
      expect(check('training:\n  epochs: many\n  batchSize: 32.5\n')).toEqual([
        '2:11-2:15 error training.epochs must be a number, not "many".',
        '3:14-3:18 error training.batchSize must be a whole number, not 32.5.',
      ]);
    });

    it('infinity and NaN', () => {
      expect(check('optimizer: { learningRate: .inf, momentum: .nan }')).toEqual([
        '1:28-1:32 error optimizer.learningRate must be a finite number, not Infinity.',
        '1:44-1:48 error optimizer.momentum must be a finite number, not NaN.',
      ]);
    });

    it('kernel sizes below 1, also inside a list', () => {
      expect(check('model:\n  layers: [{ type: conv2d, kernelSize: [3, 0] }]\n')).toEqual([
        '2:44-2:45 error model.layers.0.kernelSize.1 must be 1 or more; it is 0.',
      ]);
    });

    it('a mapping where a list belongs', () => {
      expect(check('model:\n  layers: { type: dense }\n')).toEqual(['2:11-2:26 error model.layers must be a list, not {"type":"dense"}.']);
    });
  });
});
