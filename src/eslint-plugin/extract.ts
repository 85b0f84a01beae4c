import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { DocumentFacts } from '../engine/rule.js';
import { normalizeConfig } from '../model/normalize.js';
import type { Pointer } from '../model/pointer.js';
import { hplintSchema } from '../model/schema.js';
import type { TrainingConfig } from '../model/types.js';
import { Recorder } from './recorder.js';
import type { ValueWriter } from './recorder.js';
import { arrayElements, hasSpread, isNode, memberName, objectProperties, resolveExpression, staticValue, unwrap, variableOf } from './static.js';
import type { Scopes } from './static.js';
import { PretrainedWeights } from './pretrained.js';
import { GLOBAL_TF, TfjsBindings } from './tfjs-api.js';
import { EARLY_STOPPING_DEFAULTS, FIT_DEFAULTS, STRING_OPTIMIZER_LEARNING_RATES, TRAIN_FACTORIES } from '../adapters/defaults.js';

/** One training setup found in the code, in the canonical model, with the AST behind every path. */
export interface ExtractedSetup {
  readonly config: TrainingConfig;
  readonly facts: DocumentFacts;
  /** Where each canonical path is written; `''` is the setup as a whole (the model or the training call). */
  readonly nodes: ReadonlyMap<Pointer, TSESTree.Node>;
  /** The node a TF.js default is blamed on (the `'adam'` string, the `fit` call). */
  readonly anchors: ReadonlyMap<Pointer, TSESTree.Node>;
  readonly writers: ReadonlyMap<Pointer, ValueWriter>;
  readonly lists: ReadonlyMap<Pointer, readonly TSESTree.Node[]>;
}

export interface Extraction {
  readonly setups: readonly ExtractedSetup[];
}

const METHODS = new Set(['add', 'compile', 'fit', 'fitDataset']);
/** Layer config keys the canonical model has, taken from the schema (TF.js uses the same camelCase names). */
const LAYER_KEYS = Object.keys(hplintSchema.properties.model.properties.layers.items.properties).filter(
  (key) => !['type', 'layer', 'kernelRegularizer'].includes(key),
);
const REGULARIZERS = new Set(['regularizers.l1', 'regularizers.l2', 'regularizers.l1l2']);

/** A model the code builds (or loads), and the training calls made on it. */
interface Setup {
  readonly root: TSESTree.Node;
  readonly factory?: TSESTree.CallExpression;
  /** `core`: an optimizer of `tf.train` driven by `optimizer.minimize(…)` (the core API's own training loop). */
  readonly kind: 'sequential' | 'functional' | 'loaded' | 'core' | 'unbound';
  readonly adds: TSESTree.CallExpression[];
  readonly compiles: TSESTree.CallExpression[];
  readonly fits: TSESTree.CallExpression[];
}

/** `tf.sequential(`, `tf.train.adam(`, …: how a browser script that uses the global `tf` starts training. */
const GLOBAL_TF_USE = /\btf\s*\.\s*(?:sequential|model|loadLayersModel|train|layers)\b/;

/** The training setups of one file. Files that never mention TF.js cost one or two text searches. */
export function extract(sourceCode: TSESLint.SourceCode): Extraction {
  if (!sourceCode.text.includes('@tensorflow/tfjs') && !GLOBAL_TF_USE.test(sourceCode.text)) return { setups: [] };
  const scopes: Scopes = { scopeOf: (node) => sourceCode.getScope(node) };
  const bindings = new TfjsBindings(scopes);
  if (usesGlobalTf(sourceCode)) bindings.useGlobal();
  const calls: TSESTree.CallExpression[] = [];
  const freezes: TSESTree.AssignmentExpression[] = [];
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === 'ImportDeclaration') bindings.addImport(node);
    else if (node.type === 'ImportExpression') bindings.addRequire(node);
    else if (node.type === 'CallExpression') {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require') bindings.addRequire(node);
      else calls.push(node);
    } else if (isFreeze(node)) freezes.push(node);
  });
  if (bindings.isEmpty) return { setups: [] };
  return { setups: new Extractor(scopes, bindings, sourceCode.ast).run(calls, freezes) };
}

/** The script reads a `tf` it never declares (or one only ESLint's `globals` declare): TF.js' `<script>` global. */
function usesGlobalTf(sourceCode: TSESLint.SourceCode): boolean {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope) return false;
  const declared = globalScope.set.get(GLOBAL_TF);
  if (declared) return declared.defs.length === 0 && declared.references.length > 0;
  return globalScope.through.some((reference) => reference.identifier.name === GLOBAL_TF);
}

/** `x.trainable = false`. */
function isFreeze(node: TSESTree.Node): node is TSESTree.AssignmentExpression {
  return (
    node.type === 'AssignmentExpression' &&
    node.operator === '=' &&
    node.left.type === 'MemberExpression' &&
    !node.left.computed &&
    node.left.property.type === 'Identifier' &&
    node.left.property.name === 'trainable' &&
    node.right.type === 'Literal' &&
    node.right.value === false
  );
}

class Extractor {
  constructor(
    private readonly scopes: Scopes,
    private readonly api: TfjsBindings,
    private readonly program: TSESTree.Program,
  ) {}

  run(calls: readonly TSESTree.CallExpression[], freezes: readonly TSESTree.AssignmentExpression[]): ExtractedSetup[] {
    const byVariable = new Map<TSESLint.Scope.Variable, Setup>();
    const setups: Setup[] = [];
    for (const call of calls) {
      const kind = this.factoryKind(call);
      if (!kind) continue;
      const setup: Setup = { root: call, factory: call, kind, adds: [], compiles: [], fits: [] };
      setups.push(setup);
      const variable = this.declaredVariable(call);
      if (variable) byVariable.set(variable, setup);
    }
    const unbound: Setup = { root: this.program, kind: 'unbound', adds: [], compiles: [], fits: [] };
    for (const call of calls) {
      const method = this.modelMethod(call);
      if (!method) continue;
      const receiver = unwrap((call.callee as TSESTree.MemberExpression).object);
      const variable = receiver.type === 'Identifier' ? variableOf(receiver, this.scopes) : undefined;
      const setup = (variable && byVariable.get(variable)) ?? unbound;
      if (method === 'add') setup.adds.push(call);
      else if (method === 'compile') setup.compiles.push(call);
      else setup.fits.push(call);
    }
    this.attachUnbound(setups, unbound);
    setups.push(...this.coreSetups(calls, setups));
    const loaded = new Set([...byVariable].filter(([, setup]) => setup.kind === 'loaded').map(([variable]) => variable));
    const pretrained = new PretrainedWeights(this.scopes, loaded, freezes);
    return setups.flatMap((setup) => this.build(setup, pretrained));
  }

  /**
   * Core-API training: `const optimizer = tf.train.adam(0.01)` stepped by `optimizer.minimize(() => loss)`
   * (or `applyGradients`), usually in a loop. One setup per optimizer that no `compile` already uses.
   */
  private coreSetups(calls: readonly TSESTree.CallExpression[], setups: readonly Setup[]): Setup[] {
    const compiled = new Set<TSESTree.Node>();
    for (const compile of setups.flatMap((setup) => setup.compiles)) {
      const optimizer = objectProperties(compile.arguments[0], this.scopes)?.get('optimizer');
      if (optimizer) compiled.add(resolveExpression(optimizer.value, this.scopes));
    }
    const byOptimizer = new Map<TSESTree.Node, Setup>();
    for (const call of calls) {
      if (call.callee.type !== 'MemberExpression') continue;
      const method = memberName(call.callee, this.scopes);
      if (method !== 'minimize' && method !== 'applyGradients') continue;
      const optimizer = resolveExpression(call.callee.object, this.scopes);
      if (optimizer.type !== 'CallExpression' || !this.api.callOf(optimizer)?.startsWith('train.') || compiled.has(optimizer) || byOptimizer.has(optimizer)) continue;
      byOptimizer.set(optimizer, { root: call, factory: optimizer, kind: 'core', adds: [], compiles: [], fits: [] });
    }
    return [...byOptimizer.values()];
  }

  /**
   * Training calls on a model the extractor cannot follow (a function parameter, the result of
   * `createModel()`) belong to the file's only model when there is one; otherwise they stand alone.
   */
  private attachUnbound(setups: Setup[], unbound: Setup): void {
    if (unbound.compiles.length === 0 && unbound.fits.length === 0) return;
    const built = setups.filter((s) => s.kind === 'sequential' || s.kind === 'functional');
    const target = built.length === 1 ? built[0] : built.length === 0 && setups.length === 1 ? setups[0] : undefined;
    if (!target) {
      setups.push(unbound);
      return;
    }
    target.compiles.push(...unbound.compiles);
    target.fits.push(...unbound.fits);
    const byPosition = (a: TSESTree.Node, b: TSESTree.Node) => a.range[0] - b.range[0];
    target.compiles.sort(byPosition);
    target.fits.sort(byPosition);
  }

  private factoryKind(call: TSESTree.CallExpression): Setup['kind'] | undefined {
    const api = this.api.callOf(call);
    if (api === 'sequential') return 'sequential';
    if (api === 'model') return 'functional';
    if (api === 'loadLayersModel') return 'loaded';
    return undefined;
  }

  /** `const model = tf.sequential()` → the variable `model`. */
  private declaredVariable(call: TSESTree.CallExpression): TSESLint.Scope.Variable | undefined {
    let node: TSESTree.Node = call;
    while (node.parent && (node.parent.type === 'AwaitExpression' || node.parent.type === 'TSAsExpression')) node = node.parent;
    const declarator = node.parent;
    if (declarator?.type !== 'VariableDeclarator' || declarator.id.type !== 'Identifier') return undefined;
    return variableOf(declarator.id, this.scopes);
  }

  /** `x.add(layer)`, `x.compile({…})`, `x.fit(a, b, …)`, `x.fitDataset(ds, …)`, shaped as model calls. */
  private modelMethod(call: TSESTree.CallExpression): string | undefined {
    if (call.callee.type !== 'MemberExpression') return undefined;
    const name = memberName(call.callee, this.scopes);
    if (name === undefined || !METHODS.has(name)) return undefined;
    const [first] = call.arguments;
    if (name === 'add') return first && this.api.callOf(resolveExpression(first, this.scopes))?.startsWith('layers.') ? name : undefined;
    if (name === 'compile') {
      const options = objectProperties(first, this.scopes);
      return options?.has('optimizer') || options?.has('loss') ? name : undefined;
    }
    if (name === 'fit') return call.arguments.length >= 2 ? name : undefined;
    return first ? name : undefined;
  }

  /** One config per `compile` call (a phase of training); `fit` calls belong to the compile before them. */
  private build(setup: Setup, weights: PretrainedWeights): ExtractedSetup[] {
    const phases = setup.compiles.length > 0 ? setup.compiles : [undefined];
    return phases.flatMap((compile, index) => {
      const next = setup.compiles[index + 1];
      const fits = setup.fits.filter((fit) => (index === 0 || fit.range[0] > compile!.range[0]) && (!next || fit.range[0] < next.range[0]));
      const recorder = new Recorder(this.scopes);
      recorder.locate([], compile ?? fits[0] ?? setup.root);
      const pretrained = trainsPretrainedWeights(setup, weights);
      if (pretrained !== undefined) recorder.builder.set(['pretrained'], pretrained);
      if (setup.kind === 'core') this.readOptimizer(recorder, setup.factory!);
      const outputs = this.readModel(recorder, setup);
      if (compile) this.readCompile(recorder, compile, outputs);
      for (const fit of fits) this.readFit(recorder, fit);
      if (!compile && fits.length === 0 && !recorder.builder.config.model && setup.kind !== 'core') return [];
      return [finish(recorder)];
    });
  }

  // ---- models -------------------------------------------------------------------------------------

  /** Reads the layers; returns the output names of a functional model (for per-output losses). */
  private readModel(recorder: Recorder, setup: Setup): (string | undefined)[] {
    const factory = setup.factory;
    if (setup.kind === 'sequential' && factory) {
      const layers = objectProperties(factory.arguments[0], this.scopes)?.get('layers');
      const elements = layers ? arrayElements(layers.value, this.scopes) : [];
      if (!elements) return [];
      const adds = setup.adds.every((add) => isStraightLine(add)) ? setup.adds : undefined;
      if (!adds) return [];
      const items = [...elements, ...adds.map((add) => add.arguments[0]!)];
      items.forEach((item, index) => this.readLayer(recorder, ['model', 'layers', index], item));
      const siblings: TSESTree.Node[] = adds.length === 0 ? elements : elements.length === 0 ? adds.map((add) => add.parent) : [];
      const statements = adds.length === 0 || siblings.every((s) => s.type === 'ExpressionStatement');
      if (items.length > 0 && statements && siblings.length === items.length && siblings.every((s) => s.parent === siblings[0]!.parent)) {
        recorder.lists.set('/model/layers', siblings);
      }
      return [];
    }
    if (setup.kind === 'functional' && factory) return this.readGraph(recorder, factory);
    return [];
  }

  /**
   * `tf.model({inputs, outputs})` built from static `layer.apply(x)` chains. Layers are listed inputs
   * first (depth-first from each output); where two neighbours in that list are not connected, an
   * empty placeholder keeps order-sensitive rules from pairing layers of different branches.
   */
  private readGraph(recorder: Recorder, factory: TSESTree.CallExpression): (string | undefined)[] {
    const outputsNode = objectProperties(factory.arguments[0], this.scopes)?.get('outputs');
    if (!outputsNode) return [];
    const outputs = arrayElements(outputsNode.value, this.scopes) ?? [outputsNode.value];
    const order: { apply: TSESTree.Node; layer: TSESTree.Node; inputs: TSESTree.Node[] }[] = [];
    const seen = new Set<TSESTree.Node>();
    let readable = true;
    const visit = (expression: TSESTree.Node): TSESTree.Node | undefined => {
      const node = resolveExpression(expression, this.scopes);
      if (seen.has(node)) return node;
      if (this.api.callOf(node) === 'input') return undefined;
      if (node.type !== 'CallExpression' || node.callee.type !== 'MemberExpression' || memberName(node.callee, this.scopes) !== 'apply' || !node.arguments[0]) {
        readable = false;
        return undefined;
      }
      seen.add(node);
      const argument = node.arguments[0];
      const inputs = (arrayElements(argument, this.scopes) ?? [argument]).map(visit).filter((n): n is TSESTree.Node => n !== undefined);
      order.push({ apply: node, layer: node.callee.object, inputs });
      return node;
    };
    const outputApplies = outputs.map(visit);
    if (!readable) return [];
    let index = 0;
    order.forEach((entry, position) => {
      const previous = order[position - 1];
      if (previous && !entry.inputs.includes(previous.apply)) recorder.builder.set(['model', 'layers', index++], {});
      this.readLayer(recorder, ['model', 'layers', index++], entry.layer);
    });
    return outputApplies.map((apply) => {
      const entry = order.find((e) => e.apply === apply);
      const name = entry && this.layerCall(entry.layer)?.config?.get('name');
      const value = name ? staticValue(name.value, this.scopes)?.value : undefined;
      return typeof value === 'string' ? value : undefined;
    });
  }

  /** `tf.layers.<type>({…})`, through names, with its config properties when they are static. */
  private layerCall(expression: TSESTree.Node): { call: TSESTree.CallExpression; type: string; config?: Map<string, TSESTree.Property> } | undefined {
    const call = resolveExpression(expression, this.scopes);
    const api = this.api.callOf(call);
    if (call.type !== 'CallExpression' || !api?.startsWith('layers.')) return undefined;
    const config = objectProperties(call.arguments[0], this.scopes);
    return { call, type: api.slice('layers.'.length), ...(config ? { config } : {}) };
  }

  private readLayer(recorder: Recorder, path: readonly (string | number)[], expression: TSESTree.Node): void {
    const layer = this.layerCall(expression);
    if (!layer) {
      // Some layer the extractor cannot read (a pretrained model, a custom layer): present, unknown.
      recorder.builder.set(path, {});
      recorder.locate(path, expression);
      return;
    }
    recorder.locate(path, layer.call);
    recorder.set([...path, 'type'], layer.type, layer.call.callee);
    const config = layer.config;
    if (!config) return;
    // A kernel is judged with its stride (see kernel-size): a stride the code computes leaves it unknown.
    const strides = config.get('strides');
    const unknownStrides = strides !== undefined && staticValue(strides.value, this.scopes)?.value === undefined;
    for (const key of LAYER_KEYS) {
      if (key === 'kernelSize' && unknownStrides) continue;
      if (key === 'inputShape') this.readInputShape(recorder, [...path, key], config.get(key)?.value);
      else recorder.value([...path, key], config.get(key)?.value);
    }
    const regularizer = config.get('kernelRegularizer');
    if (regularizer) this.readRegularizer(recorder, [...path, 'kernelRegularizer'], regularizer.value);
    const inner = config.get('layer');
    if (inner && path.length === 3) this.readLayer(recorder, [...path, 'layer'], inner.value);
  }

  /**
   * TF.js builds a layer's batch input shape as `[batchSize].concat(inputShape)`, so `inputShape: 1` is
   * the shape `[1]`. Anything but a number or a list of whole numbers (and nulls) is left unknown: the
   * extractor does not re-implement TF.js' shape checks, and `invalid-value` must not guess at them.
   */
  private readInputShape(recorder: Recorder, path: readonly (string | number)[], node: TSESTree.Node | undefined): void {
    if (!node) return;
    const shape = staticValue(node, this.scopes)?.value;
    if (typeof shape === 'number' && Number.isInteger(shape)) recorder.set(path, [shape], node);
    else if (Array.isArray(shape) && shape.every((d) => d === null || Number.isInteger(d))) recorder.value(path, node);
  }

  private readRegularizer(recorder: Recorder, path: readonly (string | number)[], expression: TSESTree.Node): void {
    const call = resolveExpression(expression, this.scopes);
    const api = this.api.callOf(call);
    if (call.type !== 'CallExpression' || !api || !REGULARIZERS.has(api)) return;
    recorder.locate(path, call);
    const config = objectProperties(call.arguments[0], this.scopes);
    for (const key of ['l1', 'l2']) recorder.value([...path, key], config?.get(key)?.value);
  }

  // ---- compile ------------------------------------------------------------------------------------

  private readCompile(recorder: Recorder, compile: TSESTree.CallExpression, outputs: readonly (string | undefined)[]): void {
    const options = objectProperties(compile.arguments[0], this.scopes)!;
    const optimizer = options.get('optimizer');
    if (optimizer) this.readOptimizer(recorder, optimizer.value);
    const loss = options.get('loss');
    if (loss) this.readLosses(recorder, loss.value, options.get('lossWeights')?.value, outputs);
  }

  private readOptimizer(recorder: Recorder, expression: TSESTree.Node): void {
    const node = resolveExpression(expression, this.scopes);
    const written = staticValue(node, this.scopes)?.value;
    if (typeof written === 'string') {
      recorder.set(['optimizer', 'name'], written, expression);
      recorder.locate(['optimizer'], expression);
      const learningRate = Object.hasOwn(STRING_OPTIMIZER_LEARNING_RATES, written) ? STRING_OPTIMIZER_LEARNING_RATES[written] : undefined;
      const factory = this.api.spell(['train', written]);
      if (learningRate === undefined) return;
      const writer: ValueWriter | undefined = factory ? (fixer, text) => fixer.replaceText(expression, `${factory}(${text})`) : undefined;
      recorder.setDefault(['optimizer', 'learningRate'], learningRate, expression, writer);
      return;
    }
    const api = this.api.callOf(node);
    if (node.type !== 'CallExpression' || !api?.startsWith('train.')) return;
    const name = api.slice('train.'.length);
    const factory = Object.hasOwn(TRAIN_FACTORIES, name) ? TRAIN_FACTORIES[name] : undefined;
    if (!factory) return;
    recorder.set(['optimizer', 'name'], name, node.callee);
    recorder.locate(['optimizer'], node);
    factory.params.forEach((param, index) => {
      if (param) recorder.value(['optimizer', param], node.arguments[index]);
    });
    if (node.arguments.length === 0 && factory.learningRate !== undefined) {
      recorder.setDefault(['optimizer', 'learningRate'], factory.learningRate, node, (fixer, text) => fixer.insertTextAfterRange([node.range[1] - 1, node.range[1] - 1], text));
    }
  }

  /** `loss: 'x'`, `loss: ['x', 'y']`, `loss: {out: 'x'}` (strings or `tf.losses.*`), with `lossWeights`. */
  private readLosses(recorder: Recorder, lossNode: TSESTree.Node, weightsNode: TSESTree.Node | undefined, outputs: readonly (string | undefined)[]): void {
    const perOutput = objectProperties(lossNode, this.scopes);
    // A list of losses pairs with the outputs by position; an output without a name gets a label no layer
    // has, so that no rule pairs its loss with the wrong head.
    const outputFor = (index: number) => {
      if (outputs.length < 2 && !outputs[index]) return {};
      return { output: outputs[index] ?? `output ${index}` };
    };
    const terms: { output?: string; node: TSESTree.Node }[] = perOutput
      ? [...perOutput].map(([output, property]) => ({ output, node: property.value }))
      : (arrayElements(lossNode, this.scopes) ?? [lossNode]).map((node, index) => ({ node, ...outputFor(index) }));
    const weightList = weightsNode ? arrayElements(weightsNode, this.scopes) : undefined;
    const weightMap = weightsNode ? objectProperties(weightsNode, this.scopes) : undefined;
    terms.forEach((term, index) => {
      const path = ['losses', index];
      recorder.locate(path, term.node);
      const name = this.lossName(term.node);
      if (name) recorder.builder.set([...path, 'name'], name);
      if (term.output) recorder.builder.set([...path, 'output'], term.output);
      const weight = weightList?.[index] ?? (term.output ? weightMap?.get(term.output)?.value : undefined);
      recorder.value([...path, 'weight'], weight);
    });
  }

  private lossName(node: TSESTree.Node): string | undefined {
    const written = staticValue(node, this.scopes)?.value;
    if (typeof written === 'string') return written;
    const api = this.api.pathOf(resolveExpression(node, this.scopes));
    return api?.[0] === 'losses' && api.length === 2 ? api[1] : undefined;
  }

  // ---- fit ----------------------------------------------------------------------------------------

  private readFit(recorder: Recorder, call: TSESTree.CallExpression): void {
    const dataset = memberName(call.callee as TSESTree.MemberExpression, this.scopes) === 'fitDataset';
    const optionsNode = call.arguments[dataset ? 1 : 2];
    const options = optionsNode ? objectProperties(optionsNode, this.scopes) : new Map<string, TSESTree.Property>();
    // Options spread in from elsewhere may set anything: nothing is read from them as a default.
    if (!options || hasSpread(optionsNode, this.scopes)) return;
    const insert = insertOption(call, optionsNode);
    if (dataset) this.readDatasetBatch(recorder, call.arguments[0]!);
    else if (!recorder.value(['training', 'batchSize'], options.get('batchSize')?.value) && !options.has('batchSize')) {
      recorder.setDefault(['training', 'batchSize'], FIT_DEFAULTS.batchSize, optionsNode ?? call, insert('batchSize'));
    }
    if (!recorder.value(['training', 'epochs'], options.get('epochs')?.value) && !options.has('epochs')) {
      recorder.setDefault(['training', 'epochs'], FIT_DEFAULTS.epochs, optionsNode ?? call, insert('epochs'));
    }
    // Without validationSplit or validationData TF.js validates on nothing; with validationData the size is unknown.
    if (!recorder.value(['data', 'validationSplit'], options.get('validationSplit')?.value) && !options.has('validationSplit') && !options.has('validationData')) {
      // fitDataset has no validationSplit option: there the data must come as validationData.
      recorder.setDefault(['data', 'validationSplit'], FIT_DEFAULTS.validationSplit, optionsNode ?? call, dataset ? undefined : insert('validationSplit'));
    }
    const callbacks = options.get('callbacks');
    if (callbacks) this.readCallbacks(recorder, callbacks.value);
  }

  /** `model.fitDataset(ds, …)`: the batch size is the argument of the last `.batch(n)` in the dataset's chain. */
  private readDatasetBatch(recorder: Recorder, expression: TSESTree.Node): void {
    let node = resolveExpression(expression, this.scopes);
    for (let depth = 0; depth < 16 && node.type === 'CallExpression' && node.callee.type === 'MemberExpression'; depth++) {
      if (memberName(node.callee, this.scopes) === 'batch') {
        recorder.value(['training', 'batchSize'], node.arguments[0]);
        return;
      }
      node = resolveExpression(node.callee.object, this.scopes);
    }
  }

  private readCallbacks(recorder: Recorder, expression: TSESTree.Node): void {
    for (const element of arrayElements(expression, this.scopes) ?? [expression]) {
      const call = resolveExpression(element, this.scopes);
      if (call.type !== 'CallExpression' || this.api.callOf(call) !== 'callbacks.earlyStopping') continue;
      const path = ['training', 'earlyStopping'];
      recorder.locate(path, call);
      // Spread-in settings may set anything: the callback is there, its settings are unknown.
      if (hasSpread(call.arguments[0], this.scopes)) {
        recorder.builder.set(path, {});
        continue;
      }
      const config = objectProperties(call.arguments[0], this.scopes) ?? new Map<string, TSESTree.Property>();
      for (const [key, fallback] of Object.entries(EARLY_STOPPING_DEFAULTS)) {
        if (!recorder.value([...path, key], config.get(key)?.value) && !config.has(key)) recorder.setDefault([...path, key], fallback, call);
      }
      recorder.value([...path, 'minDelta'], config.get('minDelta')?.value);
    }
  }
}

/** A loaded model trained itself fine-tunes; a built one does when it contains a loaded model left trainable. */
function trainsPretrainedWeights(setup: Setup, weights: PretrainedWeights): boolean | undefined {
  if (setup.kind === 'loaded') return true;
  if ((setup.kind !== 'sequential' && setup.kind !== 'functional') || !setup.factory) return undefined;
  // A model built layer by layer from no loaded model trains from scratch (its regime for learning-rate-range).
  return weights.ofBuiltModel([setup.factory, ...setup.adds]) ?? false;
}

/** How to add a missing `name: value` option to a training call: into its options object, or as a new argument. */
function insertOption(call: TSESTree.CallExpression, optionsNode: TSESTree.Node | undefined): (key: string) => ValueWriter | undefined {
  return (key) => {
    if (!optionsNode) {
      const last = call.arguments.at(-1);
      return last ? (fixer, text) => fixer.insertTextAfter(last, `, { ${key}: ${text} }`) : undefined;
    }
    const object = unwrap(optionsNode);
    if (object.type !== 'ObjectExpression') return undefined;
    const first = object.properties[0];
    if (!first) return (fixer, text) => fixer.replaceText(object, `{ ${key}: ${text} }`);
    return (fixer, text) => fixer.insertTextBefore(first, `${key}: ${text}, `);
  };
}

/** True when the call runs exactly once per run of its function: not in a loop, a branch or a callback. */
function isStraightLine(call: TSESTree.Node): boolean {
  for (let node = call.parent; node; node = node.parent) {
    switch (node.type) {
      case 'FunctionDeclaration':
      case 'Program':
        return true;
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return node.parent?.type !== 'CallExpression' || node.parent.callee === node;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'IfStatement':
      case 'SwitchStatement':
      case 'ConditionalExpression':
      case 'LogicalExpression':
        return false;
      default:
    }
  }
  return true;
}

function finish(recorder: Recorder): ExtractedSetup {
  const { config, typeProblems, unknownKeys } = normalizeConfig(recorder.builder.config);
  const defaults = recorder.builder.defaults;
  const facts: DocumentFacts = {
    format: 'tfjs',
    rawScalar: () => undefined,
    defaultOf: (path) => defaults.get(path),
    typeProblems,
    unknownKeys,
    tags: [],
  };
  return { config, facts, nodes: recorder.nodes, anchors: recorder.anchors, writers: recorder.writers, lists: recorder.lists };
}

/** Type annotations hold no training calls: the walk skips them. */
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeArguments', 'implements', 'decorators']);

/** Visits every node in source order. */
function walk(root: TSESTree.Node, keys: TSESLint.SourceCode.VisitorKeys, visit: (node: TSESTree.Node) => void): void {
  const stack: TSESTree.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const nodeKeys = keys[node.type] ?? [];
    // Pushed last key first, last item first, so that nodes pop in source order.
    for (let k = nodeKeys.length - 1; k >= 0; k--) {
      const key = nodeKeys[k]!;
      if (TYPE_KEYS.has(key)) continue;
      const child = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(child)) {
        for (let i = child.length - 1; i >= 0; i--) if (isNode(child[i])) stack.push(child[i] as TSESTree.Node);
      } else if (isNode(child)) stack.push(child);
    }
  }
}
