import { isPlainObject, toNumber } from '../model/normalize.js';
import type { SourcePath } from '../source/range.js';
import type { ConfigBuilder } from './adapter.js';
import { TFJS, TFJS_OPTIMIZER_DEFAULTS } from './defaults.js';

/**
 * Reading a Keras model (`model.to_json()`, Keras 2 or 3) and a Keras/TF.js training config into the
 * canonical model. Shared by the `keras` adapter (a bare topology) and the `tfjs` adapter (model.json,
 * whose `modelTopology` wraps the same topology).
 */

type Json = Record<string, unknown>;

/** Model classes whose `config` holds layers: a nested one (a Sequential inside a functional model) is inlined. */
const MODEL_CLASSES = new Set(['Sequential', 'Model', 'Functional']);

/** Keras layer config keys → canonical layer fields (the value is copied as written); pairs, read for every layer. */
const LAYER_FIELDS: readonly (readonly [string, string])[] = Object.entries({
  name: 'name',
  units: 'units',
  filters: 'filters',
  kernel_size: 'kernelSize',
  strides: 'strides',
  pool_size: 'poolSize',
  padding: 'padding',
  activation: 'activation',
  use_bias: 'useBias',
  rate: 'rate',
  dropout: 'dropout',
  recurrent_dropout: 'recurrentDropout',
  return_sequences: 'returnSequences',
  input_dim: 'inputDim',
  output_dim: 'outputDim',
  trainable: 'trainable',
  momentum: 'momentum',
  epsilon: 'epsilon',
});

/** Layer fields that the canonical model holds as names (`'same'`, `'relu'`). */
const STRING_FIELDS = new Set(['activation', 'padding']);

/** Shape keys that include the batch axis, which the canonical `inputShape` leaves out. */
const BATCH_SHAPE_KEYS = ['batch_input_shape', 'batch_shape'];

/** Class names whose TF.js factory name the generic camel-casing would miss. */
const LAYER_TYPE_OVERRIDES: Readonly<Record<string, string>> = { PReLU: 'prelu', ConvLSTM2D: 'convLstm2d' };

/** Learning-rate schedule classes (keras.optimizers.schedules) → canonical schedule type and fields. */
const SCHEDULES: Readonly<Record<string, { type: string; fields: Readonly<Record<string, string>> }>> = {
  ExponentialDecay: { type: 'exponentialDecay', fields: { decay_steps: 'decaySteps', decay_rate: 'decayRate', staircase: 'staircase' } },
  InverseTimeDecay: { type: 'inverseTimeDecay', fields: { decay_steps: 'decaySteps', decay_rate: 'decayRate', staircase: 'staircase' } },
  PiecewiseConstantDecay: { type: 'piecewiseConstant', fields: { boundaries: 'boundaries', values: 'values' } },
  PolynomialDecay: {
    type: 'polynomialDecay',
    fields: { decay_steps: 'decaySteps', end_learning_rate: 'endLearningRate', power: 'power', cycle: 'cycle' },
  },
  CosineDecay: { type: 'cosineDecay', fields: { decay_steps: 'decaySteps', alpha: 'alpha', warmup_steps: 'warmupSteps' } },
  CosineDecayRestarts: { type: 'cosineDecayRestarts', fields: { first_decay_steps: 'decaySteps', alpha: 'alpha' } },
};

/** Optimizer config keys (Keras snake_case and TF.js camelCase) → canonical optimizer fields. */
const OPTIMIZER_FIELDS: Readonly<Record<string, string>> = {
  beta_1: 'beta1',
  beta1: 'beta1',
  beta_2: 'beta2',
  beta2: 'beta2',
  epsilon: 'epsilon',
  momentum: 'momentum',
  nesterov: 'nesterov',
  use_nesterov: 'nesterov',
  useNesterov: 'nesterov',
  rho: 'rho',
  weight_decay: 'weightDecay',
};

/** Loss short names Keras accepts, spelled as the canonical (TF.js) names. */
const LOSS_ALIASES: Readonly<Record<string, string>> = {
  mse: 'meanSquaredError',
  mae: 'meanAbsoluteError',
  mape: 'meanAbsolutePercentageError',
  msle: 'meanSquaredLogarithmicError',
  kld: 'kullbackLeiblerDivergence',
  huber_loss: 'huber',
};

/** A Keras object `{class_name, config}` (Keras 3 adds `module`/`registered_name`); package prefixes (`Custom>`, `Addons>`) dropped. */
function className(value: unknown): string | undefined {
  if (!isPlainObject(value) || typeof value.class_name !== 'string') return undefined;
  return value.class_name.replace(/^[\w.]+>/, '');
}

/** `kernel_size` → `kernelSize`. */
export function snakeToCamel(name: string): string {
  return name.replace(/_+([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase());
}

/** A Keras class name as the TF.js factory spells it: `Conv2D` → `conv2d`, `LSTM` → `lstm`, `SimpleRNN` → `simpleRNN`. */
export function layerType(name: string): string {
  if (Object.hasOwn(LAYER_TYPE_OVERRIDES, name)) return LAYER_TYPE_OVERRIDES[name]!;
  const spaced = name.replace(/(\d)D\b/g, '$1d');
  if (!/[a-z]/.test(spaced)) return spaced.toLowerCase();
  // Lower-case the leading capitals, except the one that starts the next word (`SimpleRNN`, `ReLU`).
  return spaced.replace(/^[A-Z]+(?=[A-Z][a-z]|[^A-Z]|$)/, (head) => head.toLowerCase());
}

/** The layer list of a topology: Keras 2 Sequential writes it as `config` itself, later versions as `config.layers`. */
function layerList(topology: Json): { layers: unknown[]; path: SourcePath } | undefined {
  if (Array.isArray(topology.config)) return { layers: topology.config, path: ['config'] };
  if (isPlainObject(topology.config) && Array.isArray(topology.config.layers)) return { layers: topology.config.layers, path: ['config', 'layers'] };
  return undefined;
}

/** True for data that looks like a Keras model topology. */
export function isKerasTopology(value: unknown): value is Json {
  return isPlainObject(value) && MODEL_CLASSES.has(className(value) ?? '') && layerList(value) !== undefined;
}

/** A topology may come wrapped as `{model_config, training_config}` (Keras HDF5 attributes, the TF.js converter). */
export function unwrapTopology(value: unknown, path: SourcePath): { topology: Json; path: SourcePath } | undefined {
  if (isKerasTopology(value)) return { topology: value, path };
  if (isPlainObject(value) && isKerasTopology(value.model_config)) return { topology: value.model_config, path: [...path, 'model_config'] };
  return undefined;
}

interface RawLayer {
  readonly value: Json;
  readonly path: SourcePath;
  /** Where an enclosing model sets `trainable: false`: Keras then freezes every layer inside it. */
  readonly frozenBy?: SourcePath;
}

/** The names of the layers feeding a functional layer: Keras 2 lists `[name, node, tensor, kwargs]`, Keras 3 `{args, kwargs}` tensors. */
function inboundNames(layer: Json): string[] {
  const names: string[] = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      if (typeof value[0] === 'string' && typeof value[1] === 'number') names.push(value[0]);
      else value.forEach(visit);
    } else if (isPlainObject(value)) {
      const history = isPlainObject(value.config) ? value.config.keras_history : undefined;
      if (Array.isArray(history) && typeof history[0] === 'string') names.push(history[0]);
      else Object.values(value).forEach(visit);
    }
  };
  visit(layer.inbound_nodes);
  return names;
}

function layerName(layer: Json): string | undefined {
  if (typeof layer.name === 'string') return layer.name;
  return isPlainObject(layer.config) && typeof layer.config.name === 'string' ? layer.config.name : undefined;
}

/**
 * Orders layers input to output: a layer comes after every layer it reads from (`inbound_nodes`), and
 * otherwise keeps its place in the file. Sequential layers have no inbound nodes and keep file order.
 */
function orderByInbound(layers: readonly RawLayer[]): RawLayer[] {
  const index = new Map<string, number>();
  layers.forEach((layer, i) => {
    const name = layerName(layer.value);
    if (name !== undefined) index.set(name, i);
  });
  const pending = layers.map((layer) => new Set(inboundNames(layer.value).flatMap((n) => (index.has(n) ? [index.get(n)!] : []))));
  const done = new Set<number>();
  const order: RawLayer[] = [];
  while (order.length < layers.length) {
    // The first layer in file order whose inputs are all placed; a cycle (a broken file) falls back to file order.
    let next = layers.findIndex((_l, i) => !done.has(i) && [...pending[i]!].every((p) => done.has(p)));
    if (next < 0) next = layers.findIndex((_l, i) => !done.has(i));
    done.add(next);
    order.push(layers[next]!);
  }
  return order;
}

/**
 * The layers of a topology in canonical order, nested models inlined where they stand. `enclosing` holds
 * the models being inlined: a YAML alias can make a model contain itself.
 */
function flattenLayers(topology: Json, path: SourcePath, frozenBy?: SourcePath, enclosing: ReadonlySet<Json> = new Set()): RawLayer[] {
  const list = layerList(topology);
  if (!list || enclosing.has(topology)) return [];
  const inside = new Set(enclosing).add(topology);
  const raw = list.layers.flatMap((value, i) => (isPlainObject(value) ? [{ value, path: [...path, ...list.path, i], ...(frozenBy ? { frozenBy } : {}) }] : []));
  return orderByInbound(raw).flatMap((layer) => {
    if (!isKerasTopology(layer.value)) return [layer];
    const frozen = isPlainObject(layer.value.config) && layer.value.config.trainable === false;
    return flattenLayers(layer.value, layer.path, frozen ? [...layer.path, 'config', 'trainable'] : layer.frozenBy, inside);
  });
}

/** Copies one Keras layer (`{class_name, config}`) into the canonical layer at `target`. */
function readLayer(builder: ConfigBuilder, layer: Json, source: SourcePath, target: (string | number)[]): void {
  const type = className(layer);
  if (type === undefined) return;
  builder.locate(target, [...source, 'class_name']);
  builder.setDerived([...target, 'type'], layerType(type), [...source, 'class_name']);
  if (!isPlainObject(layer.config)) return;
  const config = layer.config;
  const at = (key: string): SourcePath => [...source, 'config', key];
  for (const [key, field] of LAYER_FIELDS) {
    const value = config[key];
    // `activation` and `padding` are names here; a custom activation object, or ZeroPadding2D's amounts
    // (`[[3, 3], [3, 3]]`, valid Keras), are something else, not a wrong value.
    if (value === undefined || value === null || (STRING_FIELDS.has(field) && typeof value !== 'string')) continue;
    builder.set([...target, field], value, at(key));
  }
  const batchKey = BATCH_SHAPE_KEYS.find((k) => Array.isArray(config[k]));
  if (batchKey) builder.setDerived([...target, 'inputShape'], (config[batchKey] as unknown[]).slice(1), at(batchKey));
  else if (Array.isArray(config.input_shape)) builder.set([...target, 'inputShape'], config.input_shape, at('input_shape'));
  const regularizer = config.kernel_regularizer;
  if (isPlainObject(regularizer) && isPlainObject(regularizer.config)) {
    for (const norm of ['l1', 'l2']) {
      const value = regularizer.config[norm];
      if (typeof value === 'number') builder.set([...target, 'kernelRegularizer', norm], value, [...at('kernel_regularizer'), 'config', norm]);
    }
  }
  // Wrappers (Bidirectional, TimeDistributed) keep the wrapped layer in `layer`; the schema nests one level.
  const wrapper = target.at(-1) !== 'layer';
  if (wrapper && isPlainObject(config.layer)) readLayer(builder, config.layer, at('layer'), [...target, 'layer']);
}

/** Reads a topology's layers into `model.layers`; returns the names of the model's outputs (functional models). */
export function readTopology(builder: ConfigBuilder, topology: Json, path: SourcePath): string[] {
  const list = layerList(topology);
  const layers = flattenLayers(topology, path);
  // The layer list is the file's own only when nothing was reordered or inlined: a fix that moves
  // canonical layers must not shuffle a functional model's list, whose order is not the graph's.
  const asWritten = list !== undefined && layers.length === list.layers.length && layers.every((l, i) => l.path.join('/') === [...path, ...list.path, i].join('/'));
  if (list && asWritten) builder.locate(['model', 'layers'], [...path, ...list.path]);
  layers.forEach((layer, i) => {
    readLayer(builder, layer.value, layer.path, ['model', 'layers', i]);
    if (layer.frozenBy) builder.setDerived(['model', 'layers', i, 'trainable'], false, layer.frozenBy);
  });
  const outputs = isPlainObject(topology.config) ? topology.config.output_layers : undefined;
  if (!Array.isArray(outputs)) return [];
  // `[["c1", 0, 0], …]`, or a single `["c1", 0, 0]` when the model has one output.
  const entries = typeof outputs[0] === 'string' ? [outputs] : outputs;
  return entries.flatMap((entry) => (Array.isArray(entry) && typeof entry[0] === 'string' ? [entry[0]] : []));
}

/** The training config of a model.json or an HDF5-style wrapper, wherever the writer put it. */
export function findTrainingConfig(root: Json, path: SourcePath): { config: Json; path: SourcePath } | undefined {
  for (const key of ['trainingConfig', 'training_config']) {
    if (isPlainObject(root[key])) return { config: root[key], path: [...path, key] };
  }
  return undefined;
}

/** Reads optimizer, learning-rate schedule and losses from a Keras/TF.js training config. */
export function readTrainingConfig(builder: ConfigBuilder, training: Json, path: SourcePath, outputs: readonly string[]): void {
  readOptimizer(builder, training.optimizer_config, [...path, 'optimizer_config']);
  readLosses(builder, training, path, outputs);
}

function readOptimizer(builder: ConfigBuilder, optimizer: unknown, path: SourcePath): void {
  const name = className(optimizer);
  if (!name || !isPlainObject(optimizer) || !isPlainObject(optimizer.config)) return;
  const config = optimizer.config;
  const at = (key: string): SourcePath => [...path, 'config', key];
  // Mixed precision wraps the real optimizer.
  if (isPlainObject(config.inner_optimizer)) return readOptimizer(builder, config.inner_optimizer, at('inner_optimizer'));
  builder.setDerived(['optimizer', 'name'], name.toLowerCase(), [...path, 'class_name']);
  const camelCase = 'learningRate' in config;
  const rateKey = ['learning_rate', 'learningRate', 'lr'].find((k) => config[k] !== undefined && config[k] !== null);
  if (rateKey) readLearningRate(builder, config[rateKey], at(rateKey));
  for (const [key, field] of Object.entries(OPTIMIZER_FIELDS)) {
    if (config[key] !== undefined && config[key] !== null) builder.set(['optimizer', field], config[key], at(key));
  }
  // Keras's own optimizers (2.11+, Keras 3) apply `weight_decay` to the weights directly, AdamW-style.
  if (config.weight_decay !== undefined && config.weight_decay !== null) builder.setDerived(['optimizer', 'decoupledWeightDecay'], true, at('weight_decay'));
  // TF.js RMSProp calls its discount factor `decay`; in Keras 2 `decay` is a time-based decay of the rate.
  const decay = toNumber(config.decay);
  if (name === 'RMSProp' && camelCase && decay !== undefined) builder.set(['optimizer', 'rho'], decay, at('decay'));
  else if (decay !== undefined && decay > 0 && rateKey && !isPlainObject(config[rateKey])) {
    // Keras 2 `decay`: lr / (1 + decay × iteration), i.e. inverse-time decay with one-step periods.
    builder.setDerived(['schedule', 'type'], 'inverseTimeDecay', at('decay'));
    builder.setDerived(['schedule', 'decaySteps'], 1, at('decay'));
    builder.set(['schedule', 'decayRate'], decay, at('decay'));
  }
  const defaults = Object.hasOwn(TFJS_OPTIMIZER_DEFAULTS, name) ? TFJS_OPTIMIZER_DEFAULTS[name]! : {};
  for (const [field, value] of Object.entries(defaults)) {
    if (!isPlainObject(builder.config.optimizer) || builder.config.optimizer[field] === undefined) builder.setDefault(['optimizer', field], value, TFJS, [...path, 'class_name']);
  }
}

/** A learning rate is a number, or (Keras 3) a serialised schedule whose initial rate is the optimizer's rate. */
function readLearningRate(builder: ConfigBuilder, value: unknown, path: SourcePath): void {
  const scheduleName = className(value);
  if (!scheduleName || !isPlainObject(value)) {
    builder.set(['optimizer', 'learningRate'], value, path);
    return;
  }
  const schedule = Object.hasOwn(SCHEDULES, scheduleName) ? SCHEDULES[scheduleName] : undefined;
  if (!schedule || !isPlainObject(value.config)) return;
  const config = value.config;
  builder.setDerived(['schedule', 'type'], schedule.type, [...path, 'class_name']);
  if (config.initial_learning_rate !== undefined) builder.set(['optimizer', 'learningRate'], config.initial_learning_rate, [...path, 'config', 'initial_learning_rate']);
  for (const [key, field] of Object.entries(schedule.fields)) {
    if (config[key] !== undefined && config[key] !== null) builder.set(['schedule', field], config[key], [...path, 'config', key]);
  }
}

/** A loss as written (`'binary_crossentropy'`, `{class_name: 'Huber'}`) → its canonical name and `from_logits`. */
function lossTerm(value: unknown): { name: string; fromLogits?: unknown } | undefined {
  if (typeof value === 'string') return { name: Object.hasOwn(LOSS_ALIASES, value) ? LOSS_ALIASES[value]! : snakeToCamel(value) };
  const name = className(value);
  if (!name || !isPlainObject(value)) return undefined;
  // Keras 3 writes a loss function (not a class) as `{class_name: 'function', config: 'binary_crossentropy'}`.
  if (name === 'function') return typeof value.config === 'string' ? lossTerm(value.config) : undefined;
  const fromLogits = isPlainObject(value.config) ? value.config.from_logits : undefined;
  return { name: layerType(name), ...(fromLogits !== undefined && fromLogits !== null ? { fromLogits } : {}) };
}

/**
 * Losses: one term per loss (a list or a per-output mapping), or one loss applied to several outputs
 * with per-output `loss_weights`. Weights come from `loss_weights` by position or output name.
 */
function readLosses(builder: ConfigBuilder, training: Json, path: SourcePath, outputs: readonly string[]): void {
  const loss = training.loss;
  const weights = training.loss_weights;
  const terms: { value: unknown; source: SourcePath; output?: string; weightKey?: string | number }[] = [];
  if (Array.isArray(loss)) {
    loss.forEach((value, i) => terms.push({ value, source: [...path, 'loss', i], ...(outputs[i] ? { output: outputs[i] } : {}), weightKey: i }));
  } else if (isPlainObject(loss) && className(loss) === undefined) {
    for (const [output, value] of Object.entries(loss)) terms.push({ value, source: [...path, 'loss', output], output, weightKey: output });
  } else if (isPlainObject(weights)) {
    for (const output of Object.keys(weights)) terms.push({ value: loss, source: [...path, 'loss'], output, weightKey: output });
  } else if (Array.isArray(weights) && weights.length > 1) {
    weights.forEach((_w, i) => terms.push({ value: loss, source: [...path, 'loss'], ...(outputs[i] ? { output: outputs[i] } : {}), weightKey: i }));
  } else {
    terms.push({ value: loss, source: [...path, 'loss'], weightKey: 0 });
  }
  let index = 0;
  for (const term of terms) {
    const read = lossTerm(term.value);
    if (!read) continue;
    const target = ['losses', index++];
    builder.locate(target, term.source);
    builder.setDerived([...target, 'name'], read.name, term.source);
    if (read.fromLogits !== undefined) builder.set([...target, 'fromLogits'], read.fromLogits, [...term.source, 'config', 'from_logits']);
    if (term.output) builder.set([...target, 'output'], term.output);
    const key = term.weightKey;
    const weight = key === undefined ? undefined : Array.isArray(weights) ? weights[key as number] : isPlainObject(weights) ? weights[key] : undefined;
    if (typeof weight === 'number') builder.set([...target, 'weight'], weight, [...path, 'loss_weights', key!]);
  }
}
