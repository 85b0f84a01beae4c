#!/usr/bin/env node
/**
 * Trains small TF.js models on MNIST into four pathologies and saves their training histories (and the
 * native config each run used) as fixtures under test/fixtures/histories/. Run once, after `npm run build`:
 *
 *   node scripts/make-histories.mjs [divergence|plateau|overfitting|underfitting|two-outputs ...]
 *
 * The tests read the saved files: nothing trains during `vitest`. Each history is written in a different
 * format the advisor reads (TF.js History, Keras History JSON, Keras CSVLogger CSV), as users would have them.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLASSES, loadMnist, select } from '../dist/bench/data.js';
import { loadTf } from '../dist/bench/tf.js';

const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test', 'fixtures', 'histories');
const { tf, backend } = await loadTf('auto');
tf.util.seedrandom?.('hplint');
console.error(`backend: ${backend}`);

const mnist = loadMnist();

function tensors(examples) {
  // The mnist package's pixels are already in [0, 1].
  const x = tf.tensor2d(examples.features, [examples.count, examples.width]);
  const y = tf.oneHot(tf.tensor1d(Array.from(examples.labels), 'int32'), CLASSES).toFloat();
  return { x, y };
}

function mlp(units, seed) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [28 * 28], units, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed }) }));
  model.add(tf.layers.dense({ units: CLASSES, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }) }));
  return model;
}

/** TF.js's History.history with NaN/Infinity kept visible (JSON.stringify would turn them into null). */
function plainHistory(history) {
  return Object.fromEntries(Object.entries(history.history).map(([k, v]) => [k, v.map(Number)]));
}

function write(name, text) {
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, name), text);
  console.error(`wrote ${path.join('test/fixtures/histories', name)}`);
}

function csvLogger(history) {
  const keys = Object.keys(history).sort();
  const epochs = history[keys[0]].length;
  const rows = [['epoch', ...keys].join(',')];
  for (let e = 0; e < epochs; e++) rows.push([e, ...keys.map((k) => formatCsv(history[k][e]))].join(','));
  return rows.join('\n') + '\n';
}

/** Python's CSVLogger writes repr(float): nan, inf. */
function formatCsv(value) {
  if (Number.isNaN(value)) return 'nan';
  if (value === Infinity) return 'inf';
  if (value === -Infinity) return '-inf';
  return String(value);
}

const PATHOLOGIES = {
  /** Adam at 0.5, 50× above GUIDE §7's range: the loss climbs to where softmax saturates. TF.js `{epoch, history}` JSON. */
  async divergence() {
    const train = tensors(select(mnist.train, 2000));
    const val = tensors(mnist.test);
    const model = mlp(128, 1);
    model.compile({ optimizer: tf.train.adam(0.5), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const history = await model.fit(train.x, train.y, { epochs: 12, batchSize: 32, validationData: [val.x, val.y], verbose: 0 });
    // What a TF.js user saves: JSON.stringify of the History object's epoch and history fields.
    write('divergence.tfjs.json', JSON.stringify({ epoch: history.epoch, history: plainHistory(history) }, null, 1) + '\n');
    write('divergence.config.yaml', [
      '# The run that produced divergence.tfjs.json (scripts/make-histories.mjs).',
      'data:',
      '  trainSize: 2000',
      '  validationSize: 2000',
      '  numClasses: 10',
      'model:',
      '  layers:',
      '    - { type: dense, units: 128, activation: relu }',
      '    - { type: dense, units: 10, activation: softmax }',
      'optimizer:',
      '  name: adam',
      '  learningRate: 0.5',
      'training:',
      '  batchSize: 32',
      '  epochs: 12',
      'losses:',
      '  - { name: categoricalCrossentropy }',
      '',
    ].join('\n'));
  },

  /** A constant, too-large rate on a linear model: the validation loss stops improving early. Keras CSVLogger CSV. */
  async plateau() {
    const train = tensors(select(mnist.train, 3000));
    const val = tensors(mnist.test);
    const model = tf.sequential();
    model.add(tf.layers.dense({ inputShape: [28 * 28], units: CLASSES, activation: 'softmax', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) }));
    model.compile({ optimizer: tf.train.sgd(0.5), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const history = await model.fit(train.x, train.y, { epochs: 40, batchSize: 64, validationData: [val.x, val.y], verbose: 0 });
    write('plateau.csv', csvLogger(plainHistory(history)));
    write('plateau.config.yaml', [
      '# The run that produced plateau.csv (scripts/make-histories.mjs): softmax regression, constant rate.',
      'data:',
      '  trainSize: 3000',
      '  validationSize: 2000',
      '  numClasses: 10',
      'model:',
      '  layers:',
      '    - { type: dense, units: 10, activation: softmax }',
      'optimizer:',
      '  name: sgd',
      '  learningRate: 0.5 # constant: no schedule',
      'training:',
      '  batchSize: 64',
      '  epochs: 40',
      'losses:',
      '  - { name: categoricalCrossentropy }',
      '',
    ].join('\n'));
  },

  /** 200 training digits, a wide MLP, no regularization: validation loss turns up. Keras `History.history` JSON. */
  async overfitting() {
    const train = tensors(select(mnist.train, 200));
    const val = tensors(select(mnist.test, 1000));
    const model = mlp(512, 5);
    model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const history = await model.fit(train.x, train.y, { epochs: 60, batchSize: 32, validationData: [val.x, val.y], verbose: 0 });
    write('overfitting.history.json', JSON.stringify(plainHistory(history), null, 1) + '\n');
    write('overfitting.config.yaml', [
      '# The run that produced overfitting.history.json (scripts/make-histories.mjs): 200 digits, no regularization.',
      'data:',
      '  trainSize: 200',
      '  validationSize: 1000',
      '  numClasses: 10',
      'model:',
      '  layers:',
      '    - { type: dense, units: 512, activation: relu }',
      '    - { type: dense, units: 10, activation: softmax }',
      'optimizer:',
      '  name: adam',
      '  learningRate: 0.001',
      'training:',
      '  batchSize: 32',
      '  epochs: 60',
      'losses:',
      '  - { name: categoricalCrossentropy }',
      '',
    ].join('\n'));
  },

  /** SGD at 1e-4, 100× below GUIDE §7's range: eight epochs barely move the loss. Keras `History.history` JSON. */
  async underfitting() {
    const train = tensors(select(mnist.train, 2000));
    const val = tensors(select(mnist.test, 1000));
    const model = mlp(128, 9);
    model.compile({ optimizer: tf.train.sgd(1e-4), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const history = await model.fit(train.x, train.y, { epochs: 8, batchSize: 32, validationData: [val.x, val.y], verbose: 0 });
    write('underfitting.history.json', JSON.stringify(plainHistory(history), null, 1) + '\n');
    write('underfitting.config.yaml', [
      '# The run that produced underfitting.history.json (scripts/make-histories.mjs): a rate far too small.',
      'data:',
      '  trainSize: 2000',
      '  validationSize: 1000',
      '  numClasses: 10',
      'model:',
      '  layers:',
      '    - { type: dense, units: 128, activation: relu }',
      '    - { type: dense, units: 10, activation: softmax }',
      'optimizer:',
      '  name: sgd',
      '  learningRate: 1.0e-4',
      'training:',
      '  batchSize: 32',
      '  epochs: 8',
      'losses:',
      '  - { name: categoricalCrossentropy }',
      '',
    ].join('\n'));
  },

  /**
   * Two heads on one trunk: the digit class (cross-entropy, ≈ 0.1–2) and the ink (sum of pixel values, an
   * unscaled regression with squared error in the thousands), equally weighted. Keras `History.history` JSON.
   */
  async 'two-outputs'() {
    const examples = select(mnist.train, 2000);
    const { x, y } = tensors(examples);
    const ink = x.sum(1, true);
    const input = tf.input({ shape: [28 * 28] });
    const trunk = tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 7 }) }).apply(input);
    const out1 = tf.layers.dense({ units: CLASSES, activation: 'softmax', name: 'out1' }).apply(trunk);
    const out2 = tf.layers.dense({ units: 1, name: 'out2' }).apply(trunk);
    const model = tf.model({ inputs: input, outputs: [out1, out2] });
    model.compile({ optimizer: tf.train.adam(0.001), loss: { out1: 'categoricalCrossentropy', out2: 'meanSquaredError' } });
    const history = await model.fit(x, { out1: y, out2: ink }, { epochs: 12, batchSize: 32, validationSplit: 0.2, verbose: 0 });
    write('two-outputs.history.json', JSON.stringify(plainHistory(history), null, 1) + '\n');
    write('two-outputs.config.yaml', [
      '# The run that produced two-outputs.history.json (scripts/make-histories.mjs): class + ink heads.',
      'data:',
      '  trainSize: 1600',
      '  validationSplit: 0.2',
      '  numClasses: 10',
      'model:',
      '  layers:',
      '    - { type: dense, units: 64, activation: relu }',
      'optimizer:',
      '  name: adam',
      '  learningRate: 0.001',
      'training:',
      '  batchSize: 32',
      '  epochs: 12',
      'losses:',
      '  - { name: categoricalCrossentropy, output: out1, weight: 1.0 } # the class head',
      '  - { name: meanSquaredError, output: out2, weight: 1.0 } # the ink head',
      '',
    ].join('\n'));
  },
};

const chosen = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(PATHOLOGIES);
for (const name of chosen) {
  if (!PATHOLOGIES[name]) throw new Error(`unknown pathology "${name}" (${Object.keys(PATHOLOGIES).join(', ')})`);
  const started = Date.now();
  await PATHOLOGIES[name]();
  console.error(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
