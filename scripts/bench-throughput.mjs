#!/usr/bin/env node
// The bench's performance figures (docs/bench.md): training throughput of the MLP 784-128-10 (Adam,
// batch 64) in the bench's loop against a bare model.fit of the same model, and the speed-up of two
// worker threads over one. Runs the compiled code: `npm run build` first (npm run bench:throughput does).
// Usage: node scripts/bench-throughput.mjs [--backend auto|node|wasm|cpu] [--skip-workers] [--runs N]
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { BUDGETS } from '../dist/bench/budget.js';
import { loadMnist } from '../dist/bench/data.js';
import { runJobs } from '../dist/bench/runner.js';
import { loadTf } from '../dist/bench/tf.js';
import { buildModel, optimizerOf, train } from '../dist/bench/train.js';
import { withSeededRandom } from '../dist/bench/random.js';

const args = process.argv.slice(2);
const backendIndex = args.indexOf('--backend');
const backendChoice = backendIndex >= 0 ? args[backendIndex + 1] : 'auto';
const { tf, backend } = await loadTf(backendChoice);
const TRAIN = 4000;
const EPOCHS = 3;
const spec = {
  data: { kind: 'mnist', trainSize: TRAIN, testSize: 1000 },
  layers: [{ type: 'dense', units: 128 }],
  optimizer: { name: 'adam', learningRate: 1e-3 },
  batchSize: 64,
  epochs: EPOCHS,
};
console.log(`backend ${backend}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

/** A bare model.fit of the same model and data, validating on the same test set each epoch. */
async function bareFit() {
  const mnist = loadMnist();
  const x = tf.tensor2d(mnist.train.features.subarray(0, TRAIN * 784), [TRAIN, 784]);
  const y = tf.oneHot(tf.tensor1d(mnist.train.labels.subarray(0, TRAIN), 'int32'), 10);
  const xTest = tf.tensor2d(mnist.test.features.subarray(0, 1000 * 784), [1000, 784]);
  const yTest = tf.oneHot(tf.tensor1d(mnist.test.labels.subarray(0, 1000), 'int32'), 10);
  const model = buildModel(tf, spec);
  model.compile({ optimizer: optimizerOf(tf, spec.optimizer), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const started = performance.now();
  await model.fit(x, y, { batchSize: 64, epochs: EPOCHS, verbose: 0, validationData: [xTest, yTest] });
  const seconds = (performance.now() - started) / 1000;
  model.dispose();
  tf.dispose([x, y, xTest, yTest]);
  return seconds;
}

async function benchLoop() {
  const started = performance.now();
  const outcome = await train(tf, spec, 1);
  return { wall: (performance.now() - started) / 1000, training: outcome.trainSeconds };
}

await withSeededRandom(1, bareFit); // warm-up: kernels, wasm compilation
const rounds = 3;
const bare = [];
const loop = [];
for (let i = 0; i < rounds; i++) {
  bare.push(await withSeededRandom(1, bareFit));
  loop.push(await withSeededRandom(1, benchLoop));
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const samples = TRAIN * EPOCHS;
const bareRate = samples / median(bare);
const loopWall = samples / median(loop.map((l) => l.wall));
const loopTraining = samples / median(loop.map((l) => l.training));
console.log(`MLP 784-128-10, Adam, batch 64, ${TRAIN} digits × ${EPOCHS} epochs, median of ${rounds}:`);
console.log(`  bare model.fit (with validation):     ${bareRate.toFixed(0)} samples/s`);
console.log(`  bench loop, wall (incl. evaluation):  ${loopWall.toFixed(0)} samples/s  (overhead ${((bareRate / loopWall - 1) * 100).toFixed(1)}%)`);
console.log(`  bench loop, training clock:           ${loopTraining.toFixed(0)} samples/s`);

if (!args.includes('--skip-workers')) {
  // A real bench is 133 (--quick) to 221 runs: enough runs that each worker's start-up (TF.js, the wasm
  // binary, MNIST) is amortised as it is there; --runs N to change.
  const runsIndex = args.indexOf('--runs');
  const runs = runsIndex >= 0 ? Number(args[runsIndex + 1]) : 24;
  const jobs = Array.from({ length: runs }, (_, i) => ({ kind: 'scenario', scenarioId: 'learning-rate-range', arm: 'advised', seed: i + 1 }));
  const timed = async (workers) => {
    const started = performance.now();
    const outcome = await runJobs(jobs, { workers, backend: backendChoice, budget: BUDGETS.quick.name });
    if (outcome.failures.length) throw new Error(outcome.failures.map((f) => f.error).join('; '));
    return (performance.now() - started) / 1000;
  };
  const one = await timed(1);
  const two = await timed(2);
  console.log(`workers: ${jobs.length} runs in ${one.toFixed(1)} s on 1 worker, ${two.toFixed(1)} s on 2: speed-up ${(one / two).toFixed(2)}×`);
}
