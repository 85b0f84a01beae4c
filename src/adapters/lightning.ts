import { isPlainObject } from '../model/normalize.js';
import type { SourcePath } from '../source/range.js';
import { ConfigBuilder } from './adapter.js';
import type { Adapter, AdapterOutput } from './adapter.js';
import { LOADERS } from './loaders.js';
import {
  LIGHTNING,
  LIGHTNING_EARLY_STOPPING_DEFAULTS,
  LITGPT,
  LITGPT_DEFAULTS,
  PYTORCH,
  PYTORCH_OPTIMIZER_DEFAULTS,
  PYTORCH_PLATEAU_DEFAULTS,
} from './defaults.js';
import { asNumber, countKeys, readMapping, valueAt } from './reader.js';
import type { SourceReader } from './reader.js';
import { readView, sectionView, undottedView } from './view.js';

/**
 * PyTorch Lightning configs in three shapes: LightningCLI YAML (classes as `class_path` + `init_args`),
 * Hydra group files in the lightning-hydra-template style (classes as `_target_` + keyword arguments),
 * and LitGPT `config_hub` YAML (`train.micro_batch_size`, `optimizer.class_path`).
 */

/** `Trainer` arguments that mark a flat trainer section written at the top level. */
const TRAINER_KEYS = new Set(['max_epochs', 'min_epochs', 'max_steps', 'accumulate_grad_batches', 'check_val_every_n_epoch', 'gradient_clip_val', 'val_check_interval', 'num_sanity_val_steps']);
const CLI_SECTIONS = ['model', 'data', 'optimizer', 'lr_scheduler'];
/** `Trainer` arguments: a `trainer:` mapping with none of them (veRL's `total_epochs`, `n_gpus_per_node`) is another trainer. */
const TRAINER_ARGS = new Set([
  ...TRAINER_KEYS,
  'accelerator',
  'devices',
  'gpus',
  'num_nodes',
  'precision',
  'strategy',
  'callbacks',
  'min_steps',
  'log_every_n_steps',
  'deterministic',
  'default_root_dir',
  'fast_dev_run',
  'limit_train_batches',
  'limit_val_batches',
  'enable_checkpointing',
  '_target_',
  'class_path',
]);
/** LightningCLI subcommands: `fit: {trainer: …, model: …}` is the same config, one level down. */
const SUBCOMMANDS = ['fit', 'validate', 'test', 'predict'];
/** jsonargparse's flat spelling of the CLI sections: `data.batch_size: 512`, `trainer.max_epochs: 10`. */
const DOTTED_SECTION = /^(trainer|model|data|optimizer|lr_scheduler)\.\w/;

/** A class as a config names it, and where its constructor arguments are written. */
interface ClassSpec {
  /** The last segment of `torch.optim.AdamW`: `AdamW`. */
  readonly className: string;
  readonly qualified: string;
  /** Where the class is named (`class_path` or `_target_`). */
  readonly source: SourcePath;
  readonly args: SourcePath;
}

function classSpecAt(root: unknown, path: SourcePath): ClassSpec | undefined {
  const node = valueAt(root, path);
  if (!isPlainObject(node)) return undefined;
  const lightningCli = typeof node.class_path === 'string';
  const qualified = lightningCli ? node.class_path : node._target_;
  if (typeof qualified !== 'string') return undefined;
  return {
    qualified,
    className: qualified.split('.').pop() ?? qualified,
    source: [...path, lightningCli ? 'class_path' : '_target_'],
    args: lightningCli ? [...path, 'init_args'] : path,
  };
}

/** A Hydra file: a `defaults` list, or classes named by `_target_` (LightningCLI writes `class_path`). */
function usesHydra(root: unknown): boolean {
  if (!isPlainObject(root)) return false;
  return Array.isArray(root.defaults) || typeof root._target_ === 'string' || Object.values(root).some((v) => isPlainObject(v) && typeof v._target_ === 'string');
}

function namesClass(value: unknown): boolean {
  return isPlainObject(value) && (typeof value.class_path === 'string' || typeof value._target_ === 'string');
}

export const lightningAdapter: Adapter = {
  name: 'lightning',
  description: 'PyTorch Lightning config (LightningCLI class_path/init_args, Hydra _target_, LitGPT)',
  detect(root) {
    if (!isPlainObject(root)) return 0;
    const subcommand = subcommandOf(root);
    if (subcommand) return detectFlat(root[subcommand]);
    if (isDotted(root)) return 0.7;
    return detectFlat(root);
  },
  loader(root) {
    // Hydra composes its `_target_` files with OmegaConf; LightningCLI and LitGPT read with jsonargparse.
    return usesHydra(root) ? LOADERS.omegaconf : LOADERS.jsonargparse;
  },
  read(root) {
    if (!isPlainObject(root)) return new ConfigBuilder().output();
    const subcommand = subcommandOf(root);
    if (subcommand) return readView(sectionView(root, [subcommand]), readFlat);
    return isDotted(root) ? readView(undottedView(root), readFlat) : readFlat(root);
  },
};

/** The LightningCLI subcommand a dump is nested under, when its content is a Lightning config itself. */
function subcommandOf(root: Record<string, unknown>): string | undefined {
  return SUBCOMMANDS.find((k) => isPlainObject(root[k]) && detectFlat(root[k]) > 0);
}

/** Most top-level keys are jsonargparse's dotted section keys. */
function isDotted(root: Record<string, unknown>): boolean {
  const keys = Object.keys(root);
  const dotted = keys.filter((k) => DOTTED_SECTION.test(k)).length;
  return dotted >= 2 && dotted / keys.length >= 0.5;
}

/**
 * NeMo configs hand `trainer:` to Lightning too, but the model, its `optim` and `exp_manager` are NeMo's:
 * a format of its own that hplint does not read.
 */
function isNemo(root: Record<string, unknown>): boolean {
  return isPlainObject(root.exp_manager) || (isPlainObject(root.model) && isPlainObject(root.model.optim));
}

function detectFlat(root: unknown): number {
  if (!isPlainObject(root) || isNemo(root)) return 0;
  // A Hydra sweeper file is a search space, read by the sweep adapter.
  if (isPlainObject(root.hydra) && 'sweeper' in root.hydra) return 0;
  if ((isPlainObject(root.trainer) && countKeys(root.trainer, TRAINER_ARGS) > 0) || CLI_SECTIONS.some((k) => namesClass(root[k]))) return 0.9;
  if (isPlainObject(root.train) && ('micro_batch_size' in root.train || 'global_batch_size' in root.train)) return 0.9;
  if (Object.keys(root).some((k) => classSpecAt(root, [k])?.qualified.startsWith('torch.optim'))) return 0.85;
  if (typeof root._target_ === 'string') return 0.8;
  if (isCallbacksGroup(root)) return 0.7;
  return countKeys(root, TRAINER_KEYS) >= 2 ? 0.6 : 0;
}

/** A Hydra `callbacks/` group file: named entries that instantiate Lightning callbacks. */
function isCallbacksGroup(root: Record<string, unknown>): boolean {
  return Object.values(root).some((v) => isPlainObject(v) && typeof v._target_ === 'string' && /lightning\.(pytorch\.)?callbacks\./.test(v._target_));
}

function readFlat(root: unknown): AdapterOutput {
  return readMapping(root, (reader, config) => {
    const role = rootRole(config);
    const trainer = readTrainer(reader, isPlainObject(config.trainer) ? ['trainer'] : role === 'trainer' || countKeys(config, TRAINER_KEYS) > 0 ? [] : undefined);
    readCallbacks(reader, trainer);
    readData(reader, isPlainObject(config.data) ? ['data'] : role === 'data' ? [] : undefined);
    const model = isPlainObject(config.model) ? ['model'] : role === 'model' ? [] : undefined;
    readOptimizer(reader, model);
    readScheduler(reader, model);
    readLitGpt(reader);
  });
}

/** What a Hydra group file with a top-level `_target_` configures: a Trainer, a DataModule or the model. */
function rootRole(root: Record<string, unknown>): 'trainer' | 'data' | 'model' | undefined {
  if (typeof root._target_ !== 'string') return undefined;
  if (/Trainer$/.test(root._target_)) return 'trainer';
  if (/Data(Module)?$/i.test(root._target_)) return 'data';
  return 'model';
}

/** The constructor arguments of the class at `path`, or the node itself when it names no class (Hydra overrides). */
function argsAt(reader: SourceReader, path: SourcePath): SourcePath {
  return classSpecAt(reader.root, path)?.args ?? path;
}

/** -1 is Lightning's "no limit" for max_epochs and max_steps. */
const positiveOnly = (value: unknown) => (asNumber(value) === -1 ? undefined : value);

/** The Trainer's settings; returns where its arguments are, for the callbacks that depend on them. */
function readTrainer(reader: SourceReader, trainer: SourcePath | undefined): SourcePath | undefined {
  if (!trainer) return undefined;
  const args = argsAt(reader, trainer);
  reader.copy([...args, 'max_epochs'], ['training', 'epochs'], positiveOnly);
  reader.copy([...args, 'max_steps'], ['training', 'maxSteps'], positiveOnly);
  reader.copy([...args, 'accumulate_grad_batches'], ['training', 'gradientAccumulation']);
  readDevices(reader, args);
  return args;
}

/** `devices: 4` or a list of device ids, times `num_nodes`; `auto` and -1 leave it unknown. */
function readDevices(reader: SourceReader, args: SourcePath): void {
  const devices = reader.get([...args, 'devices']);
  const count = Array.isArray(devices) ? devices.length : asNumber(devices);
  if (count === undefined || count < 1) return;
  const nodes = reader.number([...args, 'num_nodes']) ?? 1;
  reader.builder.setDerived(['training', 'devices'], count * Math.max(1, nodes), [...args, 'devices']);
}

/** Callbacks as a LightningCLI list (`trainer.callbacks`) or a Hydra `callbacks:` group mapping. */
function readCallbacks(reader: SourceReader, trainer: SourcePath | undefined): void {
  const group: readonly SourcePath[] = isPlainObject(reader.root) && isCallbacksGroup(reader.root) ? [[]] : [];
  for (const container of [['trainer', 'callbacks'], ['trainer', 'init_args', 'callbacks'], ['callbacks'], ...group]) {
    const node = reader.get(container);
    const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : isPlainObject(node) ? Object.keys(node) : [];
    for (const key of keys) {
      const path = [...container, key];
      const spec = classSpecAt(reader.root, path);
      if (spec?.className === 'EarlyStopping') readEarlyStopping(reader, spec, path, trainer);
      else if (spec?.className === 'ReduceLROnPlateau') readPlateau(reader, spec, path);
    }
  }
}

function readEarlyStopping(reader: SourceReader, spec: ClassSpec, path: SourcePath, trainer: SourcePath | undefined): void {
  const to = ['training', 'earlyStopping'];
  reader.builder.locate(to, path);
  reader.copy([...spec.args, 'monitor'], [...to, 'monitor']);
  reader.copy([...spec.args, 'patience'], [...to, 'patience']);
  reader.copy([...spec.args, 'min_delta'], [...to, 'minDelta']);
  reader.fallback([...to, 'patience'], LIGHTNING_EARLY_STOPPING_DEFAULTS.patience, LIGHTNING, path);
  if (trainer) readValidationCadence(reader, trainer);
}

/**
 * Lightning's EarlyStopping counts validation checks, not epochs: one per epoch unless the Trainer validates
 * every n epochs (`check_val_every_n_epoch`) or several times an epoch (`val_check_interval` as a fraction).
 * An interval in batches (an integer; 1 may be either), or a value not written as a number, leaves the
 * checks per epoch unknown: patience is then not compared with epochs at all.
 */
function readValidationCadence(reader: SourceReader, trainer: SourcePath): void {
  const every = [...trainer, 'check_val_every_n_epoch'];
  const interval = [...trainer, 'val_check_interval'];
  const written = reader.firstWritten([every, interval]);
  if (!written) return;
  const epochsPerCheck = reader.has(every) ? reader.number(every) : 1;
  const fraction = reader.has(interval) ? reader.number(interval) : 1;
  const known = epochsPerCheck !== undefined && Number.isInteger(epochsPerCheck) && epochsPerCheck >= 1 && fraction !== undefined && fraction > 0 && (fraction < 1 || !reader.has(interval));
  const perEpoch = known ? 1 / fraction / epochsPerCheck : undefined;
  // One check per epoch: patience already counts epochs.
  if (perEpoch === 1) return;
  reader.builder.setDerived(['training', 'earlyStopping', 'unit'], 'evaluations', written);
  if (perEpoch !== undefined) reader.builder.setDerived(['training', 'evaluationsPerEpoch'], perEpoch, written);
}

function readPlateau(reader: SourceReader, spec: ClassSpec, path: SourcePath): void {
  reader.builder.setDerived(['schedule', 'type'], 'reduceOnPlateau', path);
  reader.copy([...spec.args, 'monitor'], ['schedule', 'monitor']);
  reader.copy([...spec.args, 'factor'], ['schedule', 'factor']);
  reader.copy([...spec.args, 'patience'], ['schedule', 'patience']);
  reader.copy([...spec.args, 'min_lr'], ['schedule', 'minLearningRate']);
  reader.fallback(['schedule', 'factor'], PYTORCH_PLATEAU_DEFAULTS.factor, PYTORCH, path);
  reader.fallback(['schedule', 'patience'], PYTORCH_PLATEAU_DEFAULTS.patience, PYTORCH, path);
  reader.fallback(['schedule', 'minLearningRate'], PYTORCH_PLATEAU_DEFAULTS.minLearningRate, PYTORCH, path);
}

function readData(reader: SourceReader, data: SourcePath | undefined): void {
  if (!data) return;
  const args = argsAt(reader, data);
  reader.copy([...args, 'batch_size'], ['training', 'batchSize']);
  reader.copy([...args, 'val_split_fraction'], ['data', 'validationSplit']);
  // lightning-hydra-template: `train_val_test_split: [55000, 5000, 10000]`.
  reader.copy([...args, 'train_val_test_split', 0], ['data', 'trainSize']);
  reader.copy([...args, 'train_val_test_split', 1], ['data', 'validationSize']);
}

/** torch optimizer arguments → canonical optimizer fields (`betas` is read as a pair). */
const OPTIMIZER_ARGS: readonly (readonly [string, string])[] = [
  ['lr', 'learningRate'],
  ['learning_rate', 'learningRate'],
  ['momentum', 'momentum'],
  ['nesterov', 'nesterov'],
  ['weight_decay', 'weightDecay'],
  ['eps', 'epsilon'],
];

/**
 * The optimizer section: `optimizer:` at the top, or inside the model (Hydra, LightningCLI). A model's own
 * `lr` argument is not read: its optimizer and schedule are then chosen in code, which hplint cannot see.
 */
function readOptimizer(reader: SourceReader, model: SourcePath | undefined): void {
  const candidates: SourcePath[] = [['optimizer'], ...(model ? [[...model, 'optimizer'], [...argsAt(reader, model), 'optimizer']] : [])];
  const path = candidates.find((p) => reader.has(p));
  if (!path) return;
  if (typeof reader.get(path) === 'string') {
    reader.copy(path, ['optimizer', 'name']);
    return;
  }
  const spec = classSpecAt(reader.root, path);
  const args = spec?.args ?? path;
  if (spec) reader.builder.setDerived(['optimizer', 'name'], spec.className, spec.source);
  for (const [key, to] of OPTIMIZER_ARGS) reader.copy([...args, key], ['optimizer', to]);
  reader.copy([...args, 'betas', 0], ['optimizer', 'beta1']);
  reader.copy([...args, 'betas', 1], ['optimizer', 'beta2']);
  // Constructor defaults apply only to torch's own optimizers, whose signatures hplint knows.
  const defaults = spec && /^torch\.optim\./.test(spec.qualified) ? PYTORCH_OPTIMIZER_DEFAULTS[spec.className.toLowerCase()] : undefined;
  for (const [key, value] of Object.entries(defaults ?? {})) reader.fallback(['optimizer', key], value, PYTORCH, spec?.source);
}

function readScheduler(reader: SourceReader, model: SourcePath | undefined): void {
  const candidates: SourcePath[] = [['lr_scheduler'], ['scheduler'], ...(model ? [[...model, 'scheduler'], [...model, 'lr_scheduler'], [...argsAt(reader, model), 'scheduler']] : [])];
  const path = candidates.find((p) => classSpecAt(reader.root, p));
  const spec = path && classSpecAt(reader.root, path);
  if (!path || !spec) return;
  const args = spec.args;
  switch (spec.className) {
    case 'ReduceLROnPlateau':
      readPlateau(reader, spec, path);
      return;
    case 'CosineAnnealingLR':
      reader.builder.setDerived(['schedule', 'type'], 'cosineDecay', path);
      reader.copy([...args, 'T_max'], ['schedule', 'decaySteps']);
      reader.copy([...args, 'eta_min'], ['schedule', 'endLearningRate']);
      return;
    case 'ExponentialLR':
      // lr × gamma every step (epoch): exponential decay over one step.
      reader.builder.setDerived(['schedule', 'type'], 'exponentialDecay', path);
      if (reader.copy([...args, 'gamma'], ['schedule', 'decayRate'])) reader.builder.setDerived(['schedule', 'decaySteps'], 1, [...args, 'gamma']);
      return;
    case 'StepLR':
      // lr × gamma every step_size steps: staircase exponential decay.
      reader.builder.setDerived(['schedule', 'type'], 'exponentialDecay', path);
      reader.builder.setDerived(['schedule', 'staircase'], true, path);
      reader.copy([...args, 'step_size'], ['schedule', 'decaySteps']);
      reader.copy([...args, 'gamma'], ['schedule', 'decayRate']);
      return;
    default:
      reader.builder.setDerived(['schedule', 'type'], spec.className, path);
  }
}

/** LitGPT: `train.*`, top-level `devices`, LoRA keys and the checkpoint being fine-tuned. */
function readLitGpt(reader: SourceReader): void {
  if (!isPlainObject(reader.get(['train']))) return;
  const train = ['train'];
  reader.copy([...train, 'micro_batch_size'], ['training', 'batchSize']);
  reader.copy([...train, 'epochs'], ['training', 'epochs']);
  reader.copy([...train, 'max_steps'], ['training', 'maxSteps']);
  reader.copy([...train, 'lr_warmup_steps'], ['schedule', 'warmupSteps']);
  reader.copy([...train, 'lr_warmup_fraction'], ['schedule', 'warmupRatio']);
  reader.copy([...train, 'min_lr'], ['schedule', 'endLearningRate']);
  reader.fallback(['schedule', 'type'], LITGPT_DEFAULTS.scheduler, LITGPT, train);
  readDevices(reader, []);
  // global_batch_size = micro_batch_size × devices × accumulation steps (LitGPT derives the last).
  const global = reader.number([...train, 'global_batch_size']);
  const micro = reader.number([...train, 'micro_batch_size']);
  const devices = (reader.builder.config.training as { devices?: number } | undefined)?.devices;
  if (global !== undefined && micro !== undefined && devices !== undefined && global % (micro * devices) === 0) {
    reader.builder.setDerived(['training', 'gradientAccumulation'], global / (micro * devices), [...train, 'global_batch_size']);
  }
  reader.copy(['lora_r'], ['model', 'lora', 'rank']);
  reader.copy(['lora_alpha'], ['model', 'lora', 'alpha']);
  reader.copy(['lora_dropout'], ['model', 'lora', 'dropout']);
  reader.copyFirst([['checkpoint_dir'], ['initial_checkpoint_dir']], ['pretrained'], (v) => (typeof v === 'string' ? true : undefined));
}
