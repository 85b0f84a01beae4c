import { isPlainObject } from './normalize.js';
import type { REGIME_KINDS } from './schema.js';

/**
 * The training regime a config describes, read from the evidence the file itself carries (issue 12):
 * GUIDE §7's ranges are for training from scratch, and fine-tuning, adapters, preference optimisation,
 * RL fine-tuning and LLM pretraining each train at their own rates. Adapter-independent: it reads the
 * raw document (keys as the framework spells them) and the canonical values the adapter already derived,
 * so format adapters need no regime code of their own.
 */

export type RegimeKind = (typeof REGIME_KINDS)[number];

export interface Regime {
  readonly kind: RegimeKind;
  /** The method as people name it: `DPO`, `SimPO`, `GRPO`, `LoRA`, … */
  readonly method?: string;
  /** Adapters (LoRA/QLoRA/…) on a frozen base; absent when the file does not say (a TrainingArguments dump). */
  readonly parameterEfficient?: boolean;
  /** What in the file shows the regime, as written: `rl: dpo`, `num_generations`, `MODEL.WEIGHTS`. */
  readonly evidence: string;
}

const PREFERENCE_METHODS: Readonly<Record<string, string>> = {
  dpo: 'DPO',
  ipo: 'IPO',
  kto: 'KTO',
  kto_pair: 'KTO',
  orpo: 'ORPO',
  simpo: 'SimPO',
  cpo: 'CPO',
  nash_md: 'Nash-MD',
  nash: 'Nash-MD',
  online_dpo: 'online DPO',
  apo_zero: 'APO',
  apo_down: 'APO',
  bco_pair: 'BCO',
  sppo_hard: 'SPPO',
  nca_pair: 'NCA',
  dpo_norm: 'length-normalised DPO',
  sigmoid: 'DPO',
  hinge: 'DPO (hinge loss)',
  robust: 'robust DPO',
  exo_pair: 'EXO',
  aot: 'AOT',
  aot_pair: 'AOT',
  fg_kto: 'KTO',
};

const RL_METHODS: Readonly<Record<string, string>> = {
  ppo: 'PPO',
  grpo: 'GRPO',
  dr_grpo: 'Dr. GRPO',
  bnpo: 'GRPO',
  dapo: 'DAPO',
  gspo: 'GSPO',
  rloo: 'RLOO',
  reinforce_plus_plus: 'REINFORCE++',
  remax: 'ReMax',
};

/** Keys whose value names the method: axolotl `rl`, LLaMA-Factory `stage`, ms-swift `rlhf_type`, loss types. */
const METHOD_KEYS = ['rl', 'rlhf_type', 'stage', 'method', 'trainer_type', 'loss_type', 'pref_loss', 'adv_estimator'] as const;

/** Keys only a preference-optimisation trainer reads (TRL DPO/KTO/CPO/SimPO/Nash-MD, LLaMA-Factory `pref_*`). */
const PREFERENCE_KEYS: Readonly<Record<string, string>> = {
  pref_beta: 'DPO',
  gamma_beta_ratio: 'SimPO',
  simpo_gamma: 'SimPO',
  cpo_alpha: 'CPO',
  rpo_alpha: 'DPO',
  desirable_weight: 'KTO',
  undesirable_weight: 'KTO',
  mixture_coef: 'Nash-MD',
  ref_model_mixup_alpha: 'DPO',
  reference_free: 'DPO',
};

/** Keys only an RL fine-tuning trainer reads (TRL GRPO/PPO/RLOO, legacy PPOConfig, veRL). */
const RL_KEYS: Readonly<Record<string, string>> = {
  num_generations: 'GRPO',
  reward_funcs: 'GRPO',
  reward_weights: 'GRPO',
  epsilon_high: 'GRPO',
  ppo_epochs: 'PPO',
  num_ppo_epochs: 'PPO',
  max_ppo_steps: 'PPO',
  cliprange_value: 'PPO',
  vf_coef: 'PPO',
  rloo_k: 'RLOO',
  kl_coef: 'PPO',
};

/** Values of the adapter switches that mean parameter-efficient training. */
const PEFT_VALUES = /^(q?lora|longlora|adalora|dora|lora\+|loraplus|vera|boft|oft|ia3|p[-_]?tuning|prefix([-_]tuning)?|prompt([-_]tuning)?|adapter|llamapro|galore)$/i;

/** Keys that switch adapters on or off: axolotl `adapter`, LLaMA-Factory `finetuning_type`, ms-swift `train_type`. */
const ADAPTER_SWITCHES = ['adapter', 'finetuning_type', 'train_type', 'tuner', 'peft_type'] as const;

/** Boolean switches: TRL `use_peft`, open-instruct `use_lora`, … */
const PEFT_FLAGS = ['use_peft', 'use_lora', 'use_qlora'] as const;

/** Architecture keys that show a model being built (not loaded): pretraining from scratch. */
const ARCHITECTURE_KEYS = ['hidden_size', 'num_hidden_layers', 'n_layer', 'num_layers', 'd_model', 'n_embd'];

/** Keys only a supervised fine-tuning recipe has (TRL SFTConfig, axolotl's SFT datasets). */
const SFT_KEYS = ['packing', 'dataset_text_field', 'completion_only_loss', 'assistant_only_loss', 'train_on_inputs', 'max_seq_length', 'sample_packing'];

/** Run names that carry the method (`output_dir: output/dpo_7b`): weaker than keys, read last. */
const RUN_NAME_KEYS = ['output_dir', 'run_name', 'hub_model_id', 'wandb_run_name', 'exp_name', 'experiment_name'];
const RUN_NAME_METHOD = /(?:^|[^a-z])(dpo|simpo|kto|orpo|ipo|cpo|grpo|ppo|rloo)(?:[^a-z]|$)/i;

/** Keys that name pretrained weights to start from (besides the adapters' `pretrained`). */
const CHECKPOINT_KEYS = [
  'model_name_or_path',
  'pretrained_model_name_or_path',
  'base_model',
  'init_from_pretrained_model',
  'init_from_nemo_model',
  'init_from',
  'checkpoint_dir',
  'initial_checkpoint_dir',
  'resume_from_checkpoint',
  'finetune_from_model',
  'load_from',
];

/** Keras Applications layer names (ResNet `conv2_block1_1_conv`, VGG `block1_conv1`, MobileNet `expanded_conv`, …). */
const KERAS_APPLICATION_LAYER = /^(conv\d_block\d+_|block\d+_(conv|sepconv)\d|expanded_conv|block_\d+_expand|stem_conv|mixed\d+|conv_pw_\d+|block\d+[a-z]_)/;

/** Frameworks whose published recipes start from pretrained weights and train at §7's rates (new heads). */
const DETECTION_FORMATS: readonly string[] = ['yolo', 'detectron2'];

export interface RegimeInput {
  readonly root: unknown;
  /** The detected format's name (`hf`, `yolo`, …). */
  readonly format: string;
  /** The canonical values the adapter read (`pretrained`, `model.lora`, `model.layers`). */
  readonly config: Readonly<Record<string, unknown>>;
}

/**
 * The regime the file shows, or undefined when it does not say: unknown is unknown, never a default
 * (rules then consider every regime plausible for the format and stay quiet inside any of them).
 */
export function inferRegime({ root, format, config }: RegimeInput): Regime | undefined {
  const keys = collectKeys(root);
  const peft = parameterEfficiency(keys, config);
  const method = trainingMethod(keys);
  if (method) return { ...method, ...peftField(peft) };
  if (peft.value === true) return { kind: 'peft', method: peft.method ?? 'LoRA', parameterEfficient: true, evidence: peft.evidence };
  const pretraining = pretrainingEvidence(keys);
  if (pretraining) return { kind: 'pretrain', method: 'LLM pretraining', parameterEfficient: false, evidence: pretraining };
  return initialisation(keys, format, config, peft);
}

function peftField(peft: Peft): { parameterEfficient?: boolean } {
  return peft.value === undefined ? {} : { parameterEfficient: peft.value };
}

interface Peft {
  readonly value?: boolean;
  readonly method?: string;
  readonly evidence: string;
}

/** True with adapters, false for explicit full-parameter training, undefined when the file does not say. */
function parameterEfficiency(keys: KeyIndex, config: Readonly<Record<string, unknown>>): Peft {
  for (const key of ADAPTER_SWITCHES) {
    const value = keys.get(key);
    if (typeof value === 'string' && value.trim() !== '') {
      if (PEFT_VALUES.test(value.trim())) return { value: true, method: peftName(value), evidence: `${key}: ${value}` };
      if (/^(full|freeze|none)$/i.test(value.trim())) return { value: false, evidence: `${key}: ${value}` };
    }
  }
  for (const key of PEFT_FLAGS) {
    const value = keys.get(key);
    if (value === true) return { value: true, method: 'LoRA', evidence: `${key}: true` };
  }
  for (const key of ['peft_config', 'lora_config']) {
    if (isPlainObject(keys.get(key))) return { value: true, method: 'LoRA', evidence: key };
  }
  if (isPlainObject(config.model) && isPlainObject(config.model.lora)) return { value: true, method: 'LoRA', evidence: 'LoRA settings' };
  const component = [...keys.values()].find((v) => typeof v === 'string' && /\.(q?lora)_\w+$/i.test(v));
  if (typeof component === 'string') return { value: true, method: /qlora/i.test(component) ? 'QLoRA' : 'LoRA', evidence: component };
  // axolotl writes `adapter:` empty for full fine-tuning; TRL recipes train all weights unless use_peft.
  if (keys.has('adapter') || keys.get('use_peft') === false) return { value: false, evidence: keys.has('adapter') ? 'adapter: (empty)' : 'use_peft: false' };
  if (isTrainingArgumentsDump(keys)) return { evidence: 'a TrainingArguments dump (adapters are configured outside it)' };
  if (keys.has('model_name_or_path') || keys.has('base_model')) return { value: false, evidence: 'no adapter settings' };
  return { evidence: '' };
}

function peftName(value: string): string {
  const v = value.trim().toLowerCase();
  if (v === 'qlora') return 'QLoRA';
  if (/lora/.test(v)) return 'LoRA';
  return value.trim();
}

/** `TrainingArguments.to_json_string()` output: every field written, adapters configured in code. */
function isTrainingArgumentsDump(keys: KeyIndex): boolean {
  return keys.has('log_level_replica') || keys.has('_n_gpu') || keys.has('logging_nan_inf_filter');
}

/** Preference optimisation or RL fine-tuning, from a method name or a trainer-specific key. */
function trainingMethod(keys: KeyIndex): Omit<Regime, 'parameterEfficient'> | undefined {
  for (const key of METHOD_KEYS) {
    const value = keys.get(key);
    if (typeof value !== 'string') continue;
    const name = value.trim().toLowerCase().replace(/-/g, '_');
    if (Object.hasOwn(RL_METHODS, name)) return { kind: 'rl', method: RL_METHODS[name], evidence: `${key}: ${value}` };
    if (Object.hasOwn(PREFERENCE_METHODS, name)) return { kind: 'preference', method: PREFERENCE_METHODS[name], evidence: `${key}: ${value}` };
  }
  for (const [key, method] of Object.entries(RL_KEYS)) if (keys.has(key)) return { kind: 'rl', method, evidence: key };
  for (const [key, method] of Object.entries(PREFERENCE_KEYS)) if (keys.has(key)) return { kind: 'preference', method, evidence: key };
  for (const key of ['dpo_beta', 'dpo_loss_type']) if (keys.has(key)) return { kind: 'preference', method: 'DPO', evidence: key };
  for (const key of RUN_NAME_KEYS) {
    const value = keys.get(key);
    const match = typeof value === 'string' ? RUN_NAME_METHOD.exec(value) : null;
    const name = match?.[1]?.toLowerCase();
    if (name && Object.hasOwn(RL_METHODS, name)) return { kind: 'rl', method: RL_METHODS[name], evidence: `${key}: ${String(value)}` };
    if (name && Object.hasOwn(PREFERENCE_METHODS, name)) return { kind: 'preference', method: PREFERENCE_METHODS[name], evidence: `${key}: ${String(value)}` };
  }
  // TRL's DPO-family configs: a KL strength `beta` with a prompt length (SFT has neither); the method
  // stays DPO unless a run name said which one (ORPO and CPO share these keys).
  if (keys.has('beta') && (keys.has('max_prompt_length') || keys.has('ref_model'))) return { kind: 'preference', method: 'DPO', evidence: 'beta with max_prompt_length' };
  return undefined;
}

/** A language model built from an architecture config rather than loaded: `model_init_kwargs`, `model_config`. */
function pretrainingEvidence(keys: KeyIndex): string | undefined {
  for (const key of ['model_init_kwargs', 'model_config', 'config_overrides']) {
    const value = keys.get(key);
    if (isPlainObject(value) && ARCHITECTURE_KEYS.some((k) => k in value)) return `${key} (an architecture, not a checkpoint)`;
  }
  if (keys.get('stage') === 'pt' && keys.get('reinit_weights') === true) return 'stage: pt with reinit_weights';
  // LitGPT pretraining recipes: a token budget and a model by name, no checkpoint to start from.
  if (keys.has('max_tokens') && keys.has('model_name') && !keys.has('checkpoint_dir')) return 'model_name with a max_tokens budget';
  return undefined;
}

/** Fine-tuning or training from scratch, from pretrained weights (or their absence) alone. */
function initialisation(keys: KeyIndex, format: string, config: Readonly<Record<string, unknown>>, peft: Peft): Regime | undefined {
  const pretrained = config.pretrained;
  const full = peft.value === false ? { parameterEfficient: false } : {};
  if (DETECTION_FORMATS.includes(format)) {
    // A detector starts from a backbone or a whole detector: its recipes (detectron2 model zoo, Ultralytics)
    // use §7's rates either way, so only an explicit empty checkpoint says "from scratch".
    return pretrained === false ? { kind: 'scratch', evidence: format === 'detectron2' ? "MODEL.WEIGHTS ''" : 'pretrained: false' } : undefined;
  }
  if (pretrained === false) return { kind: 'scratch', evidence: 'no pretrained weights' };
  const checkpoint = checkpointKey(keys) ?? (pretrained === true ? 'pretrained: true' : undefined);
  if (!checkpoint) return format === 'keras' || format === 'tfjs' ? kerasRegime(config) : undefined;
  // A HuggingFace checkpoint is where SFT, DPO and GRPO all start: only an SFT-only key says which.
  if (format !== 'hf') return { kind: 'finetune', method: 'full fine-tuning', ...full, evidence: checkpoint };
  const sft = sftEvidence(keys);
  return sft ? { kind: 'finetune', method: 'supervised fine-tuning', ...full, evidence: `${checkpoint} with ${sft}` } : undefined;
}

/** Supervised fine-tuning: an SFT-only key, LLaMA-Factory `stage: sft`, or an axolotl recipe without `rl:`. */
function sftEvidence(keys: KeyIndex): string | undefined {
  const stage = keys.get('stage');
  if (typeof stage === 'string') return ['sft', 'pt'].includes(stage.trim().toLowerCase()) ? `stage: ${stage}` : undefined;
  if (keys.has('base_model') && !keys.has('rl')) return 'an axolotl recipe without rl:';
  return SFT_KEYS.find((key) => keys.has(key));
}

function checkpointKey(keys: KeyIndex): string | undefined {
  return CHECKPOINT_KEYS.find((key) => {
    const value = keys.get(key);
    return typeof value === 'string' && value.trim() !== '';
  });
}

/**
 * A saved Keras model: Keras Applications layer names mean a stock architecture, usually loaded with
 * ImageNet weights (unknown); a network of hand-named or auto-named layers was built, so trained, from scratch.
 */
function kerasRegime(config: Readonly<Record<string, unknown>>): Regime | undefined {
  const layers = isPlainObject(config.model) && Array.isArray(config.model.layers) ? config.model.layers : [];
  if (layers.length === 0) return undefined;
  const names = layers.map((layer) => (isPlainObject(layer) && typeof layer.name === 'string' ? layer.name : ''));
  if (names.some((name) => KERAS_APPLICATION_LAYER.test(name))) return undefined;
  return { kind: 'scratch', evidence: 'a network defined layer by layer in the file' };
}

type KeyIndex = ReadonlyMap<string, unknown>;

/**
 * Every key of the document to a small depth, lower-cased, first occurrence (breadth first) winning:
 * recipes write these at the top level, LightningCLI and Hydra one or two levels down.
 */
function collectKeys(root: unknown, maxDepth = 4): KeyIndex {
  const out = new Map<string, unknown>();
  let level: unknown[] = [root];
  for (let depth = 0; depth < maxDepth && level.length > 0; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (!isPlainObject(node)) continue;
      for (const [key, value] of Object.entries(node)) {
        const name = key.toLowerCase();
        if (!out.has(name)) out.set(name, value);
        if (isPlainObject(value)) next.push(value);
      }
    }
    level = next;
  }
  return out;
}

/**
 * Whether a format's files train LLM-sized models. HuggingFace recipes (Trainer, TRL, axolotl,
 * LLaMA-Factory) fine-tune a checkpoint or pretrain an LLM, never the small from-scratch networks of
 * GUIDE §7: when such a file does not say its regime, it is one of the LLM ones.
 */
export function isLlmRecipeFormat(format: string): boolean {
  return format === 'hf';
}

/**
 * The regime rules go by: the stated or inferred one, else what `pretrained` says, else the native
 * format's own contract (a native file that states neither trains from scratch); undefined
 * when nothing tells (code-built TF.js models say `pretrained` themselves).
 */
export function effectiveRegime(config: { readonly regime?: { readonly kind?: RegimeKind; readonly method?: string; readonly parameterEfficient?: boolean; readonly evidence?: string }; readonly pretrained?: boolean }, format: string): Regime | undefined {
  const stated = config.regime;
  if (stated?.kind) {
    const { kind, method, parameterEfficient, evidence } = stated;
    return { kind, ...(method ? { method } : {}), ...(parameterEfficient === undefined ? {} : { parameterEfficient }), evidence: evidence ?? 'regime' };
  }
  // Files went through inferRegime, which weighed `pretrained` with everything else; the native format and
  // TF.js code (the ESLint plugin) state `pretrained` themselves.
  if (format !== 'native' && format !== 'tfjs') return undefined;
  if (config.pretrained === true) return { kind: 'finetune', method: 'full fine-tuning', evidence: 'pretrained: true' };
  if (config.pretrained === false || format === 'native') return { kind: 'scratch', evidence: config.pretrained === false ? 'pretrained: false' : 'no pretrained weights' };
  return undefined;
}
