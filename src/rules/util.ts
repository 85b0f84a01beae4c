import type { Pointer } from '../model/pointer.js';
import { pointer } from '../model/pointer.js';
import type { Layer, TrainingConfig } from '../model/types.js';
import type { DocumentFacts } from '../engine/rule.js';

/**
 * Numbers as a person writes them in a config: `0.001`, `3e-4`, `1e-12`, `6000`. Small and huge values
 * use an exponent; everything keeps at most four significant digits unless asked for more (where they
 * matter: Adam's β2 = 0.99995 must not print as 1).
 */
export function formatNumber(value: number, significantDigits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) {
    const [mantissa = '', exponent = ''] = value.toExponential(significantDigits - 1).split('e');
    return `${Number(mantissa)}e${exponent.replace('+', '')}`;
  }
  return String(Number(value.toPrecision(significantDigits)));
}

/** Rounds to a value a person would type: two significant digits. */
export function roundNice(value: number): number {
  return Number(value.toPrecision(2));
}

export function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/** A kernel / stride / pool size written as one number or one per dimension; undefined unless `rank` whole sizes. */
export function perDimension(value: number | readonly number[] | undefined, rank: number): number[] | undefined {
  const dims = Array.isArray(value) ? [...(value as readonly number[])] : Array.from({ length: rank }, () => value as number);
  return dims.length === rank && dims.every(isPositiveInteger) ? dims : undefined;
}

export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Effective batch = batchSize × devices × gradientAccumulation; undefined when unknown. */
export function effectiveBatch(config: TrainingConfig): number | undefined {
  const training = config.training;
  if (!isPositiveInteger(training?.batchSize)) return undefined;
  const devices = isPositiveInteger(training.devices) ? training.devices : 1;
  const accumulation = isPositiveInteger(training.gradientAccumulation) ? training.gradientAccumulation : 1;
  return training.batchSize * devices * accumulation;
}

/** The initial learning rate and where it is written: the optimizer's, else a piecewise schedule's first value. */
export function initialLearningRate(config: TrainingConfig): { value: number; path: Pointer } | undefined {
  const lr = config.optimizer?.learningRate;
  if (isFiniteNumber(lr)) return { value: lr, path: pointer('optimizer', 'learningRate') };
  const first = config.schedule?.values?.[0];
  if (config.schedule?.type === 'piecewiseConstant' && isFiniteNumber(first)) return { value: first, path: pointer('schedule', 'values', 0) };
  return undefined;
}

/** Layer kinds the rules reason about; `other` for anything else (custom layers, attention, …). */
export type LayerKind =
  | 'dense'
  | 'conv'
  | 'dropout'
  | 'batchNormalization'
  | 'layerNormalization'
  | 'activation'
  | 'flatten'
  | 'reshape'
  | 'pooling'
  | 'rnn'
  | 'wrapper'
  | 'embedding'
  | 'input'
  | 'other';

const KIND_PATTERNS: readonly (readonly [RegExp, LayerKind])[] = [
  [/^(dense|linear)$/, 'dense'],
  [/^(conv|separableconv|depthwiseconv)\w*$/, 'conv'],
  [/^(spatial|alpha|gaussian)?dropout\w*$/, 'dropout'],
  [/^(sync)?batch(normalization|norm)\w*$/, 'batchNormalization'],
  [/^(layer|group|instance)(normalization|norm)$/, 'layerNormalization'],
  [/^(activation|relu|leakyrelu|prelu|elu|thresholdedrelu|softmax|gelu|sigmoid|tanh)$/, 'activation'],
  [/^flatten$/, 'flatten'],
  [/^(reshape|permute|repeatvector)$/, 'reshape'],
  [/^(global)?(max|average|avg)pool(ing)?\w*$/, 'pooling'],
  [/^(lstm|gru|simplernn|rnn|convlstm\w*|cudnnlstm|cudnngru)$/, 'rnn'],
  [/^(bidirectional|timedistributed)$/, 'wrapper'],
  [/^embedding$/, 'embedding'],
  [/^input(layer)?$/, 'input'],
];

/** The kind of a layer type as any framework spells it: `batchNormalization`, `BatchNorm2d`, `Conv2D`. */
export function layerKind(type: string | undefined): LayerKind {
  if (!type) return 'other';
  const compact = type.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/[123]d$/, '');
  for (const [pattern, kind] of KIND_PATTERNS) if (pattern.test(compact)) return kind;
  return 'other';
}

/** Layer kinds with no trainable parameters and no normalization: they leave dropout's variance shift intact. */
export const PARAMETER_FREE_KINDS: readonly LayerKind[] = ['activation', 'flatten', 'reshape', 'pooling'];

export function layersOf(config: TrainingConfig): readonly Layer[] {
  return config.model?.layers ?? [];
}

/** A layer as written, or the layer a bidirectional / timeDistributed wrapper holds. */
export type AnyLayer = Layer | NonNullable<Layer['layer']>;

export interface LayerEntry {
  readonly layer: AnyLayer;
  /** Canonical path of the layer itself, e.g. `/model/layers/2` or `/model/layers/2/layer`. */
  readonly path: Pointer;
  /** Index of the top-level layer (the wrapper's index for a wrapped layer). */
  readonly index: number;
  readonly wrapped: boolean;
}

/** Every layer in order, each wrapper followed by the layer it wraps: rules about RNNs and convolutions see both. */
export function allLayers(config: TrainingConfig): LayerEntry[] {
  return layersOf(config).flatMap((layer, index) => {
    const path = pointer('model', 'layers', index);
    const outer: LayerEntry = { layer, path, index, wrapped: false };
    return layer.layer ? [outer, { layer: layer.layer, path: `${path}/layer`, index, wrapped: true }] : [outer];
  });
}

/** How messages name a layer: `layer 2 (dense)`, or `the lstm inside layer 2` for a wrapped one. */
export function layerLabel({ layer, index, wrapped }: LayerEntry): string {
  if (wrapped) return `the ${layer.type ?? 'layer'} inside layer ${index}`;
  return `layer ${index}${layer.type ? ` (${layer.type})` : ''}`;
}

/** ", the TF.js default" when a framework default supplied the value, so the user knows why. */
export function defaultNote(document: DocumentFacts, path: Pointer): string {
  const source = document.defaultOf(path);
  return source ? ` (the ${source.framework} default)` : '';
}
