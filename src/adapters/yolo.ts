import { isPlainObject } from '../model/normalize.js';
import type { Adapter, AdapterOutput } from './adapter.js';
import { LOADERS } from './loaders.js';
import { YOLO, YOLO_DEFAULTS } from './defaults.js';
import { countKeys, readMapping } from './reader.js';
import type { SourceReader } from './reader.js';
import { readView, viewOf } from './view.js';

/**
 * Ultralytics `default.yaml` (YOLOv8+) and YOLOv5 / YOLOv7 hyperparameter files (`hyp.*.yaml`). A hyp file
 * holds only the optimizer and augmentation settings; YOLOv5 trains it with SGD (nesterov) by default.
 * A YOLOv5 run's `opt.yaml` holds the train.py options with the hyp file nested under `hyp:`.
 */

const COMPANION_KEYS = new Set(['lrf', 'momentum', 'weight_decay', 'warmup_epochs', 'warmup_momentum', 'warmup_bias_lr', 'box', 'cls', 'hsv_h', 'mosaic']);

/** Optimizers whose `momentum` setting is their β1 (`betas=(momentum, 0.999)` in Ultralytics). */
const BETA_OPTIMIZERS = /^(adam|adamw|adamax|nadam|radam)$/i;

export const yoloAdapter: Adapter = {
  name: 'yolo',
  description: 'Ultralytics / YOLOv5 / YOLOv7 hyperparameters (lr0, lrf, momentum, …)',
  // ultralytics `yaml_load` and YOLOv5 `yaml.safe_load`: a string lr0 raises in check_cfg or the optimizer.
  loader: () => LOADERS.ultralytics,
  detect(root) {
    if (!isPlainObject(root)) return 0;
    if (isRunOptions(root)) return 0.9;
    if (typeof root.lr0 !== 'number') return 0;
    return countKeys(root, COMPANION_KEYS) > 0 ? 0.95 : 0.7;
  },
  read(root) {
    if (!isPlainObject(root) || !isRunOptions(root)) return readHyp(root);
    // train.py's own names for what a hyp/default.yaml calls `batch` and `pretrained`.
    const hyp = root.hyp as Record<string, unknown>;
    const entries = [
      ...Object.keys(root).filter((k) => k !== 'hyp').map((k) => [k, [k]] as const),
      ...Object.keys(hyp).map((k) => [k, ['hyp', k]] as const),
      ['batch', ['batch_size']] as const,
      ['pretrained', ['weights']] as const,
    ];
    return readView(viewOf(root, entries), readHyp);
  },
};

/** A YOLOv5 `opt.yaml`: train.py options with the hyp file under `hyp:`. */
function isRunOptions(root: Record<string, unknown>): boolean {
  return isPlainObject(root.hyp) && typeof root.hyp.lr0 === 'number';
}

function readHyp(root: unknown): AdapterOutput {
  return readMapping(root, (reader) => {
    const auto = readOptimizer(reader);
    readSchedule(reader, auto);
    readTraining(reader);
    readLosses(reader);
  });
}

/** Returns true for `optimizer: auto`, which picks the optimizer, its rate and momentum itself. */
function readOptimizer(reader: SourceReader): boolean {
  const written = reader.string(['optimizer']);
  const auto = written?.toLowerCase() === 'auto';
  reader.copy(['weight_decay'], ['optimizer', 'weightDecay']);
  // `auto` ignores lr0 and momentum (SGD 0.01 for long runs, else AdamW with a rate from the class count).
  if (auto) return true;
  const name = written ?? YOLO_DEFAULTS.optimizer;
  if (written) reader.copy(['optimizer'], ['optimizer', 'name']);
  else reader.fallback(['optimizer', 'name'], name, YOLO, ['lr0']);
  reader.copy(['lr0'], ['optimizer', 'learningRate']);
  reader.copy(['momentum'], ['optimizer', BETA_OPTIMIZERS.test(name) ? 'beta1' : 'momentum']);
  if (name.toLowerCase() === 'sgd') reader.fallback(['optimizer', 'nesterov'], YOLO_DEFAULTS.nesterov, YOLO, ['momentum']);
  return false;
}

/** The rate falls linearly (or by a cosine with `cos_lr`) from lr0 to lr0 × lrf over the epochs. */
function readSchedule(reader: SourceReader, auto: boolean): void {
  if (reader.has(['lrf'])) {
    const cosine = reader.get(['cos_lr']) === true;
    reader.builder.setDerived(['schedule', 'type'], cosine ? 'cosineDecay' : 'polynomialDecay', cosine ? ['cos_lr'] : ['lrf']);
    if (!cosine) reader.builder.setDerived(['schedule', 'power'], 1, ['lrf']);
    const lr0 = reader.number(['lr0']);
    const lrf = reader.number(['lrf']);
    if (!auto && lr0 !== undefined && lrf !== undefined) reader.builder.setDerived(['schedule', 'endLearningRate'], Number((lr0 * lrf).toPrecision(12)), ['lrf']);
  }
  reader.copy(['warmup_epochs'], ['schedule', 'warmupEpochs']);
}

function readTraining(reader: SourceReader): void {
  reader.copy(['epochs'], ['training', 'epochs']);
  // -1 asks for AutoBatch and a fraction below 1 for a share of GPU memory: the batch is not known.
  const batch = reader.number(['batch']);
  if (batch !== undefined && batch >= 1) {
    reader.copy(['batch'], ['training', 'batchSize']);
    // Gradients accumulate until about `nbs` images have been seen (Ultralytics and YOLOv5 trainers).
    const nominal = reader.number(['nbs']) ?? YOLO_DEFAULTS.nominalBatch;
    const accumulation = Math.max(Math.round(nominal / batch), 1);
    if (reader.has(['nbs'])) reader.builder.setDerived(['training', 'gradientAccumulation'], accumulation, ['nbs']);
    else reader.fallback(['training', 'gradientAccumulation'], accumulation, YOLO, ['batch']);
  }
  // patience 0 switches early stopping off; the trainer stops on its validation fitness.
  const patience = reader.number(['patience']);
  if (patience !== undefined && patience > 0) {
    reader.copy(['patience'], ['training', 'earlyStopping', 'patience']);
    reader.builder.setDerived(['training', 'earlyStopping', 'monitor'], 'fitness', ['patience']);
  }
  const pretrained = reader.get(['pretrained']);
  if (typeof pretrained === 'boolean') reader.copy(['pretrained'], ['pretrained']);
  else reader.copy(['pretrained'], ['pretrained'], (v) => (typeof v === 'string' ? true : undefined));
  if (reader.get(['val']) === false) reader.builder.setDerived(['data', 'validationSplit'], 0, ['val']);
}

/** `fl_gamma > 0` turns the classification and objectness losses into focal losses (YOLOv5 FocalLoss). */
function readLosses(reader: SourceReader): void {
  const gamma = reader.number(['fl_gamma']);
  if (gamma === undefined || gamma <= 0) return;
  reader.builder.locate(['losses', 0], ['fl_gamma']);
  reader.builder.setDerived(['losses', 0, 'name'], 'focal', ['fl_gamma']);
  reader.copy(['fl_gamma'], ['losses', 0, 'gamma']);
  reader.builder.setDefault(['losses', 0, 'alpha'], YOLO_DEFAULTS.focalAlpha, YOLO, ['fl_gamma']);
}
