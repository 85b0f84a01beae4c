import { createRule, optionsSchema } from '../engine/rule.js';
import type { DocumentFacts } from '../engine/rule.js';
import { pointer, pointerToDotPath } from '../model/pointer.js';
import { effectiveRegime, isLlmRecipeFormat } from '../model/regime.js';
import type { Regime } from '../model/regime.js';
import { ALGORITHM_RATES, FINE_TUNE_DIVISORS, FINE_TUNE_INFO_DIVISOR, LEARNING_RATE_RANGES, REGIME_LEARNING_RATES, UNKNOWN_REGIME_TOLERANCE } from '../knowledge/guide.js';
import type { OptimizerFamily, Range, RateBand } from '../knowledge/guide.js';
import { normalizeOptimizerName, optimizerFamily } from './optimizers.js';
import { defaultNote, formatNumber, initialLearningRate } from './util.js';
import type { TrainingConfig } from '../model/types.js';

export interface Options {
  /** Per-family overrides of the GUIDE §7 ranges, e.g. `{ adam: { low: 1e-4, high: 3e-3 } }`. */
  readonly ranges: Partial<Record<OptimizerFamily, Range>>;
  /** Full fine-tuning: the range becomes [low / fineTuneLowDivisor, high / fineTuneHighDivisor]. */
  readonly fineTuneLowDivisor: number;
  readonly fineTuneHighDivisor: number;
}

const rangeSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['low', 'high'],
  properties: { low: { type: 'number', exclusiveMinimum: 0 }, high: { type: 'number', exclusiveMinimum: 0 } },
} as const;

const DISPLAY_NAMES: Record<OptimizerFamily, string> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum',
  adagrad: 'Adagrad',
  adadelta: 'Adadelta',
  rmsprop: 'RMSprop',
  adam: 'Adam',
  adamax: 'Adamax',
  nadam: 'Nadam',
};

/** Where the LLM-regime bands come from (the rule's docs list each source). */
const REGIME_SOURCE = 'published recipes, docs/rules/learning-rate-range.md';

/** A band of rates that fits one regime, and how a message names it. */
interface RegimeBand {
  readonly band: RateBand;
  /** "training from scratch", "DPO fine-tuning with adapters", … */
  readonly label: string;
  readonly source: string;
}

const DEFAULT_OPTIONS: Options = { ranges: {}, fineTuneLowDivisor: FINE_TUNE_DIVISORS.low, fineTuneHighDivisor: FINE_TUNE_DIVISORS.high };

export default createRule<Options>({
  id: 'learning-rate-range',
  meta: {
    description: 'The initial learning rate lies outside the range of its training regime (GUIDE §7 from scratch, §4.5 fine-tuning, published bands for adapters, preference tuning, RL and LLM pretraining).',
    severity: 'warning',
    tier: 1,
    category: 'learning-rate',
    guide: '§5, §7, §4.5',
    code: true,
    fixable: 'unsafe',
    optionsSchema: optionsSchema({
      ranges: { type: 'object', additionalProperties: false, properties: Object.fromEntries(Object.keys(LEARNING_RATE_RANGES).map((k) => [k, rangeSchema])) },
      fineTuneLowDivisor: { type: 'number', minimum: 1 },
      fineTuneHighDivisor: { type: 'number', minimum: 1 },
    }),
    defaultOptions: DEFAULT_OPTIONS,
  },
  check(config, context) {
    const lr = initialLearningRate(config);
    const family = optimizerFamily(config.optimizer);
    if (!lr || !family || lr.value <= 0 || lr.value === ALGORITHM_RATES[family]) return;
    const regime = effectiveRegime(config, context.document.format);
    const bands = regime ? bandsFor(regime, family, context.options) : plausibleBands(context.document.format, family, context.options);
    if (bands.length === 0 || bands.some(({ band }) => within(lr.value, band.low, band.high))) return;
    const tolerance = regime ? 1 : UNKNOWN_REGIME_TOLERANCE;
    const info = bands.some(({ band }) => within(lr.value, band.infoLow / tolerance, band.infoHigh * tolerance));
    const nearest = nearestEdge(lr.value, bands);
    const above = lr.value > nearest.value;
    const written = `${displayName(config.optimizer?.name, family)}${optimizerDefaultNote(context.document)} learning rate ${formatNumber(lr.value)}${defaultNote(context.document, lr.path)}`;
    const where = regime
      ? `the range for ${nearest.label} [${formatNumber(nearest.band.low)}, ${formatNumber(nearest.band.high)}] (${nearest.source}${regimeEvidence(regime)})`
      : `every range that fits this file, which does not say how it trains (${above ? 'up' : 'down'} to ${formatNumber(nearest.value)} for ${nearest.label})`;
    context.report({
      path: lr.path,
      ...(info ? { severity: 'info' as const } : {}),
      message: `${written} is ${above ? 'above' : 'below'} ${where}.`,
      suggestion: {
        path: lr.path,
        value: nearest.value,
        description: `Set ${pointerToDotPath(lr.path)} to ${formatNumber(nearest.value)}, the nearest value in range.`,
        edits: [{ op: 'set', path: lr.path, value: nearest.value }],
      },
    });
  },
});

/**
 * The range this rule holds the config's rate to, with default options: its regime's band, or, when the
 * file does not say its regime, the span of the plausible ones; undefined where the rule judges no rate.
 * The advisor shows it beside a suggestion and the tuning plan searches it, so neither contradicts the rule.
 */
export function learningRateBand(config: TrainingConfig, format: string): Range | undefined {
  const family = optimizerFamily(config.optimizer);
  if (!family) return undefined;
  const regime = effectiveRegime(config, format);
  const bands = regime ? bandsFor(regime, family, DEFAULT_OPTIONS) : plausibleBands(format, family, DEFAULT_OPTIONS);
  if (bands.length === 0) return undefined;
  return { low: Math.min(...bands.map(({ band }) => band.low)), high: Math.max(...bands.map(({ band }) => band.high)) };
}

/** Float32 rounding (Keras stores 1e-5 as 9.9999997e-06) is not a departure from a range. */
const RELATIVE_SLACK = 1e-6;

function within(value: number, low: number, high: number): boolean {
  return value >= low * (1 - RELATIVE_SLACK) && value <= high * (1 + RELATIVE_SLACK);
}

/** The bands of a known regime; both variants when the file does not say whether it trains adapters. */
function bandsFor(regime: Regime, family: OptimizerFamily, options: Options): RegimeBand[] {
  const scratch = options.ranges[family] ?? LEARNING_RATE_RANGES[family];
  const adam = family === 'adam' || family === 'adamax' || family === 'nadam';
  const method = regime.method ?? '';
  const withAdapters = (full: RegimeBand[], peft: RegimeBand[]): RegimeBand[] =>
    regime.parameterEfficient === true ? peft : regime.parameterEfficient === false ? full : [...full, ...peft];
  switch (regime.kind) {
    case 'scratch':
      return [{ band: { ...scratch, infoLow: scratch.low, infoHigh: scratch.high }, label: 'training from scratch', source: 'GUIDE §7' }];
    case 'finetune':
      return withAdapters([fineTuneBand(scratch, options)], adam ? [regimeBand('peft', 'LoRA fine-tuning')] : []);
    case 'peft':
      return adam ? [regimeBand('peft', `${method || 'LoRA'} fine-tuning`)] : [];
    case 'preference':
      return adam ? withAdapters([regimeBand('preference', `${method} fine-tuning`)], [regimeBand('preferencePeft', `${method} fine-tuning with adapters`)]) : [];
    case 'rl':
      return adam ? withAdapters([regimeBand('rl', `${method} RL fine-tuning`)], [regimeBand('rlPeft', `${method} RL fine-tuning with adapters`)]) : [];
    case 'pretrain':
      return adam ? [regimeBand('pretrain', 'LLM pretraining')] : [];
  }
}

/** Formats whose files may be any of several regimes, and which: LLM recipes are never from scratch. */
function plausibleBands(format: string, family: OptimizerFamily, options: Options): readonly RegimeBand[] {
  // The same for every file of a format in a run: built once per options object, format and family.
  let byKind = PLAUSIBLE.get(options);
  if (!byKind) PLAUSIBLE.set(options, (byKind = new Map()));
  const key = `${format}\u0000${family}`;
  let bands = byKind.get(key);
  if (!bands) byKind.set(key, (bands = buildPlausibleBands(format, family, options)));
  return bands;
}

const PLAUSIBLE = new WeakMap<Options, Map<string, readonly RegimeBand[]>>();

function buildPlausibleBands(format: string, family: OptimizerFamily, options: Options): RegimeBand[] {
  const regimes: Regime[] =
    isLlmRecipeFormat(format)
      ? [{ kind: 'finetune', evidence: '' }, { kind: 'preference', method: 'DPO', evidence: '' }, { kind: 'rl', method: 'GRPO', evidence: '' }, { kind: 'pretrain', evidence: '' }]
      : [{ kind: 'scratch', evidence: '' }, { kind: 'finetune', parameterEfficient: false, evidence: '' }];
  return regimes.flatMap((regime) => bandsFor(regime, family, options));
}

function fineTuneBand(scratch: Range, options: Options): RegimeBand {
  const low = scratch.low / options.fineTuneLowDivisor;
  const high = scratch.high / options.fineTuneHighDivisor;
  return {
    band: { low, high, infoLow: low / FINE_TUNE_INFO_DIVISOR, infoHigh: high },
    label: 'full fine-tuning',
    // Formatted only when a message quotes it: the band is built for every file with a learning rate.
    get source() {
      return `GUIDE §4.5: 1–2 orders of magnitude below §7's [${formatNumber(scratch.low)}, ${formatNumber(scratch.high)}]`;
    },
  };
}

function regimeBand(key: keyof typeof REGIME_LEARNING_RATES, label: string): RegimeBand {
  return { band: REGIME_LEARNING_RATES[key], label, source: REGIME_SOURCE };
}

/** The band edge closest to the rate (on a log scale), which the suggestion moves the rate to. */
function nearestEdge(value: number, bands: readonly RegimeBand[]): RegimeBand & { value: number } {
  let best: { band: RegimeBand; value: number; distance: number } | undefined;
  for (const band of bands) {
    for (const edge of [band.band.low, band.band.high]) {
      const distance = Math.abs(Math.log(value / edge));
      if (!best || distance < best.distance) best = { band, value: edge, distance };
    }
  }
  return { ...best!.band, value: best!.value };
}

/** "; regime from `rl: dpo`" — what in the file made the rule choose this range. */
function regimeEvidence(regime: Regime): string {
  return regime.evidence && regime.kind !== 'scratch' ? `; regime from ${regime.evidence}` : '';
}

/** The family's name, except AdamW, which users know by its own name although it shares Adam's range. */
function displayName(written: string | undefined, family: OptimizerFamily): string {
  return family === 'adam' && normalizeOptimizerName(written) === 'adamw' ? 'AdamW' : DISPLAY_NAMES[family];
}

/** " (the HuggingFace default optimizer)" when the file names no optimizer and its framework chose one. */
function optimizerDefaultNote(document: DocumentFacts): string {
  const source = document.defaultOf(pointer('optimizer', 'name'));
  return source ? ` (the ${source.framework} default optimizer)` : '';
}
