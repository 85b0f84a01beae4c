import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) =>
  diagnosticsOf('dropout-range', dedent(yaml), setting).map(brief);

describe('dropout-range', () => {
  describe('valid', () => {
    it.each([
      ['a dropout layer at the edge', '{ type: dropout, rate: 0.5 }'],
      ['a dropout layer of zero', '{ type: dropout, rate: 0 }'],
      ['an LSTM input dropout at the edge', '{ type: lstm, units: 8, dropout: 0.5 }'],
      ['a wrapped GRU with a small input dropout', '{ type: bidirectional, layer: { type: gru, units: 8, dropout: 0.2 } }'],
    ])('%s', (_name, layer) => {
      expect(check(`model: { layers: [${layer}] }`)).toEqual([]);
    });

    it('accepts a LoRA dropout in range', () => {
      expect(check('model: { lora: { rank: 8, dropout: 0.05 } }')).toEqual([]);
    });

    it('leaves rates of 1 or more to invalid-value', () => {
      expect(check('model: { layers: [{ type: dropout, rate: 1 }] }')).toEqual([]);
    });

    it('does not mistake recurrent dropout for input dropout', () => {
      expect(check('model: { layers: [{ type: lstm, units: 8, recurrentDropout: 0.6 }] }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports a rate just past 0.5 on the value, suggesting 0.5', () => {
      const [d] = diagnosticsOf('dropout-range', 'model:\n  layers:\n    - { type: dropout, rate: 0.525 }\n');
      expect(brief(d!)).toBe(
        '3:30-3:35 warning Dropout rate 0.525 of layer 0 (dropout) is above 0.5 (GUIDE §7: [0, 0.5]): it drops most of the signal, so training is slow and the model underfits.',
      );
      expect(d!.suggestion).toEqual({
        path: '/model/layers/0/rate',
        value: 0.5,
        description: 'Set model.layers.0.rate to 0.5, the largest rate in range.',
        edits: [{ op: 'set', path: '/model/layers/0/rate', value: 0.5 }],
      });
    });

    it('reports RNN input dropout, also inside a wrapper', () => {
      const yaml = `
        model:
          layers:
            - { type: lstm, units: 16, dropout: 0.6, returnSequences: true }
            - { type: bidirectional, layer: { type: gru, units: 8, dropout: 0.7 } }
      `;
      expect(check(yaml)).toEqual([
        '3:41-3:44 warning Dropout rate 0.6 of the inputs of layer 0 (lstm) is above 0.5 (GUIDE §7: [0, 0.5]): it drops most of the signal, so training is slow and the model underfits.',
        '4:69-4:72 warning Dropout rate 0.7 of the inputs of the gru inside layer 1 is above 0.5 (GUIDE §7: [0, 0.5]): it drops most of the signal, so training is slow and the model underfits.',
      ]);
    });

    it('reports LoRA dropout', () => {
      const [d] = diagnosticsOf('dropout-range', 'model:\n  lora: { rank: 16, dropout: 0.9 }\n');
      expect(brief(d!)).toBe(
        '2:30-2:33 warning Dropout rate 0.9 of the LoRA adapters is above 0.5 (GUIDE §7: [0, 0.5]): it drops most of the signal, so training is slow and the model underfits.',
      );
      expect(d!.suggestion).toMatchObject({ path: '/model/lora/dropout', value: 0.5 });
    });

    it('takes the maximum as an option and suggests it', () => {
      const [d] = diagnosticsOf('dropout-range', 'model: { layers: [{ type: dropout, rate: 0.4 }] }\n', ['warning', { max: 0.3 }]);
      expect(d!.suggestion).toMatchObject({ value: 0.3 });
      expect(check('model: { layers: [{ type: dropout, rate: 0.4 }] }', ['warning', { max: 0.4 }])).toEqual([]);
      expect(() => check('model: {}', ['warning', { max: 1 }])).toThrow(/invalid options/);
    });
  });
});
