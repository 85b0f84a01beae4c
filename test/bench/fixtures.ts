import { BUDGETS } from '../../src/bench/budget.js';
import type { JobResult } from '../../src/bench/jobs.js';
import { collect } from '../../src/bench/results.js';
import type { Collected } from '../../src/bench/results.js';
import { scenarioById } from '../../src/bench/scenarios.js';
import type { RunOutcome } from '../../src/bench/spec.js';

/** A canned outcome: a three-epoch curve that ends at `accuracy`. */
export function outcome(accuracy: number, epochs = 3): RunOutcome {
  const curve = Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, seconds: (i + 1) * 0.5, accuracy: (accuracy * (i + 1)) / epochs, loss: 2 - i * 0.5 }));
  return { accuracy, bestAccuracy: accuracy, loss: 0.5, epochs, trainSeconds: epochs * 0.5, samplesSeen: epochs * 100, curve };
}

/** Canned runs: learning-rate-range clearly validated, early stopping in epochs, a §3 and a §7 experiment. */
export function cannedRun(): Collected {
  const jobs: JobResult[] = [];
  [0.1, 0.12, 0.09].forEach((a, i) => jobs.push({ job: { kind: 'scenario', scenarioId: 'learning-rate-range', arm: 'baseline', seed: i + 1 }, outcome: outcome(a), wallSeconds: 2 }));
  [0.9, 0.91, 0.92].forEach((a, i) => jobs.push({ job: { kind: 'scenario', scenarioId: 'learning-rate-range', arm: 'advised', seed: i + 1 }, outcome: outcome(a), wallSeconds: 2 }));
  [50, 50, 50].forEach((e, i) => jobs.push({ job: { kind: 'scenario', scenarioId: 'early-stopping-missing', arm: 'baseline', seed: i + 1 }, outcome: outcome(0.88, e), wallSeconds: 3 }));
  [21, 25, 18].forEach((e, i) => jobs.push({ job: { kind: 'scenario', scenarioId: 'early-stopping-missing', arm: 'advised', seed: i + 1 }, outcome: outcome(0.875, e), wallSeconds: 1 }));
  [8, 32, 1024].forEach((batchSize, i) => jobs.push({ job: { kind: 'batchTime', batchSize, seed: 1 }, outcome: outcome([0.8, 0.9, 0.6][i] ?? 0), wallSeconds: 5 }));
  [1e-3, 1e-2, 1e-1].forEach((learningRate, i) => jobs.push({ job: { kind: 'sweep', optimizer: 'adam', learningRate, seed: 1 }, outcome: outcome([0.9, 0.85, 0.1][i] ?? 0), wallSeconds: 1 }));
  const scenarios = ['learning-rate-range', 'early-stopping-missing', 'dropout-range'].map((id) => scenarioById(id)!);
  return collect({
    scenarios,
    jobs,
    budget: BUDGETS.quick,
    includeBatchTime: true,
    includeSweep: true,
    version: '0.1.0',
    backend: 'wasm',
    backendNotes: ['node: Cannot find package \'@tensorflow/tfjs-node\''],
    tfjs: '4.22.0',
    workers: 2,
    wallSeconds: 42,
    interrupted: false,
    failures: [],
  });
}
