import { createRule, optionsSchema } from '../engine/rule.js';
import { pointerToDotPath } from '../model/pointer.js';
import { KERNEL_MAX, KERNEL_SIZES } from '../knowledge/guide.js';
import { allLayers, isPositiveInteger, layerKind, layerLabel, perDimension } from './util.js';

export interface Options {
  /** Square (cubic) kernel sizes that are fine: k × k with k in this list. */
  readonly sizes: readonly number[];
  /** Line kernels 1 × n / n × 1 are fine up to this n (even sizes included). */
  readonly maxLine: number;
}

export default createRule<Options>({
  id: 'kernel-size',
  meta: {
    description: 'A convolution kernel other than GUIDE §7\'s 1×1, 3×3, 5×5, 7×7 or a 1×n / n×1 line with n ≤ 7, unless its stride divides it (a resampling design).',
    severity: 'info',
    tier: 3,
    category: 'network',
    guide: '§7',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({
      sizes: { type: 'array', minItems: 1, items: { type: 'integer', minimum: 1 } },
      maxLine: { type: 'integer', minimum: 1 },
    }),
    defaultOptions: { sizes: KERNEL_SIZES, maxLine: KERNEL_MAX },
  },
  check(config, context) {
    const { sizes, maxLine } = context.options;
    for (const entry of allLayers(config)) {
      const { layer, path } = entry;
      if (layerKind(layer.type) !== 'conv' || layer.kernelSize === undefined) continue;
      const dims = kernelDims(layer.kernelSize, layer.type);
      // Sizes below 1 or fractional are invalid-value's.
      if (!dims.every(isPositiveInteger) || isRecommended(dims, sizes, maxLine) || strideDivides(dims, layer.strides)) continue;
      const better = suggestedDims(dims, sizes, maxLine);
      const value = Array.isArray(layer.kernelSize) ? better : better[0];
      const kernelPath = `${path}/kernelSize`;
      context.report({
        path: kernelPath,
        message: `Kernel size ${dims.join('×')} of ${layerLabel(entry)} is not one GUIDE §7 recommends (${sizes.map((s) => `${s}×${s}`).join(', ')}, or 1×n / n×1 with n ≤ ${maxLine}).`,
        suggestion: {
          path: kernelPath,
          value,
          description: `Set ${pointerToDotPath(kernelPath)} to ${JSON.stringify(value)}, the nearest recommended kernel.`,
          edits: [{ op: 'set', path: kernelPath, value }],
        },
      });
    }
  },
});

/** One size per spatial dimension: a single number means a square (cubic) kernel of the layer's rank. */
function kernelDims(kernelSize: number | readonly number[], type: string | undefined): number[] {
  if (Array.isArray(kernelSize)) return [...(kernelSize as readonly number[])];
  const rank = Number(/([123])d/i.exec(type ?? '')?.[1] ?? 2);
  return Array.from({ length: rank }, () => kernelSize as number);
}

function isRecommended(dims: readonly number[], sizes: readonly number[], maxLine: number): boolean {
  const square = dims.every((d) => d === dims[0]) && sizes.includes(dims[0]!);
  const line = dims.filter((d) => d !== 1).length <= 1 && Math.max(...dims) <= maxLine;
  return square || line;
}

/**
 * A kernel its stride divides in every dimension (4×4 stride 2 in DCGAN's discriminator and generator,
 * 2×2 stride 2 downsampling, 16×16 stride 16 patch embeddings) is a resampling design, not a choice of
 * receptive field: every output gets the same number of kernel taps, which is what avoids the
 * checkerboard artifacts of transposed convolutions (Odena et al. 2016). At stride 1 the GUIDE's
 * centre-pixel reasoning holds, so those are still judged.
 */
function strideDivides(dims: readonly number[], strides: number | readonly number[] | undefined): boolean {
  const steps = perDimension(strides, dims.length);
  return steps !== undefined && steps.every((step, i) => step > 1 && dims[i]! % step === 0);
}

/**
 * A line kernel keeps its shape and is shortened to `maxLine`; any other kernel becomes the nearest
 * recommended square of its largest side, ties going up so the receptive field does not shrink.
 */
function suggestedDims(dims: readonly number[], sizes: readonly number[], maxLine: number): number[] {
  const largest = Math.max(...dims);
  if (dims.filter((d) => d !== 1).length <= 1) return dims.map((d) => (d === largest ? maxLine : d));
  const nearest = [...sizes].sort((a, b) => Math.abs(a - largest) - Math.abs(b - largest) || b - a)[0]!;
  return dims.map(() => nearest);
}
