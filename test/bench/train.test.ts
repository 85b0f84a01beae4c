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
});
