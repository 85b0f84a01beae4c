import { describe, expect, it } from 'vitest';
import type { Layer } from '../../src/model/types.js';
import { countParameters } from '../../src/rules/parameter-count.js';

/** Expected counts are those Keras' `model.summary()` prints for the same models. */
describe('countParameters', () => {
  it('counts a dense network from the input shape', () => {
    const layers: Layer[] = [
      { type: 'dense', units: 128, activation: 'relu', inputShape: [784] },
      { type: 'dropout', rate: 0.2 },
      { type: 'dense', units: 10, activation: 'softmax' },
    ];
    expect(countParameters(layers)).toEqual({ total: 101_770, trainable: 101_770 });
  });

  it('follows convolution, pooling and flatten shapes', () => {
    const layers: Layer[] = [
      { type: 'conv2d', filters: 32, kernelSize: 3, inputShape: [28, 28, 1] },
      { type: 'maxPooling2d', poolSize: 2 },
      { type: 'flatten' },
      { type: 'dense', units: 10 },
    ];
    expect(countParameters(layers)).toEqual({ total: 320 + 54_090, trainable: 54_410 });
  });

  it('counts `same` padding, strides, no bias and batch-norm moving statistics as untrained', () => {
    const layers: Layer[] = [
      { type: 'inputLayer', inputShape: [32, 32, 3] },
      { type: 'conv2d', filters: 16, kernelSize: [3, 3], padding: 'same', strides: 2, useBias: false },
      { type: 'batchNormalization' },
      { type: 'globalAveragePooling2d' },
      { type: 'dense', units: 4 },
    ];
    // conv 3·3·3·16 = 432; BN 4·16 = 64 (32 moving); dense 16·4 + 4 = 68.
    expect(countParameters(layers)).toEqual({ total: 564, trainable: 532 });
  });

  it('counts embeddings and recurrent layers (GRU as TF.js builds it)', () => {
    expect(countParameters([
      { type: 'embedding', inputDim: 10_000, outputDim: 64 },
      { type: 'lstm', units: 64 },
      { type: 'dense', units: 1 },
    ])).toEqual({ total: 640_000 + 33_024 + 65, trainable: 673_089 });
    expect(countParameters([{ type: 'gru', units: 32, inputShape: [10, 8] }])).toEqual({ total: 3936, trainable: 3936 });
    expect(countParameters([{ type: 'simpleRNN', units: 4, inputShape: [null, 2] }])).toEqual({ total: 28, trainable: 28 });
  });

  it('doubles a bidirectional RNN and maps timeDistributed over the steps', () => {
    const layers: Layer[] = [
      { type: 'bidirectional', layer: { type: 'lstm', units: 16, returnSequences: true }, inputShape: [20, 8] },
      { type: 'timeDistributed', layer: { type: 'dense', units: 5 } },
      { type: 'layerNormalization' },
    ];
    expect(countParameters(layers)).toEqual({ total: 3200 + 165 + 10, trainable: 3375 });
  });

  it('leaves frozen layers out of the trainable count', () => {
    const layers: Layer[] = [
      { type: 'dense', units: 10, inputShape: [5, 10], trainable: false },
      { type: 'bidirectional', layer: { type: 'gru', units: 2, trainable: false } },
      { type: 'dense', units: 1 },
    ];
    expect(countParameters(layers)).toEqual({ total: 110 + 2 * 3 * (2 * 12 + 2) + 5, trainable: 5 });
  });

  it.each([
    ['no layers', []],
    ['a first dense layer without an input shape', [{ type: 'dense', units: 4 }]],
    ['a layer it cannot size', [{ type: 'dense', units: 4, inputShape: [3] }, { type: 'multiHeadAttention' }]],
    ['a reshape', [{ type: 'dense', units: 4, inputShape: [3] }, { type: 'reshape' }]],
    ['a flatten over an unknown size', [{ type: 'conv1d', filters: 2, kernelSize: 3, inputShape: [null, 4] }, { type: 'flatten' }, { type: 'dense', units: 1 }]],
    ['a kernel larger than its input', [{ type: 'conv2d', filters: 2, kernelSize: 5, inputShape: [3, 3, 1] }]],
    ['a separable convolution', [{ type: 'separableConv2d', filters: 2, kernelSize: 3, inputShape: [8, 8, 1] }]],
  ] as [string, Layer[]][])('is unknown for %s', (_name, layers) => {
    expect(countParameters(layers)).toBeUndefined();
  });
});
