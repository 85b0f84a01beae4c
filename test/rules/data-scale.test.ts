import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) =>
  diagnosticsOf('data-scale', dedent(yaml), setting).map(brief);

/** 99 inputs → 10 units: 1,000 parameters. */
const model = (extra = '') => `model: { layers: [{ type: dense, units: 10, inputShape: [99] }${extra}] }`;

describe('data-scale', () => {
  describe('valid', () => {
    it('accepts exactly 100 parameters per example', () => {
      expect(check(`data: { trainSize: 10 }\n${model()}`)).toEqual([]);
    });

    it.each([
      ['a dropout layer', model(', { type: dropout, rate: 0.3 }')],
      ['a dropout layer whose rate is not written', model(', { type: dropout }')],
      ['L2 regularization', `${model()}\nregularization: { l2: 1.0e-4 }`],
      ['a kernel regularizer', 'model: { layers: [{ type: dense, units: 10, inputShape: [99], kernelRegularizer: { l1: 1.0e-5 } }] }'],
      ['weight decay', `${model()}\noptimizer: { name: adamw, weightDecay: 0.01 }`],
    ])('stays silent with %s', (_name, rest) => {
      expect(check(`data: { trainSize: 5 }\n${rest}`)).toEqual([]);
    });

    it('stays silent when the parameter count or the data size is unknown, or LoRA trains hidden adapters', () => {
      expect(check('data: { trainSize: 5 }\nmodel: { layers: [{ type: dense, units: 10 }] }')).toEqual([]);
      expect(check(model())).toEqual([]);
      expect(check('data: { trainSize: 5 }\nmodel: { lora: { rank: 8 }, layers: [{ type: dense, units: 10, inputShape: [99] }] }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports just past 100 parameters per example, at the data size, suggesting L2', () => {
      const [d] = diagnosticsOf('data-scale', `data:\n  trainSize: 9\n${model()}\n`);
      expect(brief(d!)).toBe(
        '2:14-2:15 info The model trains 1,000 parameters on 9 examples (111.1 per example, more than 100) with no dropout, weight decay or L2: it can memorize the training set. Add regularization or more data (GUIDE §2.4.3).',
      );
      expect(d!.suggestion).toEqual({
        path: '/regularization/l2',
        value: 5e-4,
        description: 'Set regularization.l2 to 5e-4 (GUIDE §6 Tier 3), or add dropout in [0.2, 0.5] between dense layers; or grow the training set to at least 10 examples (GUIDE §2.4.3: collect more, add noisy copies, resample).',
        edits: [{ op: 'set', path: '/regularization/l2', value: 5e-4 }],
      });
    });

    it('reports a convolutional network on a small data set, counting only trainable parameters', () => {
      const yaml = `
        data: { trainSize: 500 }
        model:
          layers:
            - { type: conv2d, filters: 32, kernelSize: 3, inputShape: [28, 28, 1], trainable: false }
            - { type: flatten }
            - { type: dense, units: 10, activation: softmax }
            - { type: dropout, rate: 0 }
        regularization: { l2: 0 }
      `;
      expect(check(yaml)).toEqual([
        '1:20-1:23 info The model trains 216,330 parameters on 500 examples (432.7 per example, more than 100) with no dropout, weight decay or L2: it can memorize the training set. Add regularization or more data (GUIDE §2.4.3).',
      ]);
    });

    it('takes the ratio as an option', () => {
      expect(check(`data: { trainSize: 9 }\n${model()}`, ['info', { parametersPerExample: 200 }])).toEqual([]);
      expect(check(`data: { trainSize: 20 }\n${model()}`, ['info', { parametersPerExample: 10 }])).toHaveLength(1);
      expect(() => check('data: {}', ['info', { parametersPerExample: 0 }])).toThrow(/invalid options/);
    });
  });
});
