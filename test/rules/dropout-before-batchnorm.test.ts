import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const ID = 'dropout-before-batchnorm';
const layers = (...types: string[]) => `model:\n  layers:\n${types.map((t) => `    - { type: ${t} }`).join('\n')}\n`;
const check = (yaml: string) => diagnosticsOf(ID, dedent(yaml)).map(brief);

describe(ID, () => {
  describe('valid', () => {
    it('batch norm before dropout', () => {
      expect(check(layers('dense', 'batchNormalization', 'dropout'))).toEqual([]);
    });

    it('a trained layer between dropout and batch norm', () => {
      expect(check(layers('dropout', 'dense', 'batchNormalization'))).toEqual([]);
      expect(check(layers('dropout', 'conv2d', 'batchNormalization'))).toEqual([]);
    });

    it('dropout at the end of the model', () => {
      expect(check(layers('batchNormalization', 'dense', 'dropout'))).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('dropout directly before batch norm, with the reordered list', () => {
      const [d] = diagnosticsOf(ID, layers('dense', 'dropout', 'batchNormalization', 'dense'));
      expect(brief(d!)).toBe(
        '4:7-4:24 warning Dropout (layer 1) feeds batch normalization (layer 2): dropout shifts the variance that batch-norm statistics see, so inference behaves differently from training (GUIDE §6 Tier 3; Li et al. 2019). Put the dropout after the batch normalization.',
      );
      expect(d!.suggestion).toEqual({
        path: '/model/layers',
        description: 'Move the dropout (layer 1) to after the batch normalization (layer 2).',
        value: [{ type: 'dense' }, { type: 'batchNormalization' }, { type: 'dropout' }, { type: 'dense' }],
        edits: [{ op: 'move', path: '/model/layers', from: 1, to: 2 }],
      });
    });

    it('through parameter-free layers: activation, pooling, flatten, reshape', () => {
      expect(check(layers('spatialDropout2d', 'maxPooling2d', 'activation', 'flatten', 'reshape', 'BatchNormalization'))).toEqual([
        '3:7-3:33 warning Dropout (layer 0) feeds batch normalization (layer 5): dropout shifts the variance that batch-norm statistics see, so inference behaves differently from training (GUIDE §6 Tier 3; Li et al. 2019). Put the dropout after the batch normalization.',
      ]);
    });

    it('each offending dropout once', () => {
      expect(check(layers('dropout', 'batchNormalization', 'dense', 'dropout', 'batchNormalization'))).toHaveLength(2);
    });
  });
});
