import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { DocumentFacts } from '../engine/rule.js';
import { normalizeConfig } from '../model/normalize.js';
import type { Pointer } from '../model/pointer.js';
import { hplintSchema } from '../model/schema.js';
import type { TrainingConfig } from '../model/types.js';
import { Recorder } from './recorder.js';
import type { ValueWriter } from './recorder.js';
import { arrayElements, hasSpread, memberName, objectProperties, resolveExpression, staticValue, unwrap, variableOf } from './static.js';
import type { Scopes } from './static.js';
import { TfjsBindings } from './tfjs-api.js';
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
  readonly kind: 'sequential' | 'functional' | 'loaded' | 'unbound';
  readonly adds: TSESTree.CallExpression[];
  readonly compiles: TSESTree.CallExpression[];
  readonly fits: TSESTree.CallExpression[];
}

/** The training setups of one file. Files that never import TF.js cost one text search. */
export function extract(sourceCode: TSESLint.SourceCode): Extraction {
  if (!sourceCode.text.includes('@tensorflow/tfjs')) return { setups: [] };
  const scopes: Scopes = { scopeOf: (node) => sourceCode.getScope(node) };
  const bindings = new TfjsBindings(scopes);
  const calls: TSESTree.CallExpression[] = [];
  walk(sourceCode.ast, sourceCode.visitorKeys, (node) => {
    if (node.type === AST_NODE_TYPES.ImportDeclaration) bindings.addImport(node);
    else if (node.type === AST_NODE_TYPES.CallExpression) {
      if (node.callee.type === AST_NODE_TYPES.Identifier && node.callee.name === 'require') bindings.addRequire(node);
      else calls.push(node);
    }
  });
  if (bindings.isEmpty) return { setups: [] };
  return { setups: new Extractor(scopes, bindings, sourceCode.ast).run(calls) };
}

class Extractor {
  constructor(
    private readonly scopes: Scopes,
    private readonly api: TfjsBindings,
    private readonly program: TSESTree.Program,
  ) {}

  run(calls: readonly TSESTree.CallExpression[]): ExtractedSetup[] {
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
      const variable = receiver.type === AST_NODE_TYPES.Identifier ? variableOf(receiver, this.scopes) : undefined;
      const setup = (variable && byVariable.get(variable)) ?? unbound;
      if (method === 'add') setup.adds.push(call);
      else if (method === 'compile') setup.compiles.push(call);
      else setup.fits.push(call);
    }
    this.attachUnbound(setups, unbound);
    return setups.flatMap((setup) => this.build(setup));
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
    while (node.parent && (node.parent.type === AST_NODE_TYPES.AwaitExpression || node.parent.type === AST_NODE_TYPES.TSAsExpression)) node = node.parent;
    const declarator = node.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) return undefined;
    return variableOf(declarator.id, this.scopes);
  }

  /** `x.add(layer)`, `x.compile({…})`, `x.fit(a, b, …)`, `x.fitDataset(ds, …)`, shaped as model calls. */
  private modelMethod(call: TSESTree.CallExpression): string | undefined {
    if (call.callee.type !== AST_NODE_TYPES.MemberExpression) return undefined;
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
  private build(setup: Setup): ExtractedSetup[] {
    const phases = setup.compiles.length > 0 ? setup.compiles : [undefined];
    return phases.flatMap((compile, index) => {
      const next = setup.compiles[index + 1];
      const fits = setup.fits.filter((fit) => (index === 0 || fit.range[0] > compile!.range[0]) && (!next || fit.range[0] < next.range[0]));
      const recorder = new Recorder(this.scopes);
      recorder.locate([], compile ?? fits[0] ?? setup.root);
      // A model loaded from a file is pretrained; one built layer by layer in the code trains from scratch.
      if (setup.kind !== 'unbound') recorder.builder.set(['pretrained'], setup.kind === 'loaded');
      const outputs = this.readModel(recorder, setup);
      if (compile) this.readCompile(recorder, compile, outputs);
      for (const fit of fits) this.readFit(recorder, fit);
      if (!compile && fits.length === 0 && !recorder.builder.config.model) return [];
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
      const statements = adds.length === 0 || siblings.every((s) => s.type === AST_NODE_TYPES.ExpressionStatement);
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
      if (node.type !== AST_NODE_TYPES.CallExpression || node.callee.type !== AST_NODE_TYPES.MemberExpression || memberName(node.callee, this.scopes) !== 'apply' || !node.arguments[0]) {
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
    if (call.type !== AST_NODE_TYPES.CallExpression || !api?.startsWith('layers.')) return undefined;
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
    for (const key of LAYER_KEYS) recorder.value([...path, key], config.get(key)?.value);
    const regularizer = config.get('kernelRegularizer');
    if (regularizer) this.readRegularizer(recorder, [...path, 'kernelRegularizer'], regularizer.value);
    const inner = config.get('layer');
    if (inner && path.length === 3) this.readLayer(recorder, [...path, 'layer'], inner.value);
  }

  private readRegularizer(recorder: Recorder, path: readonly (string | number)[], expression: TSESTree.Node): void {
    const call = resolveExpression(expression, this.scopes);
    const api = this.api.callOf(call);
    if (call.type !== AST_NODE_TYPES.CallExpression || !api || !REGULARIZERS.has(api)) return;
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
    if (node.type !== AST_NODE_TYPES.CallExpression || !api?.startsWith('train.')) return;
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
    for (let depth = 0; depth < 16 && node.type === AST_NODE_TYPES.CallExpression && node.callee.type === AST_NODE_TYPES.MemberExpression; depth++) {
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
      if (call.type !== AST_NODE_TYPES.CallExpression || this.api.callOf(call) !== 'callbacks.earlyStopping') continue;
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

/** How to add a missing `name: value` option to a training call: into its options object, or as a new argument. */
function insertOption(call: TSESTree.CallExpression, optionsNode: TSESTree.Node | undefined): (key: string) => ValueWriter | undefined {
  return (key) => {
    if (!optionsNode) {
      const last = call.arguments.at(-1);
      return last ? (fixer, text) => fixer.insertTextAfter(last, `, { ${key}: ${text} }`) : undefined;
    }
    const object = unwrap(optionsNode);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const first = object.properties[0];
    if (!first) return (fixer, text) => fixer.replaceText(object, `{ ${key}: ${text} }`);
    return (fixer, text) => fixer.insertTextBefore(first, `${key}: ${text}, `);
  };
}

/** True when the call runs exactly once per run of its function: not in a loop, a branch or a callback. */
function isStraightLine(call: TSESTree.Node): boolean {
  for (let node = call.parent; node; node = node.parent) {
    switch (node.type) {
      case AST_NODE_TYPES.FunctionDeclaration:
      case AST_NODE_TYPES.Program:
        return true;
      case AST_NODE_TYPES.FunctionExpression:
      case AST_NODE_TYPES.ArrowFunctionExpression:
        return node.parent?.type !== AST_NODE_TYPES.CallExpression || node.parent.callee === node;
      case AST_NODE_TYPES.ForStatement:
      case AST_NODE_TYPES.ForInStatement:
      case AST_NODE_TYPES.ForOfStatement:
      case AST_NODE_TYPES.WhileStatement:
      case AST_NODE_TYPES.DoWhileStatement:
      case AST_NODE_TYPES.IfStatement:
      case AST_NODE_TYPES.SwitchStatement:
      case AST_NODE_TYPES.ConditionalExpression:
      case AST_NODE_TYPES.LogicalExpression:
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

function isNode(value: unknown): value is TSESTree.Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
