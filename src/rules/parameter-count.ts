import type { Layer } from '../model/types.js';
import type { AnyLayer } from './util.js';
import { isPositiveInteger, layerKind, perDimension } from './util.js';

/** The shape of one example as it flows through the model, without the batch axis; null = unknown size. */
type Shape = readonly (number | null)[];

export interface ParameterCount {
  readonly total: number;
  /** Parameters the optimizer updates: without frozen layers and batch-norm moving statistics. */
  readonly trainable: number;
}

interface Step {
  readonly params: number;
  /** Of `params`, those the optimizer does not update. */
  readonly fixed: number;
  readonly shape: Shape;
}

/**
 * The parameter count of a sequential layer list, as Keras / TF.js `model.summary()` gives it, when every
 * layer's shape is known: dense, conv1d/conv2d, embedding, lstm/gru/simpleRNN (also bidirectional),
 * timeDistributed, batch / layer normalization and the parameter-free layers. The first layer (or an
 * input layer) carries `inputShape`; channels come last. Any other layer, or a shape that is not known
 * where a layer needs it, makes the count unknown: undefined.
 */
export function countParameters(layers: readonly Layer[]): ParameterCount | undefined {
  if (layers.length === 0) return undefined;
  let shape: Shape | undefined;
  let total = 0;
  let fixed = 0;
  for (const layer of layers) {
    const step = frozenIf(layer, stepOf(layer, layer.inputShape ?? shape));
    if (!step) return undefined;
    total += step.params;
    fixed += step.fixed;
    shape = step.shape;
  }
  return { total, trainable: total - fixed };
}

function stepOf(layer: Layer, shape: Shape | undefined): Step | undefined {
  const kind = layerKind(layer.type);
  if (kind === 'wrapper') return layer.layer ? wrapperStep(layer, layer.layer, shape) : undefined;
  return innerStep(layer, shape);
}

function innerStep(layer: AnyLayer, shape: Shape | undefined): Step | undefined {
  const kind = layerKind(layer.type);
  if (kind === 'embedding') return embeddingStep(layer, shape);
  if (!shape || shape.length === 0) return undefined;
  const channels = shape.at(-1) ?? null;
  switch (kind) {
    case 'input':
    case 'dropout':
    case 'activation':
      return { params: 0, fixed: 0, shape };
    case 'flatten':
      return { params: 0, fixed: 0, shape: [product(shape)] };
    case 'dense':
      return denseStep(layer, shape, channels);
    case 'conv':
      return convStep(layer, shape, channels);
    case 'rnn':
      return rnnStep(layer, shape, channels);
    case 'pooling':
      return poolingStep(layer, shape);
    case 'batchNormalization':
      // γ and β are trained; the moving mean and variance are not.
      return channels === null ? undefined : { params: 4 * channels, fixed: 2 * channels, shape };
    case 'layerNormalization':
      return channels === null ? undefined : { params: 2 * channels, fixed: 0, shape };
    default:
      return undefined;
  }
}

function wrapperStep(wrapper: Layer, inner: AnyLayer, shape: Shape | undefined): Step | undefined {
  const compact = compactType(wrapper.type);
  if (!shape) return undefined;
  if (compact === 'timedistributed') {
    const step = frozenIf(inner, innerStep(inner, shape.slice(1)));
    return step && { ...step, shape: [shape[0] ?? null, ...step.shape] };
  }
  if (compact === 'bidirectional' && layerKind(inner.type) === 'rnn') {
    // Forward and backward copies; their outputs are concatenated (Keras' default merge mode).
    const step = frozenIf(inner, innerStep(inner, shape));
    const last = step?.shape.at(-1);
    if (!step || typeof last !== 'number') return undefined;
    return { params: 2 * step.params, fixed: 2 * step.fixed, shape: [...step.shape.slice(0, -1), 2 * last] };
  }
  return undefined;
}

function frozenIf(layer: AnyLayer, step: Step | undefined): Step | undefined {
  return step && layer.trainable === false ? { ...step, fixed: step.params } : step;
}

function embeddingStep(layer: AnyLayer, shape: Shape | undefined): Step | undefined {
  const { inputDim, outputDim } = layer;
  if (!isPositiveInteger(inputDim) || !isPositiveInteger(outputDim)) return undefined;
  return { params: inputDim * outputDim, fixed: 0, shape: [...(shape ?? [null]), outputDim] };
}

function denseStep(layer: AnyLayer, shape: Shape, inputs: number | null): Step | undefined {
  const { units } = layer;
  if (!isPositiveInteger(units) || inputs === null) return undefined;
  return { params: inputs * units + bias(layer, units), fixed: 0, shape: [...shape.slice(0, -1), units] };
}

function convStep(layer: AnyLayer, shape: Shape, channels: number | null): Step | undefined {
  const rank = { conv1d: 1, conv2d: 2 }[compactType(layer.type)];
  const { filters } = layer;
  if (rank === undefined || shape.length !== rank + 1 || channels === null || !isPositiveInteger(filters)) return undefined;
  const kernel = perDimension(layer.kernelSize, rank);
  const strides = perDimension(layer.strides ?? 1, rank);
  if (!kernel || !strides) return undefined;
  const spatial = slide(shape.slice(0, -1), kernel, strides, layer.padding);
  if (!spatial) return undefined;
  return { params: product(kernel)! * channels * filters + bias(layer, filters), fixed: 0, shape: [...spatial, filters] };
}

/** Gate count × (input and recurrent kernels + bias); GRU as TF.js builds it (reset gate before the product). */
function rnnStep(layer: AnyLayer, shape: Shape, inputs: number | null): Step | undefined {
  const gates = { lstm: 4, gru: 3, simplernn: 1 }[compactType(layer.type)];
  const { units } = layer;
  if (gates === undefined || shape.length !== 2 || inputs === null || !isPositiveInteger(units)) return undefined;
  const params = gates * (units * (inputs + units) + bias(layer, units));
  return { params, fixed: 0, shape: layer.returnSequences === true ? [shape[0] ?? null, units] : [units] };
}

function poolingStep(layer: AnyLayer, shape: Shape): Step | undefined {
  const channels = shape.at(-1) ?? null;
  if (compactType(layer.type).startsWith('global')) return { params: 0, fixed: 0, shape: [channels] };
  const rank = shape.length - 1;
  const pool = perDimension(layer.poolSize ?? 2, rank);
  const strides = layer.strides === undefined ? pool : perDimension(layer.strides, rank);
  const spatial = pool && strides && slide(shape.slice(0, -1), pool, strides, layer.padding);
  return spatial ? { params: 0, fixed: 0, shape: [...spatial, channels] } : undefined;
}

/** Output sizes of a sliding window (convolution or pooling) over the spatial dimensions. */
function slide(spatial: Shape, window: readonly number[], strides: readonly number[], padding: string | undefined): Shape | undefined {
  const out = spatial.map((size, i) => {
    if (size === null) return null;
    return padding === 'same' ? Math.ceil(size / strides[i]!) : Math.floor((size - window[i]!) / strides[i]!) + 1;
  });
  return out.every((size) => size === null || size >= 1) ? out : undefined;
}

function bias(layer: AnyLayer, units: number): number {
  return layer.useBias === false ? 0 : units;
}

function product(shape: Shape): number | null {
  return shape.reduce<number | null>((acc, size) => (acc === null || size === null ? null : acc * size), 1);
}

function compactType(type: string | undefined): string {
  return (type ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}
