/**
 * Framework defaults that adapters fill in with `ConfigBuilder.setDefault`, only where the framework
 * itself applies them when it reads the file (each table names the framework source it follows). One data module, so every number has one home.
 */

/**
 * What TF.js (4.22) fills in when `tf.loadLayersModel` deserialises a model.json `trainingConfig`
 * optimizer, keyed by the optimizer class names TF.js registers. Only constructor defaults apply there:
 * a missing learning rate stays undefined (measured), so no learning rate is ever defaulted; ε falls back
 * to the backend epsilon.
 */
export const TFJS_OPTIMIZER_DEFAULTS: Readonly<Record<string, Readonly<Record<string, number | boolean>>>> = {
  Adam: { epsilon: 1e-7 },
  Adamax: { epsilon: 1e-7 },
  Adadelta: { epsilon: 1e-7 },
  RMSProp: { rho: 0.9, momentum: 0, epsilon: 1e-7 },
  Momentum: { nesterov: false },
};

export const TFJS = 'TF.js';

/*
 * What TF.js does when training *code* does not say (the tfjs-layers optimizer and `fit` defaults):
 * the ESLint plugin's extractor fills these in, marked as the TF.js default.
 */

/** `model.compile({optimizer: 'adam'})`: the learning rate each string name is built with. */
export const STRING_OPTIMIZER_LEARNING_RATES: Readonly<Record<string, number>> = {
  sgd: 0.01,
  adam: 0.001,
  rmsprop: 0.001,
  adagrad: 0.01,
  adadelta: 1,
  adamax: 0.002,
};

/**
 * `tf.train.<name>(…)` positional parameters, as canonical optimizer fields (`undefined` for a parameter
 * the canonical model has no field for), and the learning rate TF.js uses when the call omits it.
 */
export const TRAIN_FACTORIES: Readonly<Record<string, { readonly params: readonly (string | undefined)[]; readonly learningRate?: number }>> = {
  sgd: { params: ['learningRate'] },
  momentum: { params: ['learningRate', 'momentum', 'nesterov'] },
  adagrad: { params: ['learningRate', undefined] },
  adadelta: { params: ['learningRate', 'rho', 'epsilon'], learningRate: 0.001 },
  rmsprop: { params: ['learningRate', 'rho', 'momentum', 'epsilon', undefined] },
  adam: { params: ['learningRate', 'beta1', 'beta2', 'epsilon'], learningRate: 0.001 },
  adamax: { params: ['learningRate', 'beta1', 'beta2', 'epsilon', undefined], learningRate: 0.002 },
};

/** `model.fit` without `batchSize` / `epochs` / `validationSplit` (and no `validationData`). */
export const FIT_DEFAULTS = { batchSize: 32, epochs: 1, validationSplit: 0 } as const;

/** `tf.callbacks.earlyStopping()` without `monitor` / `patience`. */
export const EARLY_STOPPING_DEFAULTS = { monitor: 'val_loss', patience: 0 } as const;

/**
 * HuggingFace `TrainingArguments` (transformers `training_args.py`):
 * what the Trainer uses when a recipe leaves a field out. TRL, alignment-handbook and LLaMA-Factory build
 * on these arguments; TRL changes the learning rate per trainer (SFT, DPO, …), so it is never defaulted.
 */
export const HUGGINGFACE = 'HuggingFace';
export const HF_DEFAULTS = {
  optimizer: 'adamw_torch',
  weightDecay: 0,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  batchSize: 8,
  gradientAccumulation: 1,
  epochs: 3,
  scheduler: 'linear',
} as const;

/** LLaMA-Factory `FinetuningArguments`: LoRA is the default method, alpha defaults to twice the rank. */
export const LLAMA_FACTORY = 'LLaMA-Factory';
export const LLAMA_FACTORY_DEFAULTS = { finetuningType: 'lora', loraRank: 8, loraAlphaPerRank: 2, loraDropout: 0 } as const;

/** TRL `ModelConfig` LoRA settings, used when a recipe sets `use_peft: true`. */
export const TRL = 'TRL';
export const TRL_LORA_DEFAULTS = { rank: 16, alpha: 32, dropout: 0.05 } as const;

/**
 * Ultralytics / YOLOv5 (`ultralytics/cfg/default.yaml`, yolov5 `train.py`): hyp files train
 * with SGD (nesterov) whose momentum is `momentum`; gradients accumulate up to the nominal batch `nbs`.
 */
export const YOLO = 'YOLO';
export const YOLO_DEFAULTS = { optimizer: 'SGD', nesterov: true, nominalBatch: 64, focalAlpha: 0.25 } as const;

/** detectron2 `config/defaults.py` (`_C.SOLVER.*`); its DefaultTrainer always builds torch SGD. */
export const DETECTRON2 = 'detectron2';
export const DETECTRON2_DEFAULTS = {
  optimizer: 'SGD',
  baseLearningRate: 0.001,
  momentum: 0.9,
  nesterov: false,
  weightDecay: 1e-4,
  gamma: 0.1,
  steps: [30000],
  maxIter: 40000,
  warmupIters: 1000,
  imsPerBatch: 16,
  scheduler: 'WarmupMultiStepLR',
} as const;

/** PyTorch optimizer constructor defaults (the `torch.optim` constructors). */
export const PYTORCH = 'PyTorch';
export const PYTORCH_OPTIMIZER_DEFAULTS: Readonly<Record<string, Readonly<Record<string, number | boolean>>>> = {
  sgd: { learningRate: 1e-3, momentum: 0, weightDecay: 0, nesterov: false },
  adam: { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 },
  adamw: { learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 1e-2 },
  rmsprop: { learningRate: 1e-2, rho: 0.99, momentum: 0, epsilon: 1e-8, weightDecay: 0 },
  adagrad: { learningRate: 1e-2, epsilon: 1e-10, weightDecay: 0 },
  adadelta: { learningRate: 1.0, rho: 0.9, epsilon: 1e-6, weightDecay: 0 },
  adamax: { learningRate: 2e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 },
  nadam: { learningRate: 2e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 },
};

/** torch `ReduceLROnPlateau` (as Keras': factor 0.1, patience 10, min_lr 0). */
export const PYTORCH_PLATEAU_DEFAULTS = { factor: 0.1, patience: 10, minLearningRate: 0 } as const;

/** PyTorch Lightning `EarlyStopping` (`lightning.pytorch.callbacks.EarlyStopping`: patience 3, differs from Keras). */
export const LIGHTNING = 'Lightning';
export const LIGHTNING_EARLY_STOPPING_DEFAULTS = { patience: 3, minDelta: 0 } as const;

/** LitGPT finetune / pretrain scripts: linear warmup, then a cosine decay (`get_lr_scheduler`). */
export const LITGPT = 'LitGPT';
export const LITGPT_DEFAULTS = { scheduler: 'cosineDecay' } as const;

/** hydra-optuna-sweeper `OptunaSweeperConf`: 20 trials with the TPE sampler unless the file says otherwise. */
export const OPTUNA_SWEEPER = 'Hydra Optuna sweeper';
export const OPTUNA_SWEEPER_DEFAULTS = { strategy: 'bayesian', trials: 20 } as const;

/** W&B sweeps and the Comet optimizer sample a min/max range uniformly (a linear scale) unless told otherwise. */
export const WANDB = 'W&B';
export const COMET = 'Comet';
