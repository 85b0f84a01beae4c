import { describe, expect, it } from 'vitest';
import { brief, diagnosticsOf } from '../helpers/lint.js';

const check = (layer: string, setting?: Parameters<typeof diagnosticsOf>[2]) =>
  diagnosticsOf('kernel-size', `model: { layers: [${layer}] }\n`, setting).map(brief);
const suggestionOf = (layer: string) => diagnosticsOf('kernel-size', `model: { layers: [${layer}] }\n`)[0]?.suggestion;

describe('kernel-size', () => {
  describe('valid', () => {
    it.each([
      ['1×1', '{ type: conv2d, filters: 8, kernelSize: 1 }'],
      ['3×3 as a list', '{ type: conv2d, filters: 8, kernelSize: [3, 3] }'],
      ['7×7, the largest square', '{ type: Conv2D, filters: 8, kernelSize: 7 }'],
      ['1×7 and 7×1 lines', '{ type: conv2d, filters: 8, kernelSize: [1, 7] }, { type: conv2d, filters: 8, kernelSize: [7, 1] }'],
      ['an even line 1×2', '{ type: conv2d, filters: 8, kernelSize: [1, 2] }'],
      ['a 1-D kernel of 4 (a 1×4 line)', '{ type: conv1d, filters: 8, kernelSize: 4 }'],
      ['3×3×3 in 3-D', '{ type: conv3d, filters: 8, kernelSize: 3 }'],
      ['a kernel-less dense layer', '{ type: dense, units: 8 }'],
      ['a pooling size', '{ type: maxPooling2d, poolSize: 2 }'],
      ['4×4 at stride 2 (a DCGAN discriminator)', '{ type: conv2d, filters: 8, kernelSize: 4, strides: 2 }'],
      ['a transposed 4×4 at stride 2 (a DCGAN generator)', '{ type: conv2dTranspose, filters: 8, kernelSize: [4, 4], strides: [2, 2] }'],
      ['2×2 at stride 2 (downsampling)', '{ type: Conv2D, filters: 8, kernelSize: 2, strides: 2 }'],
      ['16×16 at stride 16 (a patch embedding)', '{ type: conv2d, filters: 8, kernelSize: 16, strides: 16 }'],
      ['8×8×8 at stride 4 in 3-D', '{ type: conv3d, filters: 8, kernelSize: 8, strides: [4, 4, 4] }'],
    ])('%s', (_name, layer) => {
      expect(check(layer)).toEqual([]);
    });

    it('leaves sizes below 1 to invalid-value', () => {
      expect(check('{ type: conv2d, filters: 8, kernelSize: 0 }')).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports an even square kernel on the value, with the nearest size (ties go up)', () => {
      expect(check('{ type: conv2d, filters: 8, kernelSize: 4 }')).toEqual([
        '1:59-1:60 info Kernel size 4×4 of layer 0 (conv2d) is not one GUIDE §7 recommends (1×1, 3×3, 5×5, 7×7, or 1×n / n×1 with n ≤ 7).',
      ]);
      expect(suggestionOf('{ type: conv2d, filters: 8, kernelSize: 4 }')).toEqual({
        path: '/model/layers/0/kernelSize',
        value: 5,
        description: 'Set model.layers.0.kernelSize to 5, the nearest recommended kernel.',
        edits: [{ op: 'set', path: '/model/layers/0/kernelSize', value: 5 }],
      });
      expect(suggestionOf('{ type: conv2d, filters: 8, kernelSize: 2 }')).toMatchObject({ value: 3 });
    });

    it('reports just past the largest size: 9×9 → 7, 1×8 → 1×7', () => {
      expect(check('{ type: conv2d, filters: 8, kernelSize: [9, 9] }')).toEqual([
        '1:59-1:65 info Kernel size 9×9 of layer 0 (conv2d) is not one GUIDE §7 recommends (1×1, 3×3, 5×5, 7×7, or 1×n / n×1 with n ≤ 7).',
      ]);
      expect(suggestionOf('{ type: conv2d, filters: 8, kernelSize: [9, 9] }')).toMatchObject({ value: [7, 7] });
      expect(suggestionOf('{ type: conv2d, filters: 8, kernelSize: [1, 8] }')).toMatchObject({ value: [1, 7] });
      expect(suggestionOf('{ type: conv1d, filters: 8, kernelSize: 8 }')).toMatchObject({ value: 7 });
    });

    it('reports an even kernel its stride does not divide in every dimension', () => {
      expect(check('{ type: conv2d, filters: 8, kernelSize: 4, strides: 1 }')).toEqual([
        '1:59-1:60 info Kernel size 4×4 of layer 0 (conv2d) is not one GUIDE §7 recommends (1×1, 3×3, 5×5, 7×7, or 1×n / n×1 with n ≤ 7).',
      ]);
      expect(check('{ type: conv2d, filters: 8, kernelSize: 4, strides: 3 }')).toHaveLength(1);
      expect(check('{ type: conv2d, filters: 8, kernelSize: 4, strides: [2, 1] }')).toHaveLength(1);
      // AlexNet's 11×11 stem at stride 4 overlaps unevenly: still a kernel choice.
      expect(check('{ type: conv2d, filters: 8, kernelSize: 11, strides: 4 }')).toHaveLength(1);
    });

    it('reports a mixed rectangle, suggesting the square of its largest side', () => {
      expect(suggestionOf('{ type: conv2d, filters: 8, kernelSize: [3, 5] }')).toMatchObject({ value: [5, 5] });
    });

    it('reports the convolution inside a timeDistributed wrapper', () => {
      expect(check('{ type: timeDistributed, layer: { type: conv2d, filters: 4, kernelSize: 11 } }')).toEqual([
        '1:91-1:93 info Kernel size 11×11 of the conv2d inside layer 0 is not one GUIDE §7 recommends (1×1, 3×3, 5×5, 7×7, or 1×n / n×1 with n ≤ 7).',
      ]);
    });

    it('takes the recommended sizes as options', () => {
      expect(check('{ type: conv2d, filters: 8, kernelSize: 11 }', ['info', { sizes: [1, 3, 11] }])).toEqual([]);
      expect(() => check('{ type: conv2d }', ['info', { sizes: [] }])).toThrow(/invalid options/);
    });
  });
});
