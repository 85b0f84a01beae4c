import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string) => diagnosticsOf('recurrent-dropout', dedent(yaml)).map(brief);

describe('recurrent-dropout', () => {
  describe('valid', () => {
    it.each([
      ['an LSTM with input dropout only', '{ type: lstm, units: 8, dropout: 0.3 }'],
      ['a GRU with recurrent dropout 0', '{ type: gru, units: 8, recurrentDropout: 0 }'],
      ['a wrapped LSTM with recurrent dropout 0.0', '{ type: bidirectional, layer: { type: lstm, units: 8, recurrentDropout: 0.0 } }'],
      ['a dropout layer after an RNN', '{ type: dropout, rate: 0.3 }'],
    ])('%s', (_name, layer) => {
      expect(check(`model: { layers: [{ type: simpleRNN, units: 4 }, ${layer}] }`)).toEqual([]);
    });

    it('leaves rates of 1 or more to invalid-value', () => {
      expect(check('model: { layers: [{ type: lstm, units: 8, recurrentDropout: 1 }] }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports the smallest positive rate and moves it to the inputs', () => {
      const [d] = diagnosticsOf('recurrent-dropout', 'model:\n  layers:\n    - { type: lstm, units: 64, recurrentDropout: 0.01 }\n');
      expect(brief(d!)).toBe(
        '3:50-3:54 info Recurrent dropout 0.01 on layer 0 (lstm): GUIDE §6 Tier 3 keeps dropout out of the recurrent loop, which feeds the noise back at every time step, and puts it on the inputs or outputs. Keras and TF.js draw one recurrent mask per sequence, a milder form, but it also turns off the fused cuDNN kernels (slower training).',
      );
      expect(d!.suggestion).toEqual({
        path: '/model/layers/0/recurrentDropout',
        value: 0,
        description: 'Set model.layers.0.recurrentDropout to 0 and model.layers.0.dropout to 0.01: the same rate, on the inputs.',
        edits: [
          { op: 'set', path: '/model/layers/0/recurrentDropout', value: 0 },
          { op: 'set', path: '/model/layers/0/dropout', value: 0.01 },
        ],
      });
    });

    it('keeps a larger input dropout and only zeroes the recurrent one', () => {
      const [d] = diagnosticsOf('recurrent-dropout', 'model: { layers: [{ type: gru, units: 8, dropout: 0.4, recurrentDropout: 0.2 }] }\n');
      expect(d!.suggestion).toEqual({
        path: '/model/layers/0/recurrentDropout',
        value: 0,
        description: 'Set model.layers.0.recurrentDropout to 0; the input dropout 0.4 already regularizes the layer.',
        edits: [{ op: 'set', path: '/model/layers/0/recurrentDropout', value: 0 }],
      });
    });

    it('reports the RNN inside bidirectional and timeDistributed wrappers', () => {
      const yaml = `
        model:
          layers:
            - type: bidirectional
              layer: { type: lstm, units: 32, recurrentDropout: 0.2, returnSequences: true }
            - type: timeDistributed
              layer: { type: gru, units: 8, recurrentDropout: 0.999 }
      `;
      expect(check(yaml)).toEqual([
        '4:57-4:60 info Recurrent dropout 0.2 on the lstm inside layer 0: GUIDE §6 Tier 3 keeps dropout out of the recurrent loop, which feeds the noise back at every time step, and puts it on the inputs or outputs. Keras and TF.js draw one recurrent mask per sequence, a milder form, but it also turns off the fused cuDNN kernels (slower training).',
        '6:55-6:60 info Recurrent dropout 0.999 on the gru inside layer 1: GUIDE §6 Tier 3 keeps dropout out of the recurrent loop, which feeds the noise back at every time step, and puts it on the inputs or outputs. Keras and TF.js draw one recurrent mask per sequence, a milder form, but it also turns off the fused cuDNN kernels (slower training).',
      ]);
    });
  });
});
