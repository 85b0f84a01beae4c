import type { SyntaxNode } from '../parser.js';
import { argument, children, dottedName, textOf } from '../syntax.js';
import type { Known } from '../values.js';
import { assignedName, callsMatching, copyArguments, useOf } from './context.js';
import type { ArgumentSpec, Call, Script } from './context.js';

/**
 * Keras (tf.keras and Keras 3): `Sequential([...])` and `.add(...)` layers, `compile(optimizer=…, loss=…)`
 * become the `model.to_json()` topology and training config the Keras adapter reads; `fit(...)` and its
 * callbacks become canonical values.
 */

/** Positional parameters of the layers whose hyperparameters the rules read. */
const LAYER_POSITIONS: Readonly<Record<string, readonly string[]>> = {
  Dense: ['units', 'activation'],
  Dropout: ['rate'],
  SpatialDropout1D: ['rate'],
  SpatialDropout2D: ['rate'],
  SpatialDropout3D: ['rate'],
  GaussianDropout: ['rate'],
  AlphaDropout: ['rate'],
  Conv1D: ['filters', 'kernel_size', 'strides', 'padding'],
  Conv2D: ['filters', 'kernel_size', 'strides', 'padding'],
  Conv3D: ['filters', 'kernel_size', 'strides', 'padding'],
  Conv1DTranspose: ['filters', 'kernel_size', 'strides', 'padding'],
  Conv2DTranspose: ['filters', 'kernel_size', 'strides', 'padding'],
  Conv3DTranspose: ['filters', 'kernel_size', 'strides', 'padding'],
  LSTM: ['units', 'activation'],
  GRU: ['units', 'activation'],
  SimpleRNN: ['units', 'activation'],
  Embedding: ['input_dim', 'output_dim'],
  MaxPooling2D: ['pool_size', 'strides'],
  BatchNormalization: ['axis', 'momentum', 'epsilon'],
  Bidirectional: ['layer'],
};
const LAYER_KEYWORDS = ['units', 'rate', 'filters', 'kernel_size', 'strides', 'pool_size', 'padding', 'activation', 'use_bias', 'dropout', 'recurrent_dropout', 'return_sequences', 'input_dim', 'output_dim', 'momentum', 'epsilon', 'trainable', 'input_shape'];

/** The arguments read from a layer call: its positional parameters, then every keyword above (`layer` is read apart). */
function layerSpecs(positions: readonly string[]): readonly ArgumentSpec[] {
  return [...new Set([...positions, ...LAYER_KEYWORDS])].filter((name) => name !== 'layer').map((name) => (positions.includes(name) ? { name, position: positions.indexOf(name) } : { name }));
}
const LAYER_SPECS: Readonly<Record<string, readonly ArgumentSpec[]>> = Object.fromEntries(Object.entries(LAYER_POSITIONS).map(([name, positions]) => [name, layerSpecs(positions)]));
const OTHER_LAYER_SPECS = layerSpecs([]);

const OPTIMIZER_KEYWORDS = ['learning_rate', 'lr', 'momentum', 'nesterov', 'beta_1', 'beta_2', 'epsilon', 'rho', 'weight_decay'];
const STRING_OPTIMIZERS: Readonly<Record<string, string>> = {
  adam: 'Adam', sgd: 'SGD', rmsprop: 'RMSprop', adagrad: 'Adagrad', adadelta: 'Adadelta', adamax: 'Adamax', nadam: 'Nadam', adamw: 'AdamW', ftrl: 'Ftrl',
};
const SCHEDULE_KEYWORDS = ['initial_learning_rate', 'decay_steps', 'decay_rate', 'staircase', 'end_learning_rate', 'power', 'alpha', 'boundaries', 'values'];

/**
 * `keras.X`, `tensorflow.keras.X`, `tf.keras.X`, `tensorflow.python.keras.X` → `keras.X`. Keras 1 and 2 also
 * export layers from the modules that define them (`keras.layers.core.Dense`, `keras.layers.wrappers.Bidirectional`,
 * `keras.layers.normalization.BatchNormalization`): those are the same classes as `keras.layers.Dense` & co.
 */
function kerasName(qualified: string): string | undefined {
  const match = /^(?:tensorflow\.(?:python\.)?)?(?:keras|tf_keras)\.(.+)$/.exec(qualified);
  return match ? `keras.${match[1]!.replace(/^layers\.(?:[a-z_\d]+\.)+(?=[A-Z]\w*$)/, 'layers.')}` : undefined;
}

/** Each script's Keras calls with their `keras.*` names, found once: the readers below filter them many times. */
const KERAS_CALLS = new WeakMap<Script, readonly { call: Call; name: string }[]>();

function kerasCalls(script: Script, pattern: RegExp): Call[] {
  let all = KERAS_CALLS.get(script);
  if (!all) {
    all = callsMatching(script, /keras\./).flatMap((call) => {
      const name = kerasName(call.callee);
      return name ? [{ call, name }] : [];
    });
    KERAS_CALLS.set(script, all);
  }
  return all.filter((entry) => pattern.test(entry.name)).map((entry) => entry.call);
}

export function readKeras(script: Script): void {
  const layerCalls = new Map(kerasCalls(script, /^keras\.layers\.\w+$/).map((call) => [call.node.from, call]));
  const model = kerasCalls(script, /^keras\.(models\.)?Sequential$/)[0];
  const modelName = model ? assignedName(model.node, script.text) : undefined;
  const methods = methodCalls(script, new Set(['add', 'compile', 'fit', 'fit_generator']));
  const built = model ? readSequential(script, model, modelName, methods.add ?? [], layerCalls) : false;
  if (!model && kerasCalls(script, /^keras\.(models\.)?Model$/).length > 0) readFunctional(script, layerCalls);
  if (kerasCalls(script, /^keras\.applications\./).some((call) => script.index.resolve(call.args.keywords.get('weights'))?.value === 'imagenet')) {
    const application = kerasCalls(script, /^keras\.applications\./)[0]!;
    script.out.mark(['native', 'pretrained'], true, application.node.firstChild!);
  } else if (built && model && !loadsWeights(script)) {
    // Every layer built here and no weights loaded anywhere in the file: the network trains from scratch.
    script.out.mark(['native', 'pretrained'], false, model.node.firstChild!);
  }
  // A model compiled twice trains with the last compile.
  const compile = (methods.compile ?? []).findLast((call) => compileArgument(call, 'optimizer') !== undefined || compileArgument(call, 'loss') !== undefined);
  if (compile) readCompile(script, compile);
  const training = trainingCall(script, methods, compile);
  if (training) readFit(script, training.call, training.signature);
}

/**
 * The call that trains: `fit`, or Keras 2's `fit_generator` (removed in Keras 3, still in many scripts),
 * on the model that was compiled when the file says which (`datagen.fit(x)` only computes statistics).
 */
function trainingCall(script: Script, methods: Partial<Record<string, Call[]>>, compile: Call | undefined): { call: Call; signature: FitSignature } | undefined {
  const candidates = [
    ...(methods.fit ?? []).map((call) => ({ call, signature: FIT })),
    ...(methods.fit_generator ?? []).map((call) => ({ call, signature: FIT_GENERATOR })),
  ];
  const receiver = (call: Call) => {
    const object = call.node.firstChild?.firstChild;
    return object ? textOf(object, script.text) : undefined;
  };
  const model = compile ? receiver(compile) : undefined;
  return candidates.find((candidate) => model !== undefined && receiver(candidate.call) === model) ?? candidates[0];
}

/** `x.add(...)`, `x.compile(...)`, `x.fit(...)` calls on any receiver, by method. */
function methodCalls(script: Script, names: ReadonlySet<string>): Partial<Record<string, Call[]>> {
  const out: Partial<Record<string, Call[]>> = {};
  for (const node of script.index.calls) {
    const callee = node.firstChild;
    if (callee?.name !== 'MemberExpression' || callee.lastChild?.name !== 'PropertyName') continue;
    const method = textOf(callee.lastChild, script.text);
    if (!names.has(method)) continue;
    (out[method] ??= []).push({ node, callee: dottedName(callee, script.text) ?? method, args: script.index.argumentsOf(node) });
  }
  return out;
}

/** Calls that put trained weights into a model: Keras's loaders, Applications, TF Hub layers, HuggingFace. */
const WEIGHT_LOADERS = /(^|\.)(load_weights|load_model|set_weights|from_pretrained|restore|KerasLayer)$|(^|\.)applications\./;

function loadsWeights(script: Script): boolean {
  return script.index.calls.some((node) => {
    const callee = node.firstChild;
    const name = callee ? dottedName(callee, script.text) ?? textOf(callee, script.text) : '';
    return WEIGHT_LOADERS.test(name);
  });
}

/** Reads the layers; returns whether every one is a Keras layer built in the file (none loaded, none custom). */
function readSequential(script: Script, model: Call, modelName: string | undefined, adds: readonly Call[], layerCalls: ReadonlyMap<number, Call>): boolean {
  const listNode = model.args.keywords.get('layers') ?? model.args.positional[0];
  const items: SyntaxNode[] = listNode && listNode.name === 'ArrayExpression' ? children(listNode).filter((c) => !['[', ']', ','].includes(c.name)) : [];
  const added = adds.filter((add) => modelName !== undefined && add.node.firstChild?.firstChild && textOf(add.node.firstChild.firstChild, script.text) === modelName);
  for (const add of added) if (add.args.positional[0]) items.push(add.args.positional[0]);
  const keras = script.out.section('keras');
  keras.class_name = 'Sequential';
  const layers: unknown[] = [];
  keras.config = { layers };
  script.out.locate(['keras', 'class_name'], model.node.firstChild!);
  let allBuilt = items.length > 0;
  items.forEach((item, index) => {
    const layer = item.name === 'CallExpression' ? layerCalls.get(item.from) : undefined;
    const path = ['keras', 'config', 'layers', index];
    layers.push({});
    if (!layer) {
      // A pretrained base or a custom layer: present, unknown.
      script.out.mark([...path, 'class_name'], 'Layer', item);
      allBuilt = false;
      return;
    }
    readLayer(script, layer, path, layerCalls);
  });
  return allBuilt;
}

/**
 * A functional model (`x = LSTM(…)(x)`, `Model(inputs, outputs)`): each layer the file builds is read on its own,
 * between unknown layers, because the graph's order is not read — rules about one layer (dropout rates,
 * recurrent dropout, kernels) judge it, rules about neighbours or the output layer never pair it.
 */
function readFunctional(script: Script, layerCalls: ReadonlyMap<number, Call>): void {
  const wrapped = new Set([...layerCalls.values()].flatMap((call) => {
    const inner = wrappedLayer(call);
    return inner ? [inner.from] : [];
  }));
  const built = [...layerCalls.values()].filter((call) => !wrapped.has(call.node.from) && LAYER_POSITIONS[call.callee.split('.').pop()!]);
  if (built.length === 0) return;
  const keras = script.out.section('keras');
  keras.class_name = 'Functional';
  const layers: unknown[] = [];
  keras.config = { layers };
  const next = () => ['keras', 'config', 'layers', layers.push({}) - 1];
  for (const call of built) {
    script.out.mark([...next(), 'class_name'], 'Layer', call.node);
    readLayer(script, call, next(), layerCalls);
  }
  script.out.mark([...next(), 'class_name'], 'Layer', built.at(-1)!.node);
}

/** The layer a wrapper holds: `Bidirectional(LSTM(…))`, `TimeDistributed(layer=Dense(…))`. */
function wrappedLayer(layer: Call): SyntaxNode | undefined {
  const className = layer.callee.split('.').pop()!;
  const inner = layer.args.keywords.get('layer') ?? (className === 'Bidirectional' || className === 'TimeDistributed' ? layer.args.positional[0] : undefined);
  return inner?.name === 'CallExpression' ? inner : undefined;
}

function readLayer(script: Script, layer: Call, path: readonly (string | number)[], layerCalls: ReadonlyMap<number, Call>): void {
  const className = layer.callee.split('.').pop()!;
  script.out.mark([...path, 'class_name'], className, layer.node.firstChild!);
  script.out.mark([...path, 'config'], {}, layer.node);
  const hasPositions = Object.hasOwn(LAYER_POSITIONS, className);
  const read = copyArguments(script, layer, [...path, 'config'], hasPositions ? LAYER_SPECS[className]! : OTHER_LAYER_SPECS);
  // A kernel is judged with its stride (see kernel-size): a stride the code computes leaves it unknown.
  const strides = argument(layer.args, 'strides', hasPositions ? LAYER_POSITIONS[className]!.indexOf('strides') : -1);
  if (strides && !read.includes('strides')) script.out.dynamic([...path, 'config', 'kernel_size'], strides);
  const inner = wrappedLayer(layer);
  const innerCall = inner ? layerCalls.get(inner.from) : undefined;
  if (innerCall) readLayer(script, innerCall, [...path, 'config', 'layer'], layerCalls);
}

/** `compile(optimizer, loss, …)`: Keras 2 and 3 both take these two first, by keyword or by position. */
function compileArgument(compile: Call, name: 'optimizer' | 'loss'): SyntaxNode | undefined {
  return argument(compile.args, name, name === 'optimizer' ? 0 : 1);
}

function readCompile(script: Script, compile: Call): void {
  const training = ['keras', 'training_config'];
  script.out.section('keras');
  const optimizer = compileArgument(compile, 'optimizer');
  if (optimizer) readOptimizer(script, optimizer, [...training, 'optimizer_config']);
  const loss = compileArgument(compile, 'loss');
  const lossValue = resolveLoss(script, loss);
  if (lossValue && loss) script.out.put([...training, 'loss'], lossValue, lossValue.via.length > 0 ? useOf(script, compile, 'loss', loss) : undefined);
  else if (loss) readLossObject(script, loss, [...training, 'loss']);
}

function resolveLoss(script: Script, node: SyntaxNode | undefined): Known | undefined {
  const known = script.index.resolve(node);
  return known && typeof known.value === 'string' ? known : undefined;
}

/** `keras.losses.BinaryCrossentropy(from_logits=True)` → `{class_name, config}`. */
function readLossObject(script: Script, node: SyntaxNode, path: readonly (string | number)[]): void {
  const call = node.name === 'CallExpression' ? kerasCalls(script, /^keras\.losses\.\w+$/).find((c) => c.node.from === node.from) : undefined;
  if (!call) return;
  script.out.mark([...path, 'class_name'], call.callee.split('.').pop()!, call.node.firstChild!);
  script.out.mark([...path, 'config'], {}, call.node);
  copyArguments(script, call, [...path, 'config'], [{ name: 'from_logits' }]);
}

/** `'adam'`, `Adam(learning_rate=…)`, or a name bound to either; a schedule as the learning rate is read too. */
function readOptimizer(script: Script, node: SyntaxNode, path: readonly (string | number)[]): void {
  const named = script.index.resolve(node);
  if (named && typeof named.value === 'string') {
    const className = STRING_OPTIMIZERS[named.value.toLowerCase()];
    if (!className) return;
    script.out.mark([...path, 'class_name'], className, named.node);
    script.out.mark([...path, 'config'], {}, named.node);
    return;
  }
  const call = definingCall(script, node, /^keras\.optimizers\.(legacy\.)?[A-Z]\w*$/);
  if (!call) return;
  script.out.mark([...path, 'class_name'], call.callee.split('.').pop()!, call.node.firstChild!);
  script.out.mark([...path, 'config'], {}, call.node);
  copyArguments(script, call, [...path, 'config'], OPTIMIZER_KEYWORDS.map((name) => (name === 'learning_rate' ? { name, position: 0 } : { name })));
  const rate = call.args.keywords.get('learning_rate') ?? call.args.keywords.get('lr') ?? call.args.positional[0];
  const schedule = rate ? definingCall(script, rate, /^keras\.optimizers\.schedules\.\w+$/) : undefined;
  if (!schedule) return;
  const schedulePath = [...path, 'config', 'learning_rate'];
  script.out.mark([...schedulePath, 'class_name'], schedule.callee.split('.').pop()!, schedule.node.firstChild!);
  script.out.mark([...schedulePath, 'config'], {}, schedule.node);
  copyArguments(script, schedule, [...schedulePath, 'config'], SCHEDULE_KEYWORDS.map((name, position) => (position < 3 ? { name, position } : { name })));
}

/** The Keras call an expression is, directly or through a name bound once. */
function definingCall(script: Script, node: SyntaxNode, pattern: RegExp): Call | undefined {
  let current: SyntaxNode | undefined = node;
  for (let hops = 0; current?.name === 'VariableName' && hops < 8; hops++) current = script.index.definitionOf(textOf(current, script.text), current);
  if (current?.name !== 'CallExpression') return undefined;
  const at = current.from;
  return kerasCalls(script, pattern).find((call) => call.node.from === at);
}

/** Where a training call takes the arguments read (absent: the call has no such parameter). */
interface FitSignature {
  readonly batch_size?: number;
  readonly epochs: number;
  readonly callbacks: number;
  readonly validation_split?: number;
}

/** `fit(x, y, batch_size, epochs, verbose, callbacks, validation_split, validation_data, …)`. */
const FIT: FitSignature = { batch_size: 2, epochs: 3, callbacks: 5, validation_split: 6 };
/** `fit_generator(generator, steps_per_epoch, epochs, verbose, callbacks, validation_data, …)`: batches come from the generator. */
const FIT_GENERATOR: FitSignature = { epochs: 2, callbacks: 4 };

function readFit(script: Script, fit: Call, signature: FitSignature): void {
  const native = ['native'];
  const training: ArgumentSpec[] = [{ name: 'epochs', position: signature.epochs }];
  if (signature.batch_size !== undefined) training.unshift({ name: 'batch_size', position: signature.batch_size });
  copyArguments(script, fit, [...native, 'training'], training, { batch_size: 'batchSize' });
  // Keras's batch_size is the global batch: one process, and under a tf.distribute strategy the batch is split
  // across replicas, never multiplied by them (docs/rules/batch-size-extremes.md).
  script.out.mark([...native, 'training', 'devices'], 1, fit.node.firstChild!);
  if (signature.validation_split !== undefined) {
    copyArguments(script, fit, [...native, 'data'], [{ name: 'validation_split', position: signature.validation_split }], { validation_split: 'validationSplit' });
  }
  const callbacks = fit.args.keywords.get('callbacks') ?? fit.args.positional[signature.callbacks];
  if (callbacks) readCallbacks(script, callbacks);
}

function readCallbacks(script: Script, node: SyntaxNode): void {
  let list: SyntaxNode | undefined = node;
  for (let hops = 0; list?.name === 'VariableName' && hops < 8; hops++) list = script.index.definitionOf(textOf(list, script.text), list);
  const items = list?.name === 'ArrayExpression' ? children(list).filter((c) => !['[', ']', ','].includes(c.name)) : undefined;
  // A callback hplint cannot see (built elsewhere, a custom class, LearningRateScheduler) may stop early or
  // change the rate: both are then present, with unknown settings, so nothing is reported missing.
  if (!items || items.some((item) => !definingCall(script, item, /^keras\.callbacks\.\w+$/) || definingCall(script, item, UNSEEN_CALLBACKS))) {
    unknownCallbacks(script, node);
  }
  for (const item of items ?? []) {
    const early = definingCall(script, item, /^keras\.callbacks\.EarlyStopping$/);
    if (early) {
      script.out.locate(['native', 'training', 'earlyStopping'], early.node);
      script.out.section('native');
      copyArguments(script, early, ['native', 'training', 'earlyStopping'], [{ name: 'monitor', position: 0 }, { name: 'min_delta', position: 1 }, { name: 'patience', position: 2 }], { min_delta: 'minDelta' });
      markPresent(script, ['native', 'training', 'earlyStopping'], early);
    }
    const plateau = definingCall(script, item, /^keras\.callbacks\.ReduceLROnPlateau$/);
    if (plateau) {
      script.out.mark(['native', 'schedule', 'type'], 'reduceOnPlateau', plateau.node.firstChild!);
      copyArguments(script, plateau, ['native', 'schedule'], [{ name: 'monitor', position: 0 }, { name: 'factor', position: 1 }, { name: 'patience', position: 2 }, { name: 'min_lr' }], { min_lr: 'minLearningRate' });
    }
  }
}

/** Callbacks that may stop training or set the rate in ways hplint does not read. */
const UNSEEN_CALLBACKS = /^keras\.callbacks\.(LearningRateScheduler|LambdaCallback|Callback)$/;

function unknownCallbacks(script: Script, node: SyntaxNode): void {
  const native = script.out.section('native') as { training?: { earlyStopping?: object }; schedule?: object };
  native.training ??= {};
  native.training.earlyStopping ??= {};
  native.schedule ??= {};
  script.out.locate(['native', 'training', 'earlyStopping'], node);
  script.out.locate(['native', 'schedule'], node);
}

/** An early-stopping callback with no static settings is still there: its object exists in the config. */
function markPresent(script: Script, path: readonly string[], call: Call): void {
  const section = script.out.section('native') as { training?: { earlyStopping?: object } };
  section.training ??= {};
  section.training.earlyStopping ??= {};
  script.out.locate(path, call.node);
}
