import type { FormatName } from '../adapters/adapter.js';
import type { EditOp } from '../engine/rule.js';
import { pointer } from '../model/pointer.js';
import type { Pointer } from '../model/pointer.js';
import { hplintSchema } from '../model/schema.js';
import type { SchemaNode } from '../model/schema.js';
import type { SearchDimension, TrainingConfig } from '../model/types.js';
import { isFiniteNumber } from './util.js';

/** One dimension of `search.space`, with the canonical path of the list item that declares it. */
export interface Dimension {
  readonly path: Pointer;
  /** The searched hyperparameter as a canonical dot path, e.g. `optimizer.learningRate`. */
  readonly parameter: string;
  readonly spec: SearchDimension;
}

/** The search space's dimensions that name a parameter. */
export function dimensionsOf(config: TrainingConfig): Dimension[] {
  const space = config.search?.space ?? [];
  return space.flatMap((spec, index) =>
    typeof spec.parameter === 'string' && spec.parameter.length > 0
      ? [{ path: pointer('search', 'space', index), parameter: spec.parameter, spec }]
      : [],
  );
}

/** How many values a dimension lists, or undefined when it is not a (non-empty) list of values. */
export function discreteSize(dimension: Dimension): number | undefined {
  const values = dimension.spec.values;
  return Array.isArray(values) && values.length > 0 ? values.length : undefined;
}

/** The dimension's continuous range, when it declares a proper one (min < max). */
export function rangeOf(dimension: Dimension): { min: number; max: number } | undefined {
  const { min, max } = dimension.spec;
  return isFiniteNumber(min) && isFiniteNumber(max) && min < max ? { min, max } : undefined;
}

/** True when the search changes this parameter: several values, or a range. */
export function varies(dimension: Dimension): boolean {
  const size = discreteSize(dimension);
  return size !== undefined ? size > 1 : rangeOf(dimension) !== undefined;
}

/** The last segment of a dot path: `optimizer.learningRate` → `learningRate`. */
export function leafOf(parameter: string): string {
  return parameter.slice(parameter.lastIndexOf('.') + 1);
}

/** Whether a dot path names a field of the canonical model (list indexes included), e.g. `model.layers.2.rate`. */
export function isCanonicalParameter(parameter: string): boolean {
  let node: SchemaNode | undefined = hplintSchema as SchemaNode;
  for (const segment of parameter.split('.')) {
    if (!node) return false;
    if (/^\d+$/.test(segment) && node.items) node = node.items;
    else node = node.properties && Object.hasOwn(node.properties, segment) ? node.properties[segment] : undefined;
  }
  return node !== undefined && node !== hplintSchema;
}

/** A dimension that sets a learning rate: the optimizer's, a layer group's, or a piecewise schedule's values. */
export function isLearningRateParameter(parameter: string): boolean {
  return leafOf(parameter) === 'learningRate' || /^schedule\.values(\.\d+)?$/.test(parameter);
}

/** GUIDE §6 Tier 3: network shape, Adam's parameters, weight decay, dropout — as canonical dot paths. */
const TIER_3_PARAMETERS: readonly RegExp[] = [
  /^optimizer\.(beta1|beta2|epsilon|weightDecay)$/,
  /^regularization\.(l1|l2)$/,
  /^model\.layers\.\d+\.(layer\.)?(units|filters|kernelSize|activation|rate|dropout|recurrentDropout|kernelRegularizer\.l[12])$/,
  /^model\.lora\.(rank|alpha|dropout)$/,
];

export function isTier3Parameter(parameter: string): boolean {
  return TIER_3_PARAMETERS.some((pattern) => pattern.test(parameter));
}

/**
 * Suggestion edits carry canonical values (`scale: log`, `strategy: quasiRandom`), which only hplint's own
 * format spells the same way: W&B writes `distribution: log_uniform_values`, `method: random`, Optuna
 * `log=True`. In other formats the suggestion names the change without an edit that would write nonsense.
 */
export function nativeEdits(format: FormatName, edits: readonly EditOp[]): { edits?: readonly EditOp[] } {
  return format === 'native' && edits.length > 0 ? { edits } : {};
}
