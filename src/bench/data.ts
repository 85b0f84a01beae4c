import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { mulberry32, shuffled } from './random.js';

/**
 * The data the scenarios train on: the 10,000 real MNIST digits of the `mnist` package, split once into
 * a fixed test partition (the final score of every run) and a pool from which each seed draws its own
 * training subset and validation split (issue 16: the seed varies the data as well as the initialisation),
 * and a small synthetic sequence task for the one effect MNIST cannot show (dropout inside a recurrent cell).
 */

export const IMAGE_SIZE = 28 * 28;
export const CLASSES = 10;
/** Size of the fixed test partition; everything else can be drawn for training. */
export const TEST_POOL = 2000;
/** The test partition does not depend on the run's seed: every run is scored on the same digits. */
const SPLIT_SEED = 20_171_022;

export interface Examples {
  /** Row-major features, `count × width`. */
  readonly features: Float32Array;
  readonly width: number;
  /** Class of each example. */
  readonly labels: Uint8Array;
  readonly count: number;
}

export interface MnistSplit {
  readonly train: Examples;
  readonly test: Examples;
}

let cached: MnistSplit | undefined;

/** Reads the digit files directly: the package's own API shuffles with an unseeded Math.random. */
export function loadMnist(): MnistSplit {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const dir = path.join(path.dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const digits: { pixels: number[]; start: number; label: number }[] = [];
  for (let label = 0; label < CLASSES; label++) {
    const pixels = (JSON.parse(readFileSync(path.join(dir, `${label}.json`), 'utf8')) as { data: number[] }).data;
    for (let start = 0; start + IMAGE_SIZE <= pixels.length; start += IMAGE_SIZE) digits.push({ pixels, start, label });
  }
  const order = shuffled(digits, mulberry32(SPLIT_SEED));
  const pack = (items: typeof order): Examples => {
    const features = new Float32Array(items.length * IMAGE_SIZE);
    const labels = new Uint8Array(items.length);
    items.forEach((item, i) => {
      features.set(item.pixels.slice(item.start, item.start + IMAGE_SIZE), i * IMAGE_SIZE);
      labels[i] = item.label;
    });
    return { features, width: IMAGE_SIZE, labels, count: items.length };
  };
  cached = { test: pack(order.slice(0, TEST_POOL)), train: pack(order.slice(TEST_POOL)) };
  return cached;
}

/** The examples at `indices`, in that order. */
function pick(examples: Examples, indices: readonly number[]): Examples {
  const features = new Float32Array(indices.length * examples.width);
  const labels = new Uint8Array(indices.length);
  indices.forEach((index, i) => {
    features.set(examples.features.subarray(index * examples.width, (index + 1) * examples.width), i * examples.width);
    labels[i] = examples.labels[index] as number;
  });
  return { features, width: examples.width, labels, count: indices.length };
}

const indicesOf = (examples: Examples, digits?: readonly number[]) =>
  Array.from({ length: examples.count }, (_, i) => i).filter((i) => !digits || digits.includes(examples.labels[i] as number));

/** The first `limit` test examples whose label is in `digits` (all digits when omitted): the same for every seed. */
export function select(examples: Examples, limit: number, digits?: readonly number[]): Examples {
  return pick(examples, indicesOf(examples, digits).slice(0, limit));
}

/**
 * A seed's training subset and validation split, disjoint, drawn from the training pool (restricted to
 * `digits`): two seeds train on different digits, both arms of one seed on the same ones.
 */
export function drawSplit(pool: Examples, seed: number, sizes: { readonly train: number; readonly validation: number }, digits?: readonly number[]): { train: Examples; validation: Examples } {
  const order = shuffled(indicesOf(pool, digits), mulberry32(SPLIT_SEED ^ Math.imul(seed, 0x9e3779b1)));
  if (sizes.train + sizes.validation > order.length) throw new Error(`the MNIST pool has ${order.length} digits, not ${sizes.train + sizes.validation}`);
  return { train: pick(pool, order.slice(0, sizes.train)), validation: pick(pool, order.slice(sizes.train, sizes.train + sizes.validation)) };
}

export interface SequenceTask {
  readonly steps: number;
  /** Input channels: `classes × copies`. */
  readonly symbols: number;
  readonly classes: number;
  /** How many channels carry the cue (redundancy, so that input dropout rarely erases all of them). */
  readonly copies: number;
  /** Standard deviation of the Gaussian noise on every step after the first. */
  readonly noise: number;
}

/**
 * A memory task: the class is written as a one-hot cue on the first step, repeated in `copies` channel
 * groups, the remaining steps are Gaussian noise, and the network must carry the cue to the end.
 */
export function sequenceExamples(task: SequenceTask, count: number, seed: number): Examples {
  const random = mulberry32(seed);
  const width = task.steps * task.symbols;
  const features = new Float32Array(count * width);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = Math.floor(random() * task.classes);
    labels[i] = label;
    for (let copy = 0; copy < task.copies; copy++) features[i * width + copy * task.classes + label] = 1;
    for (let step = 1; step < task.steps; step++) {
      for (let s = 0; s < task.symbols; s++) features[i * width + step * task.symbols + s] = gaussian(random) * task.noise;
    }
  }
  return { features, width, labels, count };
}

function gaussian(random: () => number): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
