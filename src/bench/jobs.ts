import { scenarioRun } from './arms.js';
import type { Budget } from './budget.js';
import { BATCH_SIZES, batchTimeRun, SWEEP_OPTIMIZERS, sweepRun } from './experiments.js';
import { scenarioById } from './scenarios.js';
import type { Scenario } from './scenarios.js';
import type { ArmRun, OptimizerName, RunOutcome } from './spec.js';

/** A job is one training run, described as plain data so it can cross to a worker thread. */
export type Job =
  | { readonly kind: 'scenario'; readonly scenarioId: string; readonly arm: 'baseline' | 'advised'; readonly seed: number }
  | { readonly kind: 'batchTime'; readonly batchSize: number; readonly seed: number }
  | { readonly kind: 'sweep'; readonly optimizer: OptimizerName; readonly learningRate: number; readonly seed: number };

export interface JobResult {
  readonly job: Job;
  readonly outcome: RunOutcome;
  /** Wall-clock seconds of the whole job (data, model, training, evaluation). */
  readonly wallSeconds: number;
}

export const EXPERIMENT_IDS = { batchTime: 'batch-size-time', sweep: 'learning-rate-sweep' } as const;

export interface Plan {
  readonly scenarios: readonly Scenario[];
  readonly batchTime: boolean;
  readonly sweep: boolean;
}

/**
 * Seeds go round-robin over the scenarios (seed 1 of every scenario, then seed 2, …), so an interrupted
 * run still has every scenario at a similar number of seeds. The experiments come after seed 1.
 */
/** `firstSeed` > 1 extends an earlier run with new seeds (merge with scripts/merge-bench.mjs). */
export function planJobs(plan: Plan, budget: Budget, seeds: number, firstSeed = 1): Job[] {
  const jobs: Job[] = [];
  const experiments: Job[] = [];
  if (plan.batchTime) {
    for (let seed = 1; seed <= budget.batchTime.seeds; seed++) for (const batchSize of BATCH_SIZES) experiments.push({ kind: 'batchTime', batchSize, seed });
  }
  if (plan.sweep) {
    for (let seed = 1; seed <= budget.sweep.seeds; seed++) {
      for (const { name } of SWEEP_OPTIMIZERS) for (const learningRate of budget.sweep.learningRates) experiments.push({ kind: 'sweep', optimizer: name, learningRate, seed });
    }
  }
  for (let seed = firstSeed; seed < firstSeed + seeds; seed++) {
    for (const scenario of plan.scenarios) {
      jobs.push({ kind: 'scenario', scenarioId: scenario.id, arm: 'baseline', seed }, { kind: 'scenario', scenarioId: scenario.id, arm: 'advised', seed });
    }
    if (seed === firstSeed) jobs.push(...experiments);
  }
  if (seeds < 1) jobs.push(...experiments);
  return jobs;
}

export function armRunOf(job: Job, budget: Budget): ArmRun {
  switch (job.kind) {
    case 'scenario': {
      const scenario = scenarioById(job.scenarioId);
      if (!scenario) throw new Error(`unknown scenario "${job.scenarioId}"`);
      return scenarioRun(scenario, job.arm, budget, job.seed);
    }
    case 'batchTime':
      return batchTimeRun(budget, job.batchSize);
    case 'sweep':
      return sweepRun(budget, job.optimizer, job.learningRate);
  }
}

/** Identifies a run: the same job twice (the same seed of the same arm) is a duplicate. */
export function jobKey(job: Job): string {
  switch (job.kind) {
    case 'scenario':
      return `scenario ${job.scenarioId} ${job.arm} ${job.seed}`;
    case 'batchTime':
      return `batchTime ${job.batchSize} ${job.seed}`;
    case 'sweep':
      return `sweep ${job.optimizer} ${job.learningRate} ${job.seed}`;
  }
}

export function describeJob(job: Job): string {
  switch (job.kind) {
    case 'scenario':
      return `${job.scenarioId} ${job.arm} seed ${job.seed}`;
    case 'batchTime':
      return `§3 batch ${job.batchSize} seed ${job.seed}`;
    case 'sweep':
      return `§7 ${job.optimizer} lr=${job.learningRate} seed ${job.seed}`;
  }
}

/**
 * Scenario runs that train exactly the same thing with the same seed (early-stopping-missing and
 * plateau-policy share their constant-rate baseline) run once: `jobs` keeps the first of each group,
 * `copies` maps it to the others, which take its outcome.
 */
export function shareIdenticalRuns(jobs: readonly Job[], budget: Budget): { jobs: Job[]; copies: Map<string, Job[]> } {
  const first = new Map<string, Job>();
  const copies = new Map<string, Job[]>();
  const kept: Job[] = [];
  for (const job of jobs) {
    const key = job.kind === 'scenario' ? `${job.seed} ${JSON.stringify(armRunOf(job, budget))}` : undefined;
    const original = key === undefined ? undefined : first.get(key);
    if (original) {
      copies.set(jobKey(original), [...(copies.get(jobKey(original)) ?? []), job]);
      continue;
    }
    if (key !== undefined) first.set(key, job);
    kept.push(job);
  }
  return { jobs: kept, copies };
}
