import { assignedName, callsMatching, copyArguments, keywordSpecs, useOf } from './context.js';
import type { ArgumentSpec, Call, Script } from './context.js';
import { argument, enclosingClass, enclosingFunctionName } from '../syntax.js';

/**
 * PyTorch: `torch.optim.*`, `torch.optim.lr_scheduler.*` and `DataLoader(batch_size=…)` become a
 * LightningCLI-shaped config (`optimizer`/`lr_scheduler` as `class_path` + `init_args`, `data.batch_size`),
 * which the Lightning adapter reads with torch's own defaults; `nn.Sequential(...)` and the layers an
 * `nn.Module.__init__` creates become canonical layers.
 */

/** Signature positions after `params` (every torch optimizer takes `lr` second). */
const OPTIMIZER_SIGNATURES: Readonly<Record<string, readonly string[]>> = {
  SGD: ['params', 'lr', 'momentum', 'dampening', 'weight_decay', 'nesterov'],
  Adam: ['params', 'lr', 'betas', 'eps', 'weight_decay'],
  AdamW: ['params', 'lr', 'betas', 'eps', 'weight_decay'],
  RMSprop: ['params', 'lr', 'alpha', 'eps', 'weight_decay', 'momentum'],
  Adagrad: ['params', 'lr', 'lr_decay', 'weight_decay'],
};
const OPTIMIZER_KEYWORDS = ['lr', 'momentum', 'nesterov', 'weight_decay', 'eps', 'betas'];

const SCHEDULER_SIGNATURES: Readonly<Record<string, readonly string[]>> = {
  StepLR: ['optimizer', 'step_size', 'gamma'],
  ExponentialLR: ['optimizer', 'gamma'],
  CosineAnnealingLR: ['optimizer', 'T_max', 'eta_min'],
  ReduceLROnPlateau: ['optimizer', 'mode', 'factor', 'patience', 'threshold', 'threshold_mode', 'cooldown', 'min_lr'],
};

export function readTorch(script: Script): void {
  readOptimizer(script);
  readScheduler(script);
  readDataLoader(script);
  readLayers(script);
}

function specsOf(signature: readonly string[] | undefined, keywords: readonly string[]): ArgumentSpec[] {
  const names = new Set([...keywords, ...(signature ?? [])]);
  return [...names].map((name) => {
    const position = signature?.indexOf(name) ?? -1;
    return position > 0 ? { name, position } : { name };
  });
}

/** The first optimizer the script builds (a GAN's second one is usually its twin). */
function readOptimizer(script: Script): void {
  const call = callsMatching(script, /^torch\.optim\.[A-Z]\w*$/)[0];
  if (!call) return;
  const className = call.callee.split('.').pop()!;
  markClass(script, ['lightning', 'optimizer'], call);
  const signature = OPTIMIZER_SIGNATURES[className] ?? ['params', 'lr'];
  copyArguments(script, call, ['lightning', 'optimizer', 'init_args'], specsOf(signature, OPTIMIZER_KEYWORDS));
  if (call.args.open) script.out.open.add('lightning');
}

function readScheduler(script: Script): void {
  const call = callsMatching(script, /^torch\.optim\.lr_scheduler\.\w+$/)[0];
  if (!call) return;
  const className = call.callee.split('.').pop()!;
  markClass(script, ['lightning', 'lr_scheduler'], call);
  copyArguments(script, call, ['lightning', 'lr_scheduler', 'init_args'], specsOf(SCHEDULER_SIGNATURES[className], keywordSpecs(call).map((s) => s.name)));
}

/** `class_path` stands for the call's class, pointed at its callee. */
export function markClass(script: Script, path: readonly string[], call: Call): void {
  const callee = call.node.firstChild!;
  script.out.mark([...path, 'class_path'], call.callee, callee);
  script.out.section(path[0] as 'lightning');
}

/**
 * The training loader's batch size: the loader that shuffles, or is named for training, or the only
 * one. Evaluation loaders are often larger and say nothing about the gradient's batch.
 */
function readDataLoader(script: Script): void {
  const loaders = callsMatching(script, /^(torch\.utils\.data\.)?DataLoader$/);
  const shuffles = (call: Call) => call.args.keywords.get('shuffle') && script.index.resolve(call.args.keywords.get('shuffle'))?.value === true;
  const named = (call: Call) => /train/i.test(assignedName(call.node, script.text) ?? '');
  const training = loaders.find(shuffles) ?? loaders.find(named);
  const loader = training ?? (loaders.length === 1 ? loaders[0] : undefined);
  if (!loader) return;
  copyArguments(script, loader, ['lightning', 'data'], [{ name: 'batch_size', position: 1 }]);
  // `DataLoader(ds)` batches one example at a time: torch's default, unless a batch sampler or
  // `**kwargs` decides. Only for the loader known to train (an evaluation loader's batch says nothing).
  if (loader === training && !argument(loader.args, 'batch_size', 1) && !argument(loader.args, 'batch_sampler', 3) && !loader.args.open) {
    script.out.mark(['lightning', 'data', 'batch_size'], 1, loader.node.firstChild!);
  }
}

/** `(in_channels, out_channels, kernel_size, stride, …)`, for convolutions and transposed convolutions alike. */
const CONV_ARGS = [['filters', 'out_channels', 1], ['kernelSize', 'kernel_size', 2], ['strides', 'stride', 3]] as const;

/** torch.nn class → canonical layer type and the arguments read (canonical name, torch keyword, position). */
const LAYERS: Readonly<Record<string, { type: string; args: readonly (readonly [string, string, number])[] }>> = {
  Dropout: { type: 'dropout', args: [['rate', 'p', 0]] },
  Dropout1d: { type: 'dropout', args: [['rate', 'p', 0]] },
  Dropout2d: { type: 'spatialDropout2d', args: [['rate', 'p', 0]] },
  Dropout3d: { type: 'spatialDropout3d', args: [['rate', 'p', 0]] },
  AlphaDropout: { type: 'alphaDropout', args: [['rate', 'p', 0]] },
  BatchNorm1d: { type: 'batchNormalization', args: [] },
  BatchNorm2d: { type: 'batchNormalization', args: [] },
  BatchNorm3d: { type: 'batchNormalization', args: [] },
  Linear: { type: 'dense', args: [['units', 'out_features', 1]] },
  Conv1d: { type: 'conv1d', args: CONV_ARGS },
  Conv2d: { type: 'conv2d', args: CONV_ARGS },
  Conv3d: { type: 'conv3d', args: CONV_ARGS },
  ConvTranspose1d: { type: 'conv1dTranspose', args: CONV_ARGS },
  ConvTranspose2d: { type: 'conv2dTranspose', args: CONV_ARGS },
  ConvTranspose3d: { type: 'conv3dTranspose', args: CONV_ARGS },
  LSTM: { type: 'lstm', args: [['units', 'hidden_size', 1]] },
  GRU: { type: 'gru', args: [['units', 'hidden_size', 1]] },
  ReLU: { type: 'activation', args: [] },
  Tanh: { type: 'activation', args: [] },
  Sigmoid: { type: 'activation', args: [] },
  GELU: { type: 'activation', args: [] },
  Flatten: { type: 'flatten', args: [] },
  MaxPool2d: { type: 'maxPooling2d', args: [] },
};

/**
 * Layers in an order that is certain: each `nn.Sequential(...)` as written. Layers an `__init__` creates
 * one by one run in the order `forward` calls them, which is not read: each stands alone, between
 * placeholders, so order-sensitive rules never pair them.
 */
function readLayers(script: Script): void {
  const list: unknown[] = [];
  const push = (layer: Call | undefined) => {
    const index = list.length;
    list.push({});
    script.out.section('native').model = { layers: list };
    if (layer) readLayer(script, layer, ['native', 'model', 'layers', index]);
  };
  const calls = callsMatching(script, /^torch\.nn\.\w+$/);
  const byStart = new Map(calls.map((call) => [call.node.from, call]));
  const inSequential = new Set<Call>();
  for (const sequential of calls.filter((call) => call.callee === 'torch.nn.Sequential')) {
    if (list.length > 0) push(undefined);
    for (const item of sequential.args.positional) {
      const layer = item.name === 'CallExpression' ? byStart.get(item.from) : undefined;
      if (layer) inSequential.add(layer);
      push(layer);
    }
  }
  for (const call of calls) {
    if (inSequential.has(call) || !LAYERS[call.callee.split('.').pop()!] || enclosingFunctionName(call.node, script.text) !== '__init__' || !enclosingClass(call.node)) continue;
    if (list.length > 0) push(undefined);
    push(call);
  }
}


function readLayer(script: Script, call: Call, path: readonly (string | number)[]): void {
  const spec = LAYERS[call.callee.split('.').pop()!];
  if (!spec) return;
  script.out.locate(path, call.node);
  script.out.mark([...path, 'type'], spec.type, call.node.firstChild!);
  const read = new Map<string, boolean>();
  for (const [field, keyword, position] of spec.args) {
    const node = call.args.keywords.get(keyword) ?? call.args.positional[position];
    if (!node) continue;
    const known = script.index.resolve(node);
    read.set(field, known !== undefined && isSize(known.value));
    if (known && isSize(known.value)) script.out.put([...path, field], known, known.via.length > 0 ? useOf(script, call, keyword, node) : undefined);
  }
  // Whether a kernel suits its layer depends on the stride (see kernel-size): with a stride the code
  // computes, the kernel cannot be judged, and torch's stride of 1 must not stand in.
  if (read.get('strides') === false) script.out.dynamic([...path, 'kernelSize'], call.node);
}

/** A number, or a tuple of numbers (`kernel_size=(4, 4)`). */
function isSize(value: unknown): boolean {
  return typeof value === 'number' || (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number'));
}
