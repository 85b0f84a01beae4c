import type * as Tf from '@tensorflow/tfjs';
import { CLASSES, loadMnist, select, sequenceExamples } from './data.js';
import type { Examples } from './data.js';
import type { ArmRun, CurvePoint, DataSpec, LayerSpec, OptimizerSpec, RunOutcome, TrainSpec } from './spec.js';
import type { TF } from './tf.js';
import { withSeededRandom } from './random.js';

/** The bench's training loop: `model.fit` with callbacks for evaluation, time budgets, §5.3 and early stopping. */

interface Tensors {
  readonly x: Tf.Tensor;
  readonly y: Tf.Tensor | Tf.Tensor[];
  readonly labels: Uint8Array;
  readonly count: number;
}

/** Runs one arm with every random draw seeded by `seed`. */
export async function runArm(tf: TF, arm: ArmRun, seed: number): Promise<RunOutcome> {
  if (arm.kind === 'train') return withSeededRandom(seed, () => train(tf, arm.spec, seed));
  // A search's result is its best trial; its curve is the best-so-far accuracy after each trial.
  const outcomes: RunOutcome[] = [];
  for (const [index, spec] of arm.trials.entries()) outcomes.push(await withSeededRandom(seed * 1000 + index, () => train(tf, spec, seed)));
  let best = 0;
  const curve = outcomes.map((outcome, index) => {
    best = Math.max(best, outcome.bestAccuracy);
    return { epoch: index + 1, seconds: 0, accuracy: best, loss: outcome.loss };
  });
  const sum = (pick: (o: RunOutcome) => number) => outcomes.reduce((total, o) => total + pick(o), 0);
  return { accuracy: best, bestAccuracy: best, loss: Math.min(...outcomes.map((o) => o.loss)), epochs: sum((o) => o.epochs), trainSeconds: sum((o) => o.trainSeconds), samplesSeen: sum((o) => o.samplesSeen), curve };
}

export async function train(tf: TF, spec: TrainSpec, seed: number): Promise<RunOutcome> {
  const trainData = tensorsOf(tf, spec, spec.data, 'train', seed);
  const testData = tensorsOf(tf, spec, spec.data, 'test', seed);
  const model = buildModel(tf, spec);
  try {
    if (spec.pretrain) {
      const pre = tensorsOf(tf, spec, spec.pretrain.data, 'train', seed);
      compile(tf, model, spec, spec.pretrain.optimizer);
      await model.fit(pre.x, pre.y, { batchSize: spec.pretrain.batchSize, epochs: spec.pretrain.epochs, verbose: 0 });
      disposeTensors(tf, pre);
    }
    const optimizer = compile(tf, model, spec, spec.optimizer);
    return await fitLoop(tf, model, optimizer, spec, trainData, testData);
  } finally {
    model.optimizer?.dispose();
    model.dispose();
    disposeTensors(tf, trainData);
    disposeTensors(tf, testData);
  }
}

async function fitLoop(tf: TF, model: Tf.LayersModel, optimizer: Tf.Optimizer, spec: TrainSpec, trainData: Tensors, testData: Tensors): Promise<RunOutcome> {
  const curve: CurvePoint[] = [];
  let evalSeconds = 0;
  let samplesSeen = 0;
  let best = -1;
  let sinceBest = 0;
  let rate = spec.optimizer.learningRate;
  const start = performance.now();
  const trainSeconds = () => (performance.now() - start) / 1000 - evalSeconds;
  const epochsSeen = () => samplesSeen / trainData.count;
  let nextEvaluation = spec.evaluateEverySeconds ?? Number.POSITIVE_INFINITY;

  /** A curve point at the current position; evaluation time is kept off the training clock. */
  const record = () => {
    const last = curve.at(-1);
    if (last && last.epoch === epochsSeen()) return last;
    const before = performance.now();
    const point = { epoch: epochsSeen(), seconds: trainSeconds(), ...evaluate(tf, model, testData) };
    curve.push(point);
    evalSeconds += (performance.now() - before) / 1000;
    return point;
  };

  const onEpochEnd = () => {
    const point = record();
    if (model.stopTraining) return;
    if (point.accuracy > best) {
      best = point.accuracy;
      sinceBest = 0;
      return;
    }
    sinceBest += 1;
    if (spec.earlyStopping && sinceBest >= spec.earlyStopping.patience) model.stopTraining = true;
    if (spec.plateau && sinceBest >= spec.plateau.patience) {
      rate *= spec.plateau.factor;
      sinceBest = 0;
      if (rate < spec.optimizer.learningRate / spec.plateau.floorDivisor) model.stopTraining = true;
      else setLearningRate(optimizer, rate);
    }
  };
  // A plain Callback, not CustomCallback: CustomCallback reads every batch's loss back from the backend
  // before calling its hooks, a sync per batch that cost about a quarter of the throughput.
  class BenchCallback extends tf.Callback {
    override async onBatchEnd(_batch: number, logs?: Tf.Logs): Promise<void> {
      samplesSeen += Number(logs?.size ?? spec.batchSize);
      const elapsed = trainSeconds();
      if (elapsed >= nextEvaluation) {
        record();
        nextEvaluation += spec.evaluateEverySeconds ?? Number.POSITIVE_INFINITY;
      }
      if (spec.timeBudgetSeconds !== undefined && elapsed >= spec.timeBudgetSeconds) model.stopTraining = true;
    }

    override async onEpochEnd(): Promise<void> {
      onEpochEnd();
    }
  }
  await model.fit(trainData.x, trainData.y, { batchSize: spec.batchSize, epochs: spec.epochs, verbose: 0, callbacks: [new BenchCallback()], yieldEvery: 'never' });
  const seconds = trainSeconds();
  const final = record();
  return {
    accuracy: final.accuracy,
    bestAccuracy: Math.max(...curve.map((p) => p.accuracy)),
    loss: final.loss,
    epochs: epochsSeen(),
    trainSeconds: seconds,
    samplesSeen,
    curve,
  };
}

/** Test accuracy and cross-entropy of the digit (first) head. */
function evaluate(tf: TF, model: Tf.LayersModel, data: Tensors): { accuracy: number; loss: number } {
  return tf.tidy(() => {
    const output = model.predict(data.x, { batchSize: 500 });
    const probabilities = Array.isArray(output) ? (output[0] as Tf.Tensor) : output;
    const labels = tf.tensor1d(data.labels, 'int32');
    const correct = probabilities.argMax(-1).equal(labels).sum().dataSync()[0] ?? 0;
    const loss = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, probabilities.shape[1] ?? CLASSES), probabilities.clipByValue(1e-7, 1).log()).dataSync()[0] ?? Number.NaN;
    return { accuracy: correct / data.count, loss };
  });
}

function examplesOf(data: DataSpec, part: 'train' | 'test', seed: number): Examples {
  if (data.kind === 'sequence') {
    // The test sequences are fixed; training sequences are drawn anew from the run's seed.
    return part === 'test' ? sequenceExamples(data.task, data.testSize, 7) : sequenceExamples(data.task, data.trainSize, 1000 + seed);
  }
  const mnist = loadMnist();
  return part === 'train' ? select(mnist.train, data.trainSize, data.digits) : select(mnist.test, data.testSize, data.digits);
}

function tensorsOf(tf: TF, spec: TrainSpec, data: DataSpec, part: 'train' | 'test', seed: number): Tensors {
  const examples = examplesOf(data, part, seed);
  const shape = data.kind === 'sequence' ? [examples.count, data.task.steps, data.task.symbols] : [examples.count, examples.width];
  const x = tf.tensor(examples.features, shape);
  const classes = data.kind === 'sequence' ? data.task.classes : CLASSES;
  const digits = tf.oneHot(tf.tensor1d(examples.labels, 'int32'), classes);
  const y = spec.lossWeights ? [digits, tf.oneHot(tf.tensor1d(Array.from(examples.labels, (l) => l % 2), 'int32'), 2)] : digits;
  return { x, y, labels: examples.labels, count: examples.count };
}

function disposeTensors(tf: TF, tensors: Tensors): void {
  tf.dispose([tensors.x, ...(Array.isArray(tensors.y) ? tensors.y : [tensors.y])]);
}

export function buildModel(tf: TF, spec: TrainSpec): Tf.LayersModel {
  const data = spec.data;
  const input = tf.input({ shape: data.kind === 'sequence' ? [data.task.steps, data.task.symbols] : [784] });
  let hidden: Tf.SymbolicTensor = input;
  for (const layer of spec.layers) hidden = layerOf(tf, layer).apply(hidden) as Tf.SymbolicTensor;
  const classes = data.kind === 'sequence' ? data.task.classes : CLASSES;
  const digit = tf.layers.dense({ units: classes, activation: 'softmax', name: 'digit' }).apply(hidden) as Tf.SymbolicTensor;
  if (!spec.lossWeights) return tf.model({ inputs: input, outputs: digit });
  const parity = tf.layers.dense({ units: 2, activation: 'softmax', name: 'parity' }).apply(hidden) as Tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: [digit, parity] });
}

function layerOf(tf: TF, layer: LayerSpec): Tf.layers.Layer {
  switch (layer.type) {
    case 'dense':
      return tf.layers.dense({ units: layer.units, activation: 'relu', ...(layer.l2 ? { kernelRegularizer: tf.regularizers.l2({ l2: layer.l2 }) } : {}) });
    case 'dropout':
      return tf.layers.dropout({ rate: layer.rate });
    case 'batchNormalization':
      return tf.layers.batchNormalization();
    case 'lstm':
      return tf.layers.lstm({ units: layer.units, dropout: layer.dropout ?? 0, recurrentDropout: layer.recurrentDropout ?? 0 });
  }
}

function compile(tf: TF, model: Tf.LayersModel, spec: TrainSpec, optimizerSpec: OptimizerSpec): Tf.Optimizer {
  const optimizer = optimizerOf(tf, optimizerSpec);
  if (spec.lossWeights) {
    // TF.js has no `lossWeights` in compile (Keras does): weighting each head's loss is the same sum.
    const weighted = (weight: number) => (yTrue: Tf.Tensor, yPred: Tf.Tensor) => tf.metrics.categoricalCrossentropy(yTrue, yPred).mul(weight);
    model.compile({ optimizer, loss: [weighted(spec.lossWeights.digit), weighted(spec.lossWeights.parity)] });
  } else {
    model.compile({ optimizer, loss: 'categoricalCrossentropy' });
  }
  return optimizer;
}

export function optimizerOf(tf: TF, spec: OptimizerSpec): Tf.Optimizer {
  const lr = spec.learningRate;
  switch (spec.name) {
    case 'sgd':
      return tf.train.sgd(lr);
    case 'momentum':
      return tf.train.momentum(lr, spec.momentum ?? 0.9);
    case 'adam':
      return tf.train.adam(lr);
    case 'rmsprop':
      return tf.train.rmsprop(lr);
    case 'adagrad':
      return tf.train.adagrad(lr);
    case 'adadelta':
      return tf.train.adadelta(lr);
    case 'adamax':
      return tf.train.adamax(lr);
  }
}

/** SGD-family optimizers keep the rate in a tensor (`setLearningRate`); the others read a plain field. */
function setLearningRate(optimizer: Tf.Optimizer, rate: number): void {
  const target = optimizer as Tf.Optimizer & { setLearningRate?: (lr: number) => void; learningRate?: number };
  if (typeof target.setLearningRate === 'function') target.setLearningRate(rate);
  else target.learningRate = rate;
}
