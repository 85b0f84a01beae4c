import { pointsOf } from '../history/history.js';
import type { Point, TrainingHistory } from '../history/history.js';

/** One logged series: the name as the file spells it and its points. */
export interface Series {
  readonly name: string;
  readonly points: readonly Point[];
}

/** A validation-quality series (accuracy, mAP, reward): higher is better. */
export interface QualitySeries extends Series {
  readonly kind: 'accuracy' | 'mAP' | 'reward';
}

/**
 * What the analysis reads from one model's history: the total training loss, the validation losses (the
 * primary first, then further evaluation sets), the validation quality metric GUIDE §5.3 watches, the
 * training loss terms and the logged learning rate.
 */
export interface HistoryView {
  /** Prefix of the model's keys, when one file holds several models (`reg_loss`, `cls_loss`). */
  readonly model?: string;
  readonly train?: Series;
  readonly validation: readonly Series[];
  readonly quality?: QualitySeries;
  /** Per-term training losses (`box_loss`, `sft_loss`, `recon_loss`, `kld`). */
  readonly terms: readonly Series[];
  readonly learningRate: readonly Point[];
  /** Reinforcement learning (a `reward` is logged): the loss is a KL-scaled objective, not a quality signal. */
  readonly reinforcement: boolean;
  /** Logged by optimizer step (HuggingFace): patience counts evaluations. */
  readonly stepBased: boolean;
}

/** A metric name compared whatever its case and separators: `Validation Loss`, `val/box_loss`, `lr-Adam`. */
export function normalizeName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

const TRAIN_LOSS = ['loss', 'train_loss', 'training_loss', 'trainloss'];
const VALIDATION_LOSS = ['val_loss', 'valid_loss', 'validation_loss', 'eval_loss', 'val_total_loss'];
const VALIDATION_PREFIX = /^(val|valid|validation|eval|test)_/;
const ACCURACY = ['val_accuracy', 'val_acc', 'eval_accuracy', 'eval_acc', 'valid_accuracy', 'valid_acc', 'validation_accuracy', 'validation_acc', 'val_categorical_accuracy', 'val_sparse_categorical_accuracy', 'val_binary_accuracy'];
/** Ultralytics' and YOLOv5's mAP over IoU 0.5–0.95, which their fitness (and patience) mostly weighs. */
const MAP = ['metrics_map50_95_b', 'metrics_map_0_5_0_95', 'metrics_map50_95'];
const LEARNING_RATE = /^(lr|learning_rate|learningrate|lr_.+|x_lr0|lr_pg0)$/;
/** Loss terms: `<term>_loss` of training (not a total, not validation) and the KL term of a VAE. */
const TERM = /^(?:train_|training_)?(.+)_loss$|^(?:train_|training_)?(kld|kl_div|kl_loss)$/;
/** Fewer points than this is not a series to judge a test set on. */
const MIN_TEST_POINTS = 3;

/**
 * Reads the views of a history: one, or one per model when the file holds several models whose keys share a
 * prefix (`reg_loss`, `reg_val_loss`, `cls_loss` …) and no unprefixed loss.
 */
export function historyViews(history: TrainingHistory): HistoryView[] {
  const byName = new Map(history.metrics.map((m) => [normalizeName(m), m]));
  const hasTotal = TRAIN_LOSS.some((n) => byName.has(n)) || VALIDATION_LOSS.some((n) => byName.has(n));
  const prefixes = hasTotal ? [] : [...byName.keys()].flatMap((n) => /^([a-z0-9]+)_(?:val_)?loss$/.exec(n)?.[1] ?? []).filter((p, i, all) => !VALIDATION_PREFIX.test(`${p}_`) && !/^(train|training)$/.test(p) && all.indexOf(p) === i);
  const models = prefixes.filter((p) => byName.has(`${p}_loss`) && [...byName.keys()].some((n) => n.startsWith(`${p}_val_`)));
  if (models.length < 2) return [view(history, byName)];
  return models.map((prefix) => {
    const own = new Map([...byName].filter(([n]) => n.startsWith(`${prefix}_`)).map(([n, m]) => [n.slice(prefix.length + 1), m]));
    return { ...view(history, own), model: prefix };
  });
}

function view(history: TrainingHistory, byName: ReadonlyMap<string, string>): HistoryView {
  const series = (normalized: string): Series | undefined => {
    const name = byName.get(normalized);
    const points = name === undefined ? [] : pointsOf(history, name);
    return name !== undefined && points.length > 0 ? { name, points } : undefined;
  };
  const first = (names: readonly string[]) => names.map(series).find((s) => s !== undefined);
  const terms = [...byName.keys()].filter((n) => TERM.test(n) && !VALIDATION_PREFIX.test(n) && !TRAIN_LOSS.includes(n)).flatMap((n) => series(n) ?? []);
  const validationTerms = [...byName.keys()].filter((n) => /^(val|valid|validation)_.+_loss$/.test(n) && !VALIDATION_LOSS.includes(n)).flatMap((n) => series(n) ?? []);
  const evalSets = [...byName.keys()].filter((n) => /^eval_.+_loss$/.test(n)).flatMap((n) => series(n) ?? []);
  const test = series('test_loss');
  const train = first(TRAIN_LOSS) ?? summed(terms, 'training');
  const validation = [first(VALIDATION_LOSS) ?? summed(validationTerms, 'validation'), ...evalSets].filter((s): s is Series => s !== undefined);
  // A test set logged every epoch stands in for validation (a custom loop's `test_loss`); logged once at the end it does not.
  const validated = validation.length > 0 ? validation : test && test.points.length >= MIN_TEST_POINTS ? [test] : [];
  const reinforcement = byName.has('reward');
  const accuracy = first(validated[0]?.name && normalizeName(validated[0].name).startsWith('test_') ? ['test_acc', 'test_accuracy'] : ACCURACY);
  const map = first(MAP);
  const reward = series('reward');
  const quality: QualitySeries | undefined = accuracy ? { ...accuracy, kind: 'accuracy' } : map ? { ...map, kind: 'mAP' } : reward ? { ...reward, kind: 'reward' } : undefined;
  const rate = [...byName.keys()].find((n) => LEARNING_RATE.test(n));
  return {
    ...(train && !reinforcement ? { train } : {}),
    validation: validated,
    ...(quality ? { quality } : {}),
    terms,
    learningRate: rate ? pointsOf(history, byName.get(rate)!) : [],
    reinforcement,
    stepBased: history.rows.some((r) => r.step !== undefined),
  };
}

/**
 * The total of loss terms logged without a total (Ultralytics' box + cls + dfl, already weighted by their
 * gains): row by row where every term is logged. Terms that go negative (a Wasserstein critic) are not
 * parts of one objective, so they are not summed.
 */
function summed(terms: readonly Series[], what: string): Series | undefined {
  if (terms.length < 2 || terms.some((t) => t.points.some((p) => !(p.value > 0) && Number.isFinite(p.value)))) return undefined;
  const rows = new Map<number, Point[]>();
  for (const term of terms) for (const p of term.points) rows.set(p.row, [...(rows.get(p.row) ?? []), p]);
  const points = [...rows.values()].filter((ps) => ps.length === terms.length).map((ps) => ({ ...ps[0]!, value: ps.reduce((sum, p) => sum + p.value, 0) }));
  return points.length > 0 ? { name: `${what} ${terms.map((t) => t.name).join(' + ')}`, points } : undefined;
}

/** The last value of a series logged at or before a row (HF logs training and evaluation losses at different steps). */
export function valueAtRow(points: readonly Point[], row: number): number | undefined {
  let found: number | undefined;
  for (const point of points) {
    if (point.row > row) break;
    found = point.value;
  }
  return found;
}

/** Where a finding happened: its epoch, and its step when the history is logged by step. */
export function at(point: Point): { epoch: number; step?: number } {
  return { epoch: point.epoch, ...(point.step !== undefined ? { step: point.step } : {}) };
}

/** "epoch 3" or "epoch 3 (step 1500)". */
export function label(point: Point): string {
  return `epoch ${point.epoch}${point.step !== undefined ? ` (step ${point.step})` : ''}`;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The typical size of a series' point-to-point noise: the median absolute deviation of its changes (robust
 * to a trend, which shifts every change alike, and to a few spikes), scaled to a standard deviation per
 * point. Floored at a thousandth of the series' level so that a perfectly smooth curve still has a scale.
 */
export function noise(points: readonly Point[]): number {
  const values = points.map((p) => p.value).filter(Number.isFinite);
  const changes = values.slice(1).map((v, i) => v - values[i]!);
  const level = values.length > 0 ? Math.abs(median(values)) : 0;
  const floor = 1e-3 * level + 1e-12;
  if (changes.length < 2) return floor;
  const centre = median(changes);
  const mad = median(changes.map((c) => Math.abs(c - centre)));
  return Math.max((1.4826 * mad) / Math.SQRT2, floor);
}

/**
 * A long per-step series averaged over consecutive windows (about `buckets` of them), each point standing
 * at its window's last row: batch noise averages out, a trend or a jump stays. Short series are kept.
 */
export function smooth(points: readonly Point[], buckets = 25): Point[] {
  const finite = points.filter((p) => Number.isFinite(p.value));
  const size = Math.max(1, Math.round(finite.length / buckets));
  if (size === 1) return [...finite];
  const out: Point[] = [];
  for (let i = 0; i < finite.length; i += size) {
    const window = finite.slice(i, i + size);
    out.push({ ...window.at(-1)!, value: window.reduce((sum, p) => sum + p.value, 0) / window.length });
  }
  return out;
}
