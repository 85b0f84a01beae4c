import { isPlainObject } from '../model/normalize.js';
import type { SourcePath } from '../source/range.js';
import { ConfigBuilder } from './adapter.js';
import type { Adapter } from './adapter.js';
import { LOADERS } from './loaders.js';
import { DETECTRON2, DETECTRON2_DEFAULTS } from './defaults.js';
import { asNumber, SourceReader } from './reader.js';

/**
 * detectron2 yacs configs (`SOLVER.BASE_LR`, `SOLVER.IMS_PER_BATCH`, …). A file with `_BASE_` inherits
 * from another file hplint does not open, so its unwritten values are unknown rather than defaults.
 */

const SECTIONS = ['SOLVER', 'MODEL', 'DATASETS', 'INPUT'];
const SOLVER = 'SOLVER';

export const detectron2Adapter: Adapter = {
  name: 'detectron2',
  description: 'detectron2 yacs config (SOLVER.BASE_LR, IMS_PER_BATCH, …)',
  // yacs merges with `_decode_cfg_value`, which literal_evals strings: "1e-5" becomes 1e-05.
  loader: () => LOADERS.yacs,
  detect(root) {
    if (!isPlainObject(root)) return 0;
    const keys = Object.keys(root);
    if (!keys.some((k) => SECTIONS.includes(k) || k === '_BASE_')) return 0;
    // yacs keys are upper-case throughout; a lower-case top level is some other format.
    const upper = keys.filter((k) => k === '_BASE_' || k === k.toUpperCase()).length;
    return upper / keys.length >= 0.8 ? 0.95 : 0;
  },
  read(root) {
    const builder = new ConfigBuilder();
    if (!isPlainObject(root)) return builder.output();
    const reader = new SourceReader(root, builder);
    const inherits = reader.has(['_BASE_']);
    readSolver(reader, inherits);
    readSchedule(reader, inherits);
    readModel(reader);
    return builder.output();
  },
};

function solver(key: string): SourcePath {
  return [SOLVER, key];
}

/** Applies a detectron2 default, unless the file inherits (then the base file decides). */
function fallback(reader: SourceReader, inherits: boolean, to: readonly string[], value: unknown, anchor: SourcePath): void {
  if (!inherits) reader.fallback(to, value, DETECTRON2, anchor);
}

function readSolver(reader: SourceReader, inherits: boolean): void {
  // DefaultTrainer always builds torch SGD; some projects add SOLVER.OPTIMIZER for their own trainer.
  if (!reader.copy(solver('OPTIMIZER'), ['optimizer', 'name'])) {
    reader.builder.setDefault(['optimizer', 'name'], DETECTRON2_DEFAULTS.optimizer, DETECTRON2, reader.has([SOLVER]) ? [SOLVER] : undefined);
  }
  const anchor: SourcePath = [SOLVER];
  const fields: readonly (readonly [string, readonly string[], unknown])[] = [
    ['BASE_LR', ['optimizer', 'learningRate'], DETECTRON2_DEFAULTS.baseLearningRate],
    ['MOMENTUM', ['optimizer', 'momentum'], DETECTRON2_DEFAULTS.momentum],
    ['NESTEROV', ['optimizer', 'nesterov'], DETECTRON2_DEFAULTS.nesterov],
    ['WEIGHT_DECAY', ['optimizer', 'weightDecay'], DETECTRON2_DEFAULTS.weightDecay],
    // IMS_PER_BATCH is the total over all GPUs, so it is the effective batch, not a per-device one.
    ['IMS_PER_BATCH', ['training', 'batchSize'], DETECTRON2_DEFAULTS.imsPerBatch],
    ['MAX_ITER', ['training', 'maxSteps'], DETECTRON2_DEFAULTS.maxIter],
    ['WARMUP_ITERS', ['schedule', 'warmupSteps'], DETECTRON2_DEFAULTS.warmupIters],
  ];
  for (const [key, to, value] of fields) {
    if (!reader.copy(solver(key), to)) fallback(reader, inherits, to, value, anchor);
  }
}

/** WarmupMultiStepLR multiplies the rate by GAMMA at each of STEPS; WarmupCosineLR decays over MAX_ITER. */
function readSchedule(reader: SourceReader, inherits: boolean): void {
  const name = reader.string(solver('LR_SCHEDULER_NAME')) ?? (inherits ? undefined : DETECTRON2_DEFAULTS.scheduler);
  const nameSource = reader.has(solver('LR_SCHEDULER_NAME')) ? solver('LR_SCHEDULER_NAME') : undefined;
  if (name === 'WarmupCosineLR') {
    if (nameSource) reader.builder.setDerived(['schedule', 'type'], 'cosineDecay', nameSource);
    reader.copy(solver('MAX_ITER'), ['schedule', 'decaySteps']);
    reader.copy(solver('BASE_LR_END'), ['schedule', 'endLearningRate']);
    return;
  }
  if (name !== 'WarmupMultiStepLR') {
    if (name) reader.builder.set(['schedule', 'type'], name, nameSource);
    return;
  }
  const stepsWritten = reader.has(solver('STEPS'));
  const steps = stepsWritten ? parseTuple(reader.get(solver('STEPS'))) : inherits ? undefined : [...DETECTRON2_DEFAULTS.steps];
  const lr = reader.number(solver('BASE_LR')) ?? (inherits ? undefined : DETECTRON2_DEFAULTS.baseLearningRate);
  const gamma = reader.number(solver('GAMMA')) ?? (inherits ? undefined : DETECTRON2_DEFAULTS.gamma);
  // Boundaries without their rates would be an incomplete schedule: leave both out when one is unknown.
  if (!steps || lr === undefined || gamma === undefined) return;
  const values = [lr, ...steps.map((_, i) => lr * gamma ** (i + 1))].map((v) => Number(v.toPrecision(12)));
  const stepsSource = stepsWritten ? solver('STEPS') : undefined;
  const set = (key: string, value: unknown, source: SourcePath | undefined) => {
    // The boundaries are STEPS as written; the type and the rates are computed from it.
    if (source && key === 'boundaries') reader.builder.set(['schedule', key], value, source);
    else if (source) reader.builder.setDerived(['schedule', key], value, source);
    else reader.builder.setDefault(['schedule', key], value, DETECTRON2, reader.has([SOLVER]) ? [SOLVER] : undefined);
  };
  set('type', 'piecewiseConstant', nameSource ?? stepsSource);
  set('boundaries', steps, stepsSource);
  set('values', values, reader.firstWritten([solver('BASE_LR'), solver('GAMMA')]) ?? stepsSource);
}

function readModel(reader: SourceReader): void {
  // An empty WEIGHTS trains from scratch; a checkpoint path fine-tunes it.
  const weights = reader.get(['MODEL', 'WEIGHTS']);
  if (typeof weights === 'string') reader.builder.setDerived(['pretrained'], weights.trim() !== '', ['MODEL', 'WEIGHTS']);
  reader.copyFirst([['MODEL', 'ROI_HEADS', 'NUM_CLASSES'], ['MODEL', 'RETINANET', 'NUM_CLASSES']], ['data', 'numClasses']);
}

/** yacs writes tuples as strings, `(60000, 80000)` or `(30,)`; YAML lists are accepted too. */
export function parseTuple(value: unknown): number[] | undefined {
  let items: unknown[];
  if (Array.isArray(value)) items = value;
  else if (typeof value === 'string' && /^\(.*\)$/s.test(value.trim())) items = value.trim().slice(1, -1).split(',').filter((s) => s.trim() !== '');
  else if (typeof value === 'number') items = [value];
  else return undefined;
  const numbers = items.map(asNumber);
  return numbers.every((n): n is number => n !== undefined) ? numbers : undefined;
}
