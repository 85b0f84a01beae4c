/**
 * The numbers of the hyperparameter guide (docs/guide.md), in one place, each with its section. Rules take their defaults from
 * here and never repeat a number in their bodies; the docs and the advisor cite the same constants.
 */

export interface Range {
  readonly low: number;
  readonly high: number;
}

/** GUIDE §7: recommended initial learning rates per optimizer family (from scratch). */
export const LEARNING_RATE_RANGES = {
  sgd: { low: 1e-2, high: 1e-1 },
  momentum: { low: 1e-3, high: 1e-2 },
  adagrad: { low: 1e-3, high: 1e-2 },
  adadelta: { low: 1e-2, high: 1e-1 },
  rmsprop: { low: 1e-3, high: 1e-2 },
  adam: { low: 1e-3, high: 1e-2 },
  adamax: { low: 1e-3, high: 1e-2 },
  nadam: { low: 1e-3, high: 1e-2 },
} as const satisfies Record<string, Range>;

export type OptimizerFamily = keyof typeof LEARNING_RATE_RANGES;

/**
 * Rates that are the algorithm itself rather than a tuned value: Adadelta as published (Zeiler 2012) has
 * no learning rate, which PyTorch and Keras ≤ 2.3 express as a default of 1.0. §7's range is for a rate
 * someone chose; the algorithm's own setting is not reported.
 */
export const ALGORITHM_RATES: Partial<Record<OptimizerFamily, number>> = { adadelta: 1 };

/** GUIDE §4.5 and §7: fine-tuning starts 1–2 orders of magnitude below the from-scratch range. */
export const FINE_TUNE_DIVISORS = { low: 100, high: 10 } as const;

/**
 * A learning-rate band: silent in [low, high]; in [infoLow, low) or (high, infoHigh] an info (published
 * recipes reach there); beyond, a warning. Sources per row in docs/rules/learning-rate-range.md.
 */
export interface RateBand extends Range {
  readonly infoLow: number;
  readonly infoHigh: number;
}

/**
 * Full fine-tuning (GUIDE §4.5): §7's range shifted 1–2 orders down; large-model SFT recipes go half an
 * order further (Tulu 3 8B SFT 5e-6, OLMo 2 13B SFT 6e-6), so down to a tenth of the low edge is an info.
 */
export const FINE_TUNE_INFO_DIVISOR = 10;

/**
 * Rates of the LLM regimes, for the AdamW family their recipes use (other optimizers: no published band,
 * the rule stays silent). Each row: the band published recipes and docs use, with the looser edge of
 * recipes that still appear in the literature as info.
 */
export const REGIME_LEARNING_RATES = {
  /** LoRA/QLoRA SFT: LoRA/QLoRA papers 1e-4–2e-4, Unsloth 2e-4, LLaMA-Factory's default 5e-5; ≥1e-3 diverges. */
  peft: { low: 5e-5, high: 1e-3, infoLow: 1e-5, infoHigh: 1e-3 },
  /** DPO-family, all weights: TRL KTO docs 5e-7–5e-6, zephyr DPO 5e-7, SimPO grid 3e-7–1e-6, Tulu 3 70B 2e-7. */
  preference: { low: 3e-7, high: 5e-6, infoLow: 1e-7, infoHigh: 1e-5 },
  /** DPO-family with adapters: recipes 5e-6–5e-5 (TRL PEFT examples, axolotl/LLaMA-Factory LoRA-DPO). */
  preferencePeft: { low: 5e-6, high: 5e-5, infoLow: 1e-7, infoHigh: 5e-5 },
  /** PPO/GRPO, all weights: TRL GRPOConfig default 1e-6, DeepSeekMath 1e-6, legacy PPOConfig 1.41e-5. */
  rl: { low: 3e-7, high: 1e-5, infoLow: 1e-7, infoHigh: 3e-5 },
  /** PPO/GRPO with adapters: Unsloth's GRPO notebooks 5e-6–2e-4. */
  rlPeft: { low: 1e-6, high: 3e-4, infoLow: 1e-7, infoHigh: 1e-3 },
  /** LLM pretraining with AdamW: GPT-3 Table 2.1 6e-5 (175B) to 6e-4 (125M), LLaMA 1.5e-4–3e-4, tiny LMs to 8e-3. */
  pretrain: { low: 5e-5, high: 1e-2, infoLow: 1e-5, infoHigh: 1e-2 },
} as const satisfies Record<string, RateBand>;

/**
 * When a file does not say how it trains, a rate outside every plausible regime's band but within this
 * factor of the nearest edge is only an info: published recipes scale the rate with the batch size
 * (linear scaling, Goyal et al. 2017: detectron2's 0.02 at 16 images) and the model size (GPT-3 Table 2.1).
 */
export const UNKNOWN_REGIME_TOLERANCE = 2;

/** GUIDE §3 and §7: batch size. */
export const BATCH = {
  /** Typical range [1, 1024]; above it the learning strategy needs attention. */
  typicalMax: 1024,
  /** Above 6000 (or exactly 1): revisit the learning rate, warm-up or normalization. */
  extremeMax: 6000,
  /** Batch-norm statistics from fewer samples than this are noisy (Wu & He 2018: error climbs below 8). */
  batchNormMin: 8,
} as const;

/** GUIDE §6 Tier 2: momentum β, 0.9 a common and good choice. */
export const MOMENTUM = { low: 0.8, high: 0.99, recommended: 0.9 } as const;

/** GUIDE §6 Tier 3: Adam's β1, β2, ε. */
export const ADAM = {
  beta1: { low: 0.8, high: 0.95, recommended: 0.9 },
  beta2: { low: 0.99, high: 0.9999, recommended: 0.999 },
  epsilon: { low: 1e-10, high: 1e-6, recommended: 1e-8 },
} as const;

/** GUIDE §6 Tier 1 and §7: loss terms no more than two orders of magnitude apart. */
export const LOSS_MAGNITUDE_RATIO = 100;

/** GUIDE §7: dropout rate in [0, 0.5]; §6 Tier 3: [0.2, 0.5] between fully connected layers. */
export const DROPOUT = { max: 0.5, low: 0.2, recommended: 0.5 } as const;

/**
 * GUIDE §7 and §6 Tier 3: weight decay [0, 1e-4] (`coupledRangeTop`, §7's table); §6 Tier 3 suggests a value
 * such as 5e-4 and says not to search it much. Where the sections disagree the more specific advice (§6's
 * suggested value) wins: the rule is silent up to `suggested` and reports an info only above it. A decay
 * strong enough for a warning is moved into §7's range, to its top (`coupledRangeTop`): the bench found 5e-4 too
 * close to the harm it fixes to show a gain (docs/bench.md, weight-decay-range).
 */
export const WEIGHT_DECAY = {
  coupledRangeTop: 1e-4,
  coupledWarning: 1e-3,
  decoupledWarning: 0.1,
  suggested: 5e-4,
} as const;

/** GUIDE §7: convolution kernel sizes. */
export const KERNEL_SIZES = [1, 3, 5, 7] as const;
export const KERNEL_MAX = 7;

/** GUIDE §5.3 and §2.4.1: the automatic learning-rate policy and early stopping. */
export const PLATEAU = {
  /** Epochs without a new best before halving (or stopping): n = 10, 20, 30 …, at least 10. */
  patience: 10,
  factor: { low: 0.1, high: 0.5, recommended: 0.5 },
  /** Stop once the rate has fallen to 1/1024 of its initial value. */
  floorDivisor: 1024,
  /** Epoch count from which a constant rate should follow the policy. */
  constantRateEpochs: 30,
  /** Epoch count from which early stopping is expected. */
  earlyStoppingEpochs: 50,
} as const;

/** GUIDE §2.4.3: more parameters than this many per training example, with no regularization, overfits. */
export const PARAMETERS_PER_EXAMPLE = 100;

/** Tuning Playbook / GUIDE §4.2: grid search only up to 2 dimensions; an unset budget caps a grid at 100. */
export const SEARCH = { gridMaxDimensions: 2, gridMaxPointsWithoutBudget: 100, logScaleRatio: 100 } as const;

/** GUIDE §4.5: fine-tuning on fewer examples than this should freeze or slow the lower layers. */
export const SMALL_FINE_TUNE_SET = 10000;

/** Focal loss (Lin et al. 2017): γ = 2, α = 0.25; γ outside [0.5, 5] is unusual. */
export const FOCAL = { gamma: { low: 0.5, high: 5, recommended: 2 }, alpha: 0.25 } as const;

/** Warm-up: longer than this fraction of training is unusual (Playbook sweeps up to 10%). */
export const WARMUP_INFO_FRACTION = 0.25;

/** Warm-up suggested in place of an over-long one: the Tuning Playbook sweeps warm-up up to 10% of training. */
export const WARMUP_SUGGESTED_FRACTION = 0.1;

/** The Deep Learning Tuning Playbook (Godbole et al., 2023) for Adam: under 10 trials tune only the learning rate, from 10 add β1, from 25 add ε. */
export const ADAM_SEARCH_BUDGET = { beta1: 10, epsilon: 25 } as const;
