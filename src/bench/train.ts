import type * as Tf from '@tensorflow/tfjs';
import { CLASSES, drawSplit, loadMnist, select, sequenceExamples } from './data.js';
import type { Examples } from './data.js';
import type { ArmRun, CurvePoint, DataSpec, LayerSpec, Monitor, OptimizerSpec, RunOutcome, TrainSpec } from './spec.js';
import type { TF } from './tf.js';
import { withSeededRandom } from './random.js';

/**
 * The bench's training loop: `model.fit` with callbacks for evaluation, time budgets, §5.3 and early
 * stopping. Policies watch the validation split; the test set only scores.
 */

interface Tensors {
  readonly x: Tf.Tensor;
  readonly y: Tf.Tensor | Tf.Tensor[];
  readonly labels: Uint8Array;
  readonly count: number;
}

/** Runs one arm with every random draw seeded by `seed`. */
export async function runArm(tf: TF, arm: ArmRun, seed: number): Promise<RunOutcome> {
  if (arm.kind === 'train') return withSeededRandom(seed, () => train(tf, arm.spec, seed));
  // A search reports the test accuracy of the trial with the best validation accuracy; its curve is that
  // score after each trial (the choice so far), so the test set never chooses.
  const outcomes: RunOutcome[] = [];
  for (const [index, spec] of arm.trials.entries()) outcomes.push(await withSeededRandom(seed * 1000 + index, () => train(tf, spec, seed)));
  let chosen: RunOutcome | undefined;
  const curve = outcomes.map((outcome, index) => {
    if (!chosen || (outcome.validationAccuracy ?? 0) > (chosen.validationAccuracy ?? 0)) chosen = outcome;
    return { epoch: index + 1, seconds: 0, accuracy: chosen.accuracy, loss: chosen.loss, validationAccuracy: chosen.validationAccuracy ?? 0 };
  });
  const sum = (pick: (o: RunOutcome) => number) => outcomes.reduce((total, o) => total + pick(o), 0);
  const best = chosen as RunOutcome;
  return {
    accuracy: best.accuracy,
    validationAccuracy: best.validationAccuracy,
    loss: best.loss,
    epochs: sum((o) => o.epochs),
    trainSeconds: sum((o) => o.trainSeconds),
    samplesSeen: sum((o) => o.samplesSeen),
    curve,
    measures: { chosenTrial: outcomes.indexOf(best) + 1 },
  };
}

export async function train(tf: TF, spec: TrainSpec, seed: number): Promise<RunOutcome> {
  const data = splitsOf(tf, spec, spec.data, seed);
  const model = buildModel(tf, spec);
  try {
    if (spec.pretrain) {
      // The pretrained network comes from its own seed-drawn data: the same for both arms of a seed.
      const pre = splitsOf(tf, spec, spec.pretrain.data, seed + 7777);
      compile(tf, model, spec, spec.pretrain.optimizer);
      await model.fit(pre.train.x, pre.train.y, { batchSize: spec.pretrain.batchSize, epochs: spec.pretrain.epochs, verbose: 0 });
      disposeSplits(tf, pre);
    }
    const optimizer = compile(tf, model, spec, spec.optimizer);
    const outcome = await fitLoop(tf, model, optimizer, spec, data);
    return { ...outcome, measures: measure(tf, model, spec, data.test) };
  } finally {
    model.optimizer?.dispose();
    model.dispose();
    disposeSplits(tf, data);
  }
}

/** The secondary measurements a spec asks for, on the test set. */
function measure(tf: TF, model: Tf.LayersModel, spec: TrainSpec, test: Tensors): Record<string, number> {
  const measures: Record<string, number> = {};
  if (spec.taskGroups) {
    measures.oldTaskAccuracy = evaluate(tf, model, test, spec.taskGroups.old).accuracy;
    measures.newTaskAccuracy = evaluate(tf, model, test, spec.taskGroups.new).accuracy;
  }
  if (spec.measureVarianceShift) measures.varianceShift = varianceShift(tf, model, test);
  return measures;
}

/**
 * Batch-norm's variance shift (Li et al. 2019): for each batch-norm layer, the running variance it learned
 * in training against the variance of its input at inference on the test set, as the mean over units of
 * |log(test variance / running variance)|, averaged over the layers. 0 = no shift.
 */
function varianceShift(tf: TF, model: Tf.LayersModel, test: Tensors): number {
  const layers = model.layers.filter((layer) => layer.getClassName() === 'BatchNormalization');
  if (layers.length === 0) return 0;
  const shifts = layers.map((layer) =>
    tf.tidy(() => {
      const probe = tf.model({ inputs: model.inputs, outputs: layer.input as Tf.SymbolicTensor });
      const activations = probe.predict(test.x, { batchSize: 500 }) as Tf.Tensor;
      const testVariance = tf.moments(activations, 0).variance;
      const running = layer.getWeights()[3] as Tf.Tensor;
      return tf.mean(tf.abs(tf.log(tf.div(tf.add(testVariance, 1e-3), tf.add(running, 1e-3))))).dataSync()[0] ?? 0;
    }),
  );
  return shifts.reduce((a, b) => a + b, 0) / shifts.length;
}

interface Splits {
  readonly train: Tensors;
  readonly validation: Tensors | null;
  readonly test: Tensors;
}

async function fitLoop(tf: TF, model: Tf.LayersModel, optimizer: Tf.Optimizer, spec: TrainSpec, data: Splits): Promise<Omit<RunOutcome, 'measures'>> {
  const curve: CurvePoint[] = [];
  let evalSeconds = 0;
  let samplesSeen = 0;
  let best = Number.NEGATIVE_INFINITY;
  let sinceBest = 0;
  let rate = spec.optimizer.learningRate;
  const start = performance.now();
  const trainSeconds = () => (performance.now() - start) / 1000 - evalSeconds;
  const epochsSeen = () => samplesSeen / data.train.count;
  let nextEvaluation = spec.evaluateEverySeconds ?? Number.POSITIVE_INFINITY;
  let lastValidation: { accuracy: number; loss: number } | null = null;

  /** A curve point at the current position; evaluation time is kept off the training clock. */
  const record = () => {
    const last = curve.at(-1);
    if (last && last.epoch === epochsSeen()) return last;
    const before = performance.now();
    lastValidation = data.validation ? evaluate(tf, model, data.validation) : null;
    const point = { epoch: epochsSeen(), seconds: trainSeconds(), ...evaluate(tf, model, data.test), ...(lastValidation ? { validationAccuracy: lastValidation.accuracy } : {}) };
    curve.push(point);
    evalSeconds += (performance.now() - before) / 1000;
    return point;
  };
  const watched = (monitor: Monitor) => {
    if (!lastValidation) throw new Error(`${monitor} needs a validation split`);
    // Higher is better for the comparison below: the loss enters negated.
    return monitor === 'val_loss' ? -lastValidation.loss : lastValidation.accuracy;
  };

  const onEpochEnd = () => {
    record();
    const monitor = spec.earlyStopping?.monitor ?? spec.plateau?.monitor;
    if (model.stopTraining || !monitor) return;
    const value = watched(monitor);
    if (value > best) {
      best = value;
      sinceBest = 0;
      return;
    }
    sinceBest += 1;
    if (spec.earlyStopping && sinceBest >= spec.earlyStopping.patience) model.stopTraining = true;
    if (spec.plateau && sinceBest >= spec.plateau.patience) {
      rate *= spec.plateau.factor;
      sinceBest = 0;
      if (rate < spec.plateau.minLearningRate * (1 - 1e-9)) model.stopTraining = true;
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
  await model.fit(data.train.x, data.train.y, { batchSize: spec.batchSize, epochs: spec.epochs, verbose: 0, callbacks: [new BenchCallback()], yieldEvery: 'never' });
  const seconds = trainSeconds();
  const final = record();
  return {
    accuracy: final.accuracy,
    validationAccuracy: final.validationAccuracy ?? null,
    loss: final.loss,
    epochs: epochsSeen(),
    trainSeconds: seconds,
    samplesSeen,
    curve,
  };
}

/** Accuracy and cross-entropy of the digit (first) head, on the examples whose label is in `only` (all when omitted). */
function evaluate(tf: TF, model: Tf.LayersModel, data: Tensors, only?: readonly number[]): { accuracy: number; loss: number } {
  return tf.tidy(() => {
    const output = model.predict(data.x, { batchSize: 500 });
    const probabilities = Array.isArray(output) ? (output[0] as Tf.Tensor) : output;
    const labels = tf.tensor1d(data.labels, 'int32');
    const mask = only ? tf.tensor1d(Array.from(data.labels, (l) => (only.includes(l) ? 1 : 0)), 'float32') : tf.onesLike(labels).toFloat();
    const count = mask.sum().dataSync()[0] ?? 0;
    const correct = probabilities.argMax(-1).equal(labels).toFloat().mul(mask).sum().dataSync()[0] ?? 0;
    const perExample = tf.losses.softmaxCrossEntropy(tf.oneHot(labels, probabilities.shape[1] ?? CLASSES), probabilities.clipByValue(1e-7, 1).log(), undefined, undefined, tf.Reduction.NONE);
    const loss = (perExample.mul(mask).sum().dataSync()[0] ?? Number.NaN) / Math.max(1, count);
    return { accuracy: count > 0 ? correct / count : 0, loss };
  });
}

function splitsOf(tf: TF, spec: TrainSpec, data: DataSpec, seed: number): Splits {
  if (data.kind === 'sequence') {
    // The test sequences are fixed; training and validation sequences are drawn anew from the run's seed.
    const tensors = (examples: Examples) => tensorsOf(tf, spec, data, examples);
    const validationSize = data.validationSize ?? 0;
    return {
      train: tensors(sequenceExamples(data.task, data.trainSize, 1000 + seed)),
      validation: validationSize > 0 ? tensors(sequenceExamples(data.task, validationSize, 500_000 + seed)) : null,
      test: tensors(sequenceExamples(data.task, data.testSize, 7)),
    };
  }
  const mnist = loadMnist();
  const drawn = drawSplit(mnist.train, seed, { train: data.trainSize, validation: data.validationSize ?? 0 }, data.digits);
  return {
    train: tensorsOf(tf, spec, data, drawn.train),
    validation: drawn.validation.count > 0 ? tensorsOf(tf, spec, data, drawn.validation) : null,
    test: tensorsOf(tf, spec, data, select(mnist.test, data.testSize)),
  };
}

function tensorsOf(tf: TF, spec: TrainSpec, data: DataSpec, examples: Examples): Tensors {
  const shape = data.kind === 'sequence' ? [examples.count, data.task.steps, data.task.symbols] : [examples.count, examples.width];
  const x = tf.tensor(examples.features, shape);
  const classes = data.kind === 'sequence' ? data.task.classes : CLASSES;
  // tidy: the int32 label vectors oneHot reads are intermediates (they leaked one tensor per split before).
  const digits = tf.tidy(() => tf.oneHot(tf.tensor1d(examples.labels, 'int32'), classes));
  const y = spec.lossWeights ? [digits, tf.tidy(() => tf.oneHot(tf.tensor1d(Array.from(examples.labels, (l) => l % 2), 'int32'), 2))] : digits;
  return { x, y, labels: examples.labels, count: examples.count };
}

function disposeSplits(tf: TF, splits: Splits): void {
  for (const tensors of [splits.train, splits.validation, splits.test]) {
    if (tensors) tf.dispose([tensors.x, ...(Array.isArray(tensors.y) ? tensors.y : [tensors.y])]);
  }
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
