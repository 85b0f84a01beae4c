import { isPlainObject } from '../model/normalize.js';
import type { Adapter, AdapterOutput } from './adapter.js';
import { LOADERS } from './loaders.js';
import type { Loader } from './loaders.js';
import {
  HF_DEFAULTS,
  HUGGINGFACE,
  LLAMA_FACTORY,
  LLAMA_FACTORY_DEFAULTS,
  TRL,
  TRL_LORA_DEFAULTS,
} from './defaults.js';
import { asNumber, countKeys, readMapping } from './reader.js';
import type { SourceReader } from './reader.js';
import { readView, sectionView } from './view.js';

/**
 * HuggingFace `TrainingArguments` as a JSON dict or YAML recipe, and the recipe dialects built on it:
 * TRL / alignment-handbook, axolotl (`micro_batch_size`, `num_epochs`, `val_set_size`) and LLaMA-Factory
 * (0.x `stage`/`finetuning_type`, v1 `optim_config`).
 */

/** Keys only a training recipe has: one of them must be there (a DeepSpeed config has none). */
const STRONG_KEYS = new Set([
  'learning_rate',
  'per_device_train_batch_size',
  'micro_batch_size',
  'num_train_epochs',
  'num_epochs',
  'model_name_or_path',
  'base_model',
  'lr_scheduler_type',
]);
const SUPPORTING_KEYS = new Set([
  'gradient_accumulation_steps',
  'warmup_ratio',
  'warmup_steps',
  'weight_decay',
  'optim',
  'optimizer',
  'lr_scheduler',
  'eval_strategy',
  'evaluation_strategy',
  'val_set_size',
  'output_dir',
  'max_steps',
  'per_device_eval_batch_size',
  'finetuning_type',
  'stage',
  'lora_r',
  'lora_rank',
  'lora_alpha',
  'lora_dropout',
  'adam_beta1',
  'adam_beta2',
  'adam_epsilon',
  'datasets',
  'dataset',
  'optim_config',
]);
/**
 * Keys of files whose vocabulary overlaps HuggingFace's: YOLO hyp files, DeepSpeed configs, Lightning,
 * detectron2, and the Trainer's own `trainer_state.json` (a record of a run, not a config).
 */
const FOREIGN_KEYS = ['lr0', 'zero_optimization', 'train_micro_batch_size_per_gpu', 'trainer', 'SOLVER', 'log_history'];

type Dialect = 'axolotl' | 'llama-factory' | 'llama-factory-v1' | 'transformers';

/** Who loads a recipe of each dialect (loaders.ts; docs/formats.md gives the sources). */
const DIALECT_LOADERS: Readonly<Record<Dialect, Loader>> = {
  axolotl: LOADERS.axolotl,
  'llama-factory': LOADERS['llama-factory'],
  'llama-factory-v1': LOADERS['llama-factory'],
  transformers: LOADERS['hf-argument-parser'],
};

function dialectOf(root: Record<string, unknown>): Dialect {
  if ('optim_config' in root || 'dist_config' in root || 'model_class' in root) return 'llama-factory-v1';
  if ('stage' in root || 'finetuning_type' in root || 'template' in root) return 'llama-factory';
  if ('base_model' in root || 'micro_batch_size' in root || 'num_epochs' in root || 'val_set_size' in root) return 'axolotl';
  return 'transformers';
}

/** `lr_scheduler_type` names → canonical schedule types (linear decay to 0 is polynomial with power 1). */
const SCHEDULES: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  linear: { type: 'polynomialDecay', power: 1, endLearningRate: 0 },
  cosine: { type: 'cosineDecay' },
  cosine_with_min_lr: { type: 'cosineDecay' },
  cosine_with_restarts: { type: 'cosineDecay', cycle: true },
  polynomial: { type: 'polynomialDecay' },
  constant: { type: 'constant' },
  constant_with_warmup: { type: 'constant' },
  inverse_sqrt: { type: 'inverseSqrt' },
  reduce_lr_on_plateau: { type: 'reduceOnPlateau' },
  warmup_stable_decay: { type: 'warmupStableDecay' },
};

export const hfAdapter: Adapter = {
  name: 'hf',
  description: 'HuggingFace TrainingArguments / TRL, axolotl or LLaMA-Factory recipe',
  detect(root) {
    const flat = detectFlat(root);
    if (flat > 0 || !isPlainObject(root) || FOREIGN_KEYS.some((k) => k in root)) return flat;
    return trainingSection(root) ? 0.5 : 0;
  },
  loader(root) {
    if (!isPlainObject(root)) return LOADERS['hf-argument-parser'];
    const section = detectFlat(root) > 0 ? undefined : trainingSection(root);
    const recipe = section ? (root[section] as Record<string, unknown>) : root;
    // ms-swift turns every value into a command-line string that argparse types (`train_type` is its key).
    if ('train_type' in recipe || 'sft_type' in recipe) return LOADERS['ms-swift'];
    return DIALECT_LOADERS[dialectOf(recipe)];
  },
  read(root) {
    if (!isPlainObject(root) || detectFlat(root) > 0) return readFlat(root);
    const section = trainingSection(root);
    return section ? readView(sectionView(root, [section]), readFlat) : readFlat(root);
  },
};

function detectFlat(root: unknown): number {
  if (!isPlainObject(root)) return 0;
  if (FOREIGN_KEYS.some((k) => k in root)) return 0;
  const strong = countKeys(root, STRONG_KEYS);
  if (strong === 0) return 0;
  const supporting = countKeys(root, SUPPORTING_KEYS);
  return Math.min(0.95, 0.6 + 0.05 * (strong + supporting));
}

/**
 * A project's own config that keeps TrainingArguments in one section (`training:`) and passes it on
 * whole: the section must read as a recipe by itself, with two of a recipe's own keys at least.
 */
function trainingSection(root: Record<string, unknown>): string | undefined {
  return Object.keys(root).find((k) => isPlainObject(root[k]) && detectFlat(root[k]) > 0 && countKeys(root[k], STRONG_KEYS) >= 2);
}

function readFlat(root: unknown): AdapterOutput {
  return readMapping(root, (reader, recipe) => {
    const dialect = dialectOf(recipe);
    readModel(reader, dialect);
    readOptimizer(reader, dialect);
    readSchedule(reader, dialect);
    readTraining(reader, dialect);
    readValidation(reader);
  });
}

function readModel(reader: SourceReader, dialect: Dialect): void {
  // Weights re-initialised (axolotl `reinit_weights`) mean pretraining from scratch despite a base model.
  if (reader.get(['reinit_weights']) === true) reader.builder.setDerived(['pretrained'], false, ['reinit_weights']);
  else reader.copyFirst([['model_name_or_path'], ['base_model'], ...(dialect === 'llama-factory-v1' ? [['model']] : [])], ['pretrained'], (v) => (typeof v === 'string' ? true : undefined));
  if (!loraActive(reader, dialect)) return;
  const rank = reader.copyFirst([['lora_r'], ['lora_rank']], ['model', 'lora', 'rank']);
  reader.copy(['lora_alpha'], ['model', 'lora', 'alpha']);
  reader.copy(['lora_dropout'], ['model', 'lora', 'dropout']);
  const anchor = reader.firstWritten([['finetuning_type'], ['use_peft'], ['adapter']]);
  if (dialect === 'llama-factory') {
    reader.fallback(['model', 'lora', 'rank'], LLAMA_FACTORY_DEFAULTS.loraRank, LLAMA_FACTORY, anchor);
    const rankValue = rank ? asNumber(reader.get(rank)) : LLAMA_FACTORY_DEFAULTS.loraRank;
    if (rankValue !== undefined) {
      reader.fallback(['model', 'lora', 'alpha'], rankValue * LLAMA_FACTORY_DEFAULTS.loraAlphaPerRank, LLAMA_FACTORY, rank ?? anchor);
    }
    reader.fallback(['model', 'lora', 'dropout'], LLAMA_FACTORY_DEFAULTS.loraDropout, LLAMA_FACTORY, anchor);
  } else if (dialect === 'transformers') {
    reader.fallback(['model', 'lora', 'rank'], TRL_LORA_DEFAULTS.rank, TRL, anchor);
    reader.fallback(['model', 'lora', 'alpha'], TRL_LORA_DEFAULTS.alpha, TRL, anchor);
    reader.fallback(['model', 'lora', 'dropout'], TRL_LORA_DEFAULTS.dropout, TRL, anchor);
  }
}

/** LoRA keys count only when the recipe trains adapters; otherwise they are dead keys. */
function loraActive(reader: SourceReader, dialect: Dialect): boolean {
  switch (dialect) {
    case 'axolotl':
      return ['lora', 'qlora'].includes(reader.string(['adapter'])?.toLowerCase() ?? '');
    case 'llama-factory':
      return (reader.string(['finetuning_type']) ?? LLAMA_FACTORY_DEFAULTS.finetuningType) === 'lora';
    case 'transformers':
      return reader.get(['use_peft']) === true;
    default:
      return false;
  }
}

function readOptimizer(reader: SourceReader, dialect: Dialect): void {
  const nameSource = reader.copyFirst([['optim'], ['optimizer'], ['optim_config', 'name']], ['optimizer', 'name'], (v) => (typeof v === 'string' ? v : undefined));
  reader.copy(['learning_rate'], ['optimizer', 'learningRate']);
  reader.copyFirst([['weight_decay'], ['optim_config', 'wd']], ['optimizer', 'weightDecay']);
  reader.copy(['adam_beta1'], ['optimizer', 'beta1']);
  reader.copy(['adam_beta2'], ['optimizer', 'beta2']);
  reader.copy(['adam_epsilon'], ['optimizer', 'epsilon']);
  reader.copy(['optim_config', 'momentum'], ['optimizer', 'momentum']);
  reader.copy(['optim_config', 'nesterov'], ['optimizer', 'nesterov']);
  if (dialect === 'llama-factory-v1') return;
  // The Trainer's own optimizer: AdamW, with decoupled weight decay, unless `optim` names another.
  reader.fallback(['optimizer', 'name'], HF_DEFAULTS.optimizer, HUGGINGFACE, ['learning_rate']);
  reader.fallback(['optimizer', 'weightDecay'], HF_DEFAULTS.weightDecay, HUGGINGFACE, ['learning_rate']);
  const name = (reader.builder.config.optimizer as { name?: unknown } | undefined)?.name;
  if (typeof name === 'string' && /adam/i.test(name)) {
    const anchor = nameSource ?? ['learning_rate'];
    reader.fallback(['optimizer', 'beta1'], HF_DEFAULTS.beta1, HUGGINGFACE, anchor);
    reader.fallback(['optimizer', 'beta2'], HF_DEFAULTS.beta2, HUGGINGFACE, anchor);
    reader.fallback(['optimizer', 'epsilon'], HF_DEFAULTS.epsilon, HUGGINGFACE, anchor);
  }
}

function readSchedule(reader: SourceReader, dialect: Dialect): void {
  const source = reader.firstWritten([['lr_scheduler_type'], ['lr_scheduler']]);
  const written = source ? reader.string(source) : undefined;
  if (source && written) {
    const shape = SCHEDULES[written.toLowerCase()] ?? { type: written };
    for (const [key, value] of Object.entries(shape)) reader.builder.setDerived(['schedule', key], value, source);
  } else if (dialect !== 'llama-factory-v1') {
    for (const [key, value] of Object.entries(SCHEDULES[HF_DEFAULTS.scheduler]!)) {
      reader.fallback(['schedule', key], value, HUGGINGFACE, ['learning_rate']);
    }
  }
  reader.copy(['warmup_ratio'], ['schedule', 'warmupRatio']);
  // transformers v5 reads a float below 1 in `warmup_steps` as a ratio of the training steps.
  const warmup = reader.number(['warmup_steps']);
  if (warmup !== undefined && warmup > 0 && warmup < 1) reader.copy(['warmup_steps'], ['schedule', 'warmupRatio']);
  else reader.copy(['warmup_steps'], ['schedule', 'warmupSteps']);
}

function readTraining(reader: SourceReader, dialect: Dialect): void {
  reader.copyFirst([['per_device_train_batch_size'], ['micro_batch_size']], ['training', 'batchSize']);
  reader.copy(['gradient_accumulation_steps'], ['training', 'gradientAccumulation']);
  reader.copyFirst([['num_train_epochs'], ['num_epochs']], ['training', 'epochs']);
  // -1 (the default) means "train for num_train_epochs".
  reader.copy(['max_steps'], ['training', 'maxSteps'], (v) => (asNumber(v) === -1 ? undefined : v));
  reader.copy(['early_stopping_patience'], ['training', 'earlyStopping', 'patience']);
  if (reader.has(['early_stopping_patience'])) {
    reader.copy(['metric_for_best_model'], ['training', 'earlyStopping', 'monitor']);
    // The Trainer's EarlyStoppingCallback (axolotl's too) counts evaluations, not epochs.
    reader.builder.setDerived(['training', 'earlyStopping', 'unit'], 'evaluations', ['early_stopping_patience']);
  }
  reader.copy(['evals_per_epoch'], ['training', 'evaluationsPerEpoch']);
  const strategy = reader.firstWritten([['eval_strategy'], ['evaluation_strategy']]);
  if (strategy && reader.string(strategy)?.toLowerCase() === 'epoch') reader.builder.setDerived(['training', 'evaluationsPerEpoch'], 1, strategy);
  if (dialect === 'llama-factory-v1') return;
  reader.fallback(['training', 'gradientAccumulation'], HF_DEFAULTS.gradientAccumulation, HUGGINGFACE);
  if (dialect === 'axolotl') return;
  reader.fallback(['training', 'batchSize'], HF_DEFAULTS.batchSize, HUGGINGFACE);
  if (!reader.builder.sources.has('/training/maxSteps')) reader.fallback(['training', 'epochs'], HF_DEFAULTS.epochs, HUGGINGFACE);
}

/** Where the recipe says how much data is held out, or that it evaluates on nothing. */
function readValidation(reader: SourceReader): void {
  const split = reader.firstWritten([['val_set_size'], ['val_size']]);
  if (split) {
    const value = reader.number(split);
    // axolotl and LLaMA-Factory take a fraction below 1 and a number of examples from 1 on.
    reader.copy(split, value !== undefined && value >= 1 ? ['data', 'validationSize'] : ['data', 'validationSplit']);
    return;
  }
  if (reader.copy(['dataset_mixture', 'test_split_size'], ['data', 'validationSize'])) return;
  const strategy = reader.firstWritten([['eval_strategy'], ['evaluation_strategy']]);
  if (strategy && reader.string(strategy)?.toLowerCase() === 'no') reader.builder.setDerived(['data', 'validationSplit'], 0, strategy);
}
