import { isPlainObject } from '../model/normalize.js';
import type { SourcePath } from '../source/range.js';
import { ConfigBuilder } from './adapter.js';
import type { Adapter } from './adapter.js';
import { LOADERS } from './loaders.js';
import { COMET, OPTUNA_SWEEPER, OPTUNA_SWEEPER_DEFAULTS, WANDB } from './defaults.js';
import { asNumber, valueAt } from './reader.js';
import { parseSweepExpression } from './sweep-expression.js';
import type { Primitive, SweepDomain } from './sweep-expression.js';

/**
 * Hyperparameter search files — W&B sweep YAML, the Hydra Optuna (and basic) sweeper, the Comet optimizer
 * JSON — mapped onto the canonical `search` so the search rules apply. A parameter whose name says what
 * it is (`lr`, `weight_decay`, `batch_size`, …) gets its canonical dot path; other names are kept as
 * written. Fixed values of such parameters (`value:`, one-value lists) fill the canonical config.
 */

/** Parameter names (the last dot segment, lower-cased) → canonical dot paths. */
const CANONICAL_PARAMETERS: Readonly<Record<string, string>> = {
  ...alias('optimizer.learningRate', 'learning_rate', 'lr', 'lr0', 'learn_rate', 'learningrate', 'base_lr', 'init_lr', 'initial_learning_rate'),
  ...alias('optimizer.weightDecay', 'weight_decay', 'weightdecay', 'wd'),
  ...alias('optimizer.momentum', 'momentum'),
  ...alias('optimizer.beta1', 'beta1', 'beta_1', 'adam_beta1'),
  ...alias('optimizer.beta2', 'beta2', 'beta_2', 'adam_beta2'),
  ...alias('optimizer.epsilon', 'epsilon', 'eps', 'adam_epsilon'),
  ...alias('optimizer.name', 'optimizer', 'optim'),
  ...alias('training.batchSize', 'batch_size', 'batchsize', 'batch', 'bs', 'per_device_train_batch_size', 'micro_batch_size'),
  ...alias('training.epochs', 'epochs', 'num_epochs', 'max_epochs', 'num_train_epochs'),
  ...alias('training.maxSteps', 'max_steps', 'max_iter'),
  ...alias('training.gradientAccumulation', 'gradient_accumulation_steps', 'accumulate_grad_batches'),
  ...alias('schedule.warmupEpochs', 'warmup_epochs'),
  ...alias('schedule.warmupSteps', 'warmup_steps'),
  ...alias('schedule.warmupRatio', 'warmup_ratio'),
  ...alias('regularization.l1', 'l1'),
  ...alias('regularization.l2', 'l2', 'l2_reg', 'l2_lambda'),
  ...alias('model.lora.rank', 'lora_r', 'lora_rank'),
  ...alias('model.lora.alpha', 'lora_alpha'),
  ...alias('model.lora.dropout', 'lora_dropout'),
};

function alias(path: string, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, path]));
}

/** The canonical dot path for a swept parameter name, or the name itself when it does not map. */
export function canonicalParameter(name: string): string {
  const leaf = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return Object.hasOwn(CANONICAL_PARAMETERS, leaf) ? CANONICAL_PARAMETERS[leaf]! : name;
}

/** Search strategies as the canonical model names them. */
const STRATEGIES: Readonly<Record<string, string>> = {
  grid: 'grid',
  random: 'random',
  bayes: 'bayesian',
  bayesian: 'bayesian',
  tpesampler: 'bayesian',
  gpsampler: 'bayesian',
  randomsampler: 'random',
  gridsampler: 'grid',
  qmcsampler: 'quasiRandom',
};

function strategyOf(name: unknown): string | undefined {
  if (typeof name !== 'string') return undefined;
  const key = name.slice(name.lastIndexOf('.') + 1).trim().toLowerCase();
  return Object.hasOwn(STRATEGIES, key) ? STRATEGIES[key] : undefined;
}

/** One parameter as a sweep file declares it, with the source paths of its parts. */
interface Declared {
  readonly name: string;
  readonly source: SourcePath;
  readonly domain: SweepDomain;
  /** Where the values / min / max / scale are written, when they have their own nodes. */
  readonly parts?: { readonly values?: SourcePath; readonly min?: SourcePath; readonly max?: SourcePath; readonly scale?: SourcePath };
  /** The tool whose default sampling (uniform) gives the scale, when the file does not write one. */
  readonly scaleDefault?: string;
  /** The bounds are computed from what is written (W&B `log_uniform` writes exponents of e). */
  readonly computedBounds?: boolean;
}

/**
 * Records the declared parameters: varying ones as `search.space`, fixed ones into the canonical config.
 * A value whose own node the file writes is set; one computed from a key or an expression
 * (`interval(a, b)`, `distribution: log_uniform_values` → `scale: log`) is derived: pointed at, never edited.
 */
function record(builder: ConfigBuilder, declared: readonly Declared[], spaceSource: SourcePath): void {
  builder.locate(['search', 'space'], spaceSource);
  let index = 0;
  for (const parameter of declared) {
    const canonical = canonicalParameter(parameter.name);
    const { domain } = parameter;
    const parts = parameter.parts ?? {};
    const put = (path: (string | number)[], value: unknown, written: SourcePath | undefined, computed = false): void => {
      if (written && !computed) builder.set(path, value, written);
      else builder.setDerived(path, value, written ?? parameter.source);
    };
    if (domain.kind === 'fixed' || (domain.kind === 'values' && domain.values.length === 1)) {
      const value = domain.kind === 'fixed' ? domain.value : domain.values[0];
      // A one-value list (`values: [0.6]`) points at its item, so a fix edits the number, not the list.
      const written = parts.values && domain.kind === 'values' ? [...parts.values, 0] : parts.values;
      // Only a named field of the model: the search cannot say which layer a bare `dropout` is.
      if (canonical !== parameter.name && value !== null) put(canonical.split('.'), value, written);
      continue;
    }
    const target = ['search', 'space', index++];
    builder.locate(target, parameter.source);
    builder.setDerived([...target, 'parameter'], canonical, parameter.source);
    if (domain.kind === 'values') {
      put([...target, 'values'], domain.values, parts.values);
    } else {
      put([...target, 'min'], domain.min, parts.min, parameter.computedBounds);
      put([...target, 'max'], domain.max, parts.max, parameter.computedBounds);
      if (parameter.scaleDefault && !parts.scale) builder.setDefault([...target, 'scale'], domain.scale, parameter.scaleDefault, parameter.source);
      else put([...target, 'scale'], domain.scale, parts.scale, true);
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// W&B sweep YAML

const WANDB_METHODS = ['grid', 'random', 'bayes'];
const WANDB_KEYS = ['values', 'value', 'min', 'max', 'distribution', 'parameters'];

/** W&B distributions whose min/max are natural-log exponents (legacy `log_uniform`). */
const WANDB_EXPONENT_DISTRIBUTIONS = ['log_uniform', 'q_log_uniform'];
const WANDB_LOG_DISTRIBUTIONS = ['log_uniform', 'q_log_uniform', 'log_uniform_values', 'q_log_uniform_values', 'inv_log_uniform', 'inv_log_uniform_values'];

function isWandbSweep(root: Record<string, unknown>): boolean {
  return isPlainObject(root.parameters) && Object.values(root.parameters).some((p) => isPlainObject(p) && WANDB_KEYS.some((k) => k in p));
}

/** W&B parameters, nested `parameters` blocks flattened into dotted names (`enclosing` stops a YAML alias cycle). */
function wandbParameters(parameters: unknown, path: SourcePath, prefix = '', enclosing: ReadonlySet<unknown> = new Set()): Declared[] {
  if (!isPlainObject(parameters) || enclosing.has(parameters)) return [];
  const inside = new Set(enclosing).add(parameters);
  return Object.entries(parameters).flatMap(([key, spec]): Declared[] => {
    const source = [...path, key];
    const name = prefix + key;
    if (!isPlainObject(spec)) return [];
    if (isPlainObject(spec.parameters)) return wandbParameters(spec.parameters, [...source, 'parameters'], `${name}.`, inside);
    const domain = wandbDomain(spec);
    if (!domain) return [];
    const parts = {
      values: [...source, 'values' in spec ? 'values' : 'value'],
      min: [...source, 'min'],
      max: [...source, 'max'],
      ...('distribution' in spec ? { scale: [...source, 'distribution'] } : {}),
    };
    const computedBounds = typeof spec.distribution === 'string' && WANDB_EXPONENT_DISTRIBUTIONS.includes(spec.distribution);
    return [{ name, source, domain, parts, scaleDefault: WANDB, computedBounds }];
  });
}

/** A listed value as the sweep means it: PyYAML leaves `1e-5` a string, which is still the number 1e-5. */
const meant = (value: unknown): Primitive => (typeof value === 'string' ? (asNumber(value) ?? value) : value) as Primitive;

function wandbDomain(spec: Record<string, unknown>): SweepDomain | undefined {
  if (Array.isArray(spec.values)) return { kind: 'values', values: spec.values.map(meant) };
  if ('value' in spec) return { kind: 'fixed', value: spec.value as Primitive };
  let [min, max] = [asNumber(spec.min), asNumber(spec.max)];
  if (min === undefined || max === undefined) return undefined;
  const distribution = typeof spec.distribution === 'string' ? spec.distribution : undefined;
  if (distribution && WANDB_EXPONENT_DISTRIBUTIONS.includes(distribution)) [min, max] = [Math.exp(min), Math.exp(max)];
  // Without a distribution W&B samples uniformly (int_uniform for integer bounds): a linear scale.
  return { kind: 'range', min, max, scale: distribution && WANDB_LOG_DISTRIBUTIONS.includes(distribution) ? 'log' : 'linear' };
}

function readWandb(builder: ConfigBuilder, root: Record<string, unknown>): void {
  const strategy = strategyOf(root.method);
  if (strategy) builder.setDerived(['search', 'strategy'], strategy, ['method']);
  // `run_cap` caps the sweep; `count` (an agent argument some files carry) caps one agent.
  const cap = ['run_cap', 'count'].find((k) => asNumber(root[k]) !== undefined);
  if (cap) builder.set(['search', 'trials'], asNumber(root[cap]), [cap]);
  record(builder, wandbParameters(root.parameters, ['parameters']), ['parameters']);
}

// ---------------------------------------------------------------------------------------------------
// Hydra sweepers (Optuna; the basic sweeper's comma lists)

const HYDRA_SWEEPER: SourcePath = ['hydra', 'sweeper'];

function hydraParams(root: unknown): { params: Record<string, unknown>; path: SourcePath } | undefined {
  for (const key of ['params', 'search_space']) {
    const value = valueAt(root, [...HYDRA_SWEEPER, key]);
    if (isPlainObject(value)) return { params: value, path: [...HYDRA_SWEEPER, key] };
  }
  return undefined;
}

/** True when the file configures the Optuna sweeper (its `_target_`, or `override /hydra/sweeper: optuna`). */
function usesOptuna(root: Record<string, unknown>): boolean {
  const target = valueAt(root, [...HYDRA_SWEEPER, '_target_']);
  if (typeof target === 'string') return /optuna/i.test(target);
  return JSON.stringify(root.defaults ?? []).includes('optuna') || hydraParams(root)?.path.at(-1) === 'search_space';
}

/** One Hydra parameter: an override expression, a plain value, or (old Optuna sweeper) a `{type, low, high}` mapping. */
function hydraDomain(value: unknown): SweepDomain | undefined {
  if (typeof value === 'string') return parseSweepExpression(value);
  if (typeof value === 'number' || typeof value === 'boolean') return { kind: 'fixed', value };
  if (!isPlainObject(value)) return undefined;
  if (Array.isArray(value.choices)) return { kind: 'values', values: value.choices as Primitive[] };
  const [low, high] = [asNumber(value.low), asNumber(value.high)];
  return low !== undefined && high !== undefined ? { kind: 'range', min: low, max: high, scale: value.log === true ? 'log' : 'linear' } : undefined;
}

function readHydra(builder: ConfigBuilder, root: Record<string, unknown>): void {
  const found = hydraParams(root);
  if (!found) return;
  const sampler = valueAt(root, [...HYDRA_SWEEPER, 'sampler', '_target_']);
  if (usesOptuna(root)) {
    const strategy = strategyOf(sampler);
    if (strategy) builder.setDerived(['search', 'strategy'], strategy, [...HYDRA_SWEEPER, 'sampler', '_target_']);
    else if (sampler === undefined) builder.setDefault(['search', 'strategy'], OPTUNA_SWEEPER_DEFAULTS.strategy, OPTUNA_SWEEPER, HYDRA_SWEEPER);
    const trials = asNumber(valueAt(root, [...HYDRA_SWEEPER, 'n_trials']));
    if (trials !== undefined) builder.set(['search', 'trials'], trials, [...HYDRA_SWEEPER, 'n_trials']);
    else builder.setDefault(['search', 'trials'], OPTUNA_SWEEPER_DEFAULTS.trials, OPTUNA_SWEEPER, HYDRA_SWEEPER);
  } else {
    // Hydra's basic sweeper runs every combination of its comma lists.
    builder.setDerived(['search', 'strategy'], 'grid', HYDRA_SWEEPER);
  }
  const declared = Object.entries(found.params).flatMap(([name, value]): Declared[] => {
    const domain = hydraDomain(value);
    if (!domain) return [];
    const source = [...found.path, name];
    // A plain value (`trainer.max_epochs: 20`) is written as such; an expression is not.
    const plain = domain.kind === 'fixed' && domain.value === value;
    const parts = isPlainObject(value)
      ? { values: [...source, 'choices'], min: [...source, 'low'], max: [...source, 'high'], ...('log' in value ? { scale: [...source, 'log'] } : {}) }
      : plain
        ? { values: source }
        : undefined;
    return [{ name, source, domain, ...(parts ? { parts } : {}) }];
  });
  record(builder, declared, found.path);
}

// ---------------------------------------------------------------------------------------------------
// Comet optimizer JSON

function isCometConfig(root: Record<string, unknown>): boolean {
  return typeof root.algorithm === 'string' && isPlainObject(root.parameters) && Object.values(root.parameters).some((p) => isPlainObject(p) && 'type' in p);
}

function cometDomain(spec: Record<string, unknown>): SweepDomain | undefined {
  if (Array.isArray(spec.values)) return { kind: 'values', values: spec.values as Primitive[] };
  const [min, max] = [asNumber(spec.min), asNumber(spec.max)];
  if (min === undefined || max === undefined) return undefined;
  // Comet samples uniformly unless `scalingType` says loguniform / lognormal.
  const log = typeof spec.scalingType === 'string' && /^log/i.test(spec.scalingType);
  return { kind: 'range', min, max, scale: log ? 'log' : 'linear' };
}

function readComet(builder: ConfigBuilder, root: Record<string, unknown>): void {
  const strategy = strategyOf(root.algorithm);
  if (strategy) builder.setDerived(['search', 'strategy'], strategy, ['algorithm']);
  // `spec.maxCombo: 0` means no limit; top-level `trials` repeats each combination, it is not a budget.
  const maxCombo = asNumber(valueAt(root, ['spec', 'maxCombo']));
  if (maxCombo !== undefined && maxCombo > 0) builder.set(['search', 'trials'], maxCombo, ['spec', 'maxCombo']);
  const parameters = isPlainObject(root.parameters) ? root.parameters : {};
  const declared = Object.entries(parameters).flatMap(([name, spec]): Declared[] => {
    const domain = isPlainObject(spec) ? cometDomain(spec) : undefined;
    if (!domain || !isPlainObject(spec)) return [];
    const source = ['parameters', name];
    const parts = { values: [...source, 'values'], min: [...source, 'min'], max: [...source, 'max'], ...('scalingType' in spec ? { scale: [...source, 'scalingType'] } : {}) };
    return [{ name, source, domain, parts, scaleDefault: COMET }];
  });
  record(builder, declared, ['parameters']);
}

// ---------------------------------------------------------------------------------------------------

export const sweepAdapter: Adapter = {
  name: 'sweep',
  description: 'hyperparameter sweep (W&B sweep YAML, Hydra Optuna/basic sweeper, Comet optimizer JSON)',
  detect(root) {
    if (!isPlainObject(root)) return 0;
    if (hydraParams(root) || isCometConfig(root)) return 0.95;
    if (isWandbSweep(root)) return typeof root.method === 'string' && WANDB_METHODS.includes(root.method.trim()) ? 0.95 : 0.6;
    return 0;
  },
  loader(root) {
    // Hydra composes with OmegaConf, the W&B CLI (`wandb sweep`) loads with yaml.safe_load, Comet reads JSON.
    if (isPlainObject(root) && hydraParams(root)) return LOADERS.omegaconf;
    return isPlainObject(root) && isCometConfig(root) ? LOADERS.json : LOADERS.wandb;
  },
  read(root) {
    const builder = new ConfigBuilder();
    if (!isPlainObject(root)) return builder.output();
    if (hydraParams(root)) readHydra(builder, root);
    else if (isCometConfig(root)) readComet(builder, root);
    else readWandb(builder, root);
    return builder.output();
  },
};
