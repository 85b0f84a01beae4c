import { BUDGETS } from '../../src/bench/budget.js';
import type { JobResult } from '../../src/bench/jobs.js';
import { collect } from '../../src/bench/results.js';
import type { Collected, RunInfo } from '../../src/bench/results.js';
import { scenarioById } from '../../src/bench/scenarios.js';
import type { RunOutcome } from '../../src/bench/spec.js';

/** A canned outcome: a curve of `epochs` points that ends at `accuracy`. */
export function outcome(accuracy: number, epochs = 3, measures: Record<string, number> = {}): RunOutcome {
  const curve = Array.from({ length: epochs }, (_, i) => ({ epoch: i + 1, seconds: (i + 1) * 0.5, accuracy: (accuracy * (i + 1)) / epochs, loss: 2 - i * 0.5 }));
  return { accuracy, validationAccuracy: null, loss: 0.5, epochs, trainSeconds: epochs * 0.5, samplesSeen: epochs * 100, curve, measures };
}

export const RUN_INFO: RunInfo = {
  version: '0.1.0',
  backend: 'wasm',
  backendNotes: ["node: Cannot find package '@tensorflow/tfjs-node'"],
  backendOrder: ['node', 'wasm', 'cpu'],
  environment: {
    cpus: 2,
    cpuModel: 'Test CPU @ 2.0GHz',
    memoryGiB: 8,
    machine: 'Linux 6.1 x64',
    node: 'v20.19.0',
    tfjs: '4.22.0',
    commit: '0123456789abcdef0123456789abcdef01234567',
    date: '2026-11-29T12:00:00.000Z',
    load: { start: [0.5, 0.4, 0.3], end: [1.9, 1.5, 0.9] },
  },
  workers: 2,
  wallSeconds: 42,
  interrupted: false,
  failures: [],
};

const scenarioJob = (scenarioId: string, arm: 'baseline' | 'advised', seed: number, result: RunOutcome, wallSeconds = 2): JobResult => ({
  job: { kind: 'scenario', scenarioId, arm, seed },
  outcome: result,
  wallSeconds,
});

/** Canned runs: learning-rate-range clearly validated, early stopping in epochs, a §3 and a §7 experiment. */
export function cannedJobs(seeds: readonly number[] = [1, 2, 3]): JobResult[] {
  const jobs: JobResult[] = [];
  const at = <T>(values: readonly T[], i: number) => values[i % values.length] as T;
  seeds.forEach((seed, i) => {
    jobs.push(scenarioJob('learning-rate-range', 'baseline', seed, outcome(at([0.1, 0.12, 0.09], i))));
    jobs.push(scenarioJob('learning-rate-range', 'advised', seed, outcome(at([0.9, 0.91, 0.92], i))));
    jobs.push(scenarioJob('early-stopping-missing', 'baseline', seed, outcome(0.88, 50), 3));
    jobs.push(scenarioJob('early-stopping-missing', 'advised', seed, outcome(0.875, at([21, 25, 18], i)), 1));
  });
  [8, 32, 1024].forEach((batchSize, i) => jobs.push({ job: { kind: 'batchTime', batchSize, seed: 1 }, outcome: outcome([0.8, 0.9, 0.6][i] ?? 0), wallSeconds: 5 }));
  [1e-3, 1e-2, 1e-1].forEach((learningRate, i) => jobs.push({ job: { kind: 'sweep', optimizer: 'adam', learningRate, seed: 1 }, outcome: outcome([0.9, 0.85, 0.1][i] ?? 0), wallSeconds: 1 }));
  return jobs;
}

export const CANNED_SCENARIOS = ['learning-rate-range', 'early-stopping-missing', 'dropout-range'].map((id) => scenarioById(id)!);

export function cannedRun(jobs: readonly JobResult[] = cannedJobs()): Collected {
  return collect({ scenarios: CANNED_SCENARIOS, jobs, budget: BUDGETS.quick, includeBatchTime: true, includeSweep: true, run: RUN_INFO });
}
