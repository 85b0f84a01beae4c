import { describe, expect, it } from 'vitest';
import { loadTf } from '../../src/bench/tf.js';
import { runArm } from '../../src/bench/train.js';
import type { TrainSpec } from '../../src/bench/spec.js';

/** The one real training run of the suite: a few hundred MNIST digits, one epoch, on the cpu backend. */
describe('a real training run', () => {
  it('trains an MLP on MNIST, records the curve, and repeats exactly with the same seed', async () => {
    const { tf, backend } = await loadTf('cpu');
    expect(backend).toBe('cpu');
    const spec: TrainSpec = {
      data: { kind: 'mnist', trainSize: 300, testSize: 200 },
      layers: [{ type: 'dense', units: 16 }],
      optimizer: { name: 'adam', learningRate: 1e-2 },
      batchSize: 32,
      epochs: 1,
    };
    const first = await runArm(tf, { kind: 'train', spec }, 1);
    expect(first.epochs).toBe(1);
    expect(first.samplesSeen).toBe(300);
    expect(first.curve).toHaveLength(1);
    // One epoch on 300 digits is far from converged but far above chance (10%).
    expect(first.accuracy).toBeGreaterThan(0.4);
    const again = await runArm(tf, { kind: 'train', spec }, 1);
    expect(again.accuracy).toBe(first.accuracy);
    expect(tf.memory().numTensors).toBeLessThan(5);
  });

  it('leaves no tensor behind (a worker runs hundreds of jobs)', async () => {
    const { tf } = await loadTf('cpu');
    const before = tf.memory().numTensors;
    await runArm(tf, { kind: 'train', spec: { data: { kind: 'mnist', trainSize: 100, validationSize: 50, testSize: 100 }, layers: [{ type: 'dense', units: 8 }], optimizer: { name: 'adam', learningRate: 1e-2 }, batchSize: 50, epochs: 1, lossWeights: { digit: 1, parity: 1 } } }, 2);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('watches the validation split for early stopping and measures the variance shift and task groups on the test set', async () => {
    const { tf } = await loadTf('cpu');
    const spec: TrainSpec = {
      data: { kind: 'mnist', trainSize: 200, validationSize: 100, testSize: 200 },
      layers: [{ type: 'dense', units: 16 }, { type: 'dropout', rate: 0.5 }, { type: 'batchNormalization' }],
      optimizer: { name: 'sgd', learningRate: 1e-6 },
      batchSize: 50,
      epochs: 6,
      earlyStopping: { monitor: 'val_accuracy', patience: 1 },
      measureVarianceShift: true,
      taskGroups: { old: [0, 1, 2, 3, 4], new: [5, 6, 7, 8, 9] },
    };
    const result = await runArm(tf, { kind: 'train', spec }, 3);
    // A rate of 1e-6 learns nothing: the validation accuracy stops improving and patience 1 ends the run early.
    expect(result.epochs).toBeLessThan(6);
    expect(result.validationAccuracy).not.toBeNull();
    expect(result.curve.every((p) => p.validationAccuracy !== undefined)).toBe(true);
    expect(result.measures.varianceShift).toBeGreaterThan(0);
    expect(result.measures.oldTaskAccuracy).toBeGreaterThanOrEqual(0);
    expect(result.measures.newTaskAccuracy).toBeLessThanOrEqual(1);
  });
});
