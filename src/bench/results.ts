import os from 'node:os';
import type { Budget } from './budget.js';
import { analyzeBatchTime, analyzeSweep, BATCH_SIZES } from './experiments.js';
import type { BatchTimeAnalysis, BatchTimeSeries, SweepRow } from './experiments.js';
import type { JobResult } from './jobs.js';
import { METRICS } from './scenarios.js';
import type { MetricName, Scenario } from './scenarios.js';
import type { CurvePoint, OptimizerName } from './spec.js';
import { compare, summarize } from './stats.js';
import type { Summary, Verdict } from './stats.js';

/** `DIR/results.json`, exactly the shape of issue 7. */
export interface ScenarioResult {
  readonly id: string;
  readonly ruleId: string;
  readonly metric: MetricName;
  readonly higherIsBetter: boolean;
  readonly seeds: number;
  readonly baseline: Summary;
  readonly advised: Summary;
  /** Positive = the advice helped, in metric units (accuracy as a fraction). */
  readonly effect: number;
  readonly ci95: readonly [number, number] | null;
  readonly verdict: Verdict;
  /** Compute seconds of the scenario's runs (summed over workers). */
  readonly wallSeconds: number;
}

export interface BenchResults {
  readonly tool: { readonly name: 'hplint'; readonly version: string };
  readonly backend: string;
  readonly environment: { readonly cpus: number; readonly node: string; readonly tfjs: string };
  readonly scenarios: readonly ScenarioResult[];
}

/** `DIR/details.json`: what the report draws beyond results.json (curves, labels, the two experiments). */
export interface BenchDetails {
  readonly budget: Budget['name'];
  readonly workers: number;
  readonly wallSeconds: number;
  readonly interrupted: boolean;
  readonly backendNotes: readonly string[];
  readonly failures: readonly string[];
  readonly scenarios: readonly ScenarioDetails[];
  readonly batchTime: { readonly seconds: number; readonly series: readonly BatchTimeSeries[]; readonly analysis: BatchTimeAnalysis } | null;
  readonly sweep: { readonly rows: readonly SweepRow[] } | null;
}

export interface ScenarioDetails {
  readonly id: string;
  readonly title: string;
  readonly shows: string;
  readonly guide: string;
  readonly data: Scenario['data'];
  readonly metricLabel: string;
  readonly percent: boolean;
  readonly curveAxis: Scenario['curveAxis'];
  readonly baseline: ArmDetails;
  readonly advised: ArmDetails;
}

export interface ArmDetails {
  readonly label: string;
  readonly curves: readonly (readonly CurvePoint[])[];
  /** Final test accuracy, whatever the metric: the early-stopping scenario's "at equal accuracy" check. */
  readonly accuracy: Summary;
}

export interface Collected {
  readonly results: BenchResults;
  readonly details: BenchDetails;
}

export interface CollectInput {
  readonly scenarios: readonly Scenario[];
  readonly jobs: readonly JobResult[];
  readonly budget: Budget;
  readonly includeBatchTime: boolean;
  readonly includeSweep: boolean;
  readonly version: string;
  readonly backend: string;
  readonly backendNotes: readonly string[];
  readonly tfjs: string;
  readonly workers: number;
  readonly wallSeconds: number;
  readonly interrupted: boolean;
  readonly failures: readonly string[];
}

export function collect(input: CollectInput): Collected {
  const scenarioJobs = (id: string, arm: 'baseline' | 'advised') =>
    input.jobs
      .filter((r) => r.job.kind === 'scenario' && r.job.scenarioId === id && r.job.arm === arm)
      .sort((a, b) => a.job.seed - b.job.seed);
  const scenarios: ScenarioResult[] = [];
  const scenarioDetails: ScenarioDetails[] = [];
  for (const scenario of input.scenarios) {
    const baselineJobs = scenarioJobs(scenario.id, 'baseline');
    const advisedJobs = scenarioJobs(scenario.id, 'advised');
    if (baselineJobs.length === 0 && advisedJobs.length === 0) continue;
    const metric = METRICS[scenario.metric];
    const baseline = summarize(baselineJobs.map((r) => metric.pick(r.outcome)));
    const advised = summarize(advisedJobs.map((r) => metric.pick(r.outcome)));
    scenarios.push({
      id: scenario.id,
      ruleId: scenario.ruleId,
      metric: scenario.metric,
      higherIsBetter: scenario.higherIsBetter,
      seeds: Math.min(baselineJobs.length, advisedJobs.length),
      baseline,
      advised,
      ...compare(baseline.values, advised.values, scenario),
      wallSeconds: round([...baselineJobs, ...advisedJobs].reduce((sum, r) => sum + r.wallSeconds, 0)),
    });
    const arm = (label: string, jobs: readonly JobResult[]): ArmDetails => ({
      label,
      curves: jobs.map((r) => r.outcome.curve),
      accuracy: summarize(jobs.map((r) => r.outcome.accuracy)),
    });
    scenarioDetails.push({
      id: scenario.id,
      title: scenario.title,
      shows: scenario.shows,
      guide: scenario.guide,
      data: scenario.data,
      metricLabel: metric.label,
      percent: metric.percent,
      curveAxis: scenario.curveAxis,
      baseline: arm(scenario.baseline.label, baselineJobs),
      advised: arm(scenario.advised.label, advisedJobs),
    });
  }
  return {
    results: {
      tool: { name: 'hplint', version: input.version },
      backend: input.backend,
      environment: { cpus: os.cpus().length, node: process.version, tfjs: input.tfjs },
      scenarios,
    },
    details: {
      budget: input.budget.name,
      workers: input.workers,
      wallSeconds: round(input.wallSeconds),
      interrupted: input.interrupted,
      backendNotes: input.backendNotes,
      failures: input.failures,
      scenarios: scenarioDetails,
      batchTime: input.includeBatchTime ? batchTimeOf(input.jobs, input.budget) : null,
      sweep: input.includeSweep ? { rows: analyzeSweep(sweepCellsOf(input.jobs)) } : null,
    },
  };
}

function batchTimeOf(jobs: readonly JobResult[], budget: Budget): BenchDetails['batchTime'] {
  const series = BATCH_SIZES.map((batchSize) => ({
    batchSize,
    curves: jobs.filter((r) => r.job.kind === 'batchTime' && r.job.batchSize === batchSize).map((r) => r.outcome.curve),
  })).filter((s) => s.curves.length > 0);
  if (series.length === 0) return null;
  return { seconds: budget.batchTime.seconds, series, analysis: analyzeBatchTime(series, budget.batchTime.seconds) };
}

function sweepCellsOf(jobs: readonly JobResult[]) {
  const cells = new Map<string, { optimizer: OptimizerName; learningRate: number; accuracies: number[] }>();
  for (const { job, outcome } of jobs) {
    if (job.kind !== 'sweep') continue;
    const key = `${job.optimizer} ${job.learningRate}`;
    const cell = cells.get(key) ?? { optimizer: job.optimizer, learningRate: job.learningRate, accuracies: [] };
    cell.accuracies.push(outcome.accuracy);
    cells.set(key, cell);
  }
  return [...cells.values()];
}

function round(seconds: number): number {
  return Math.round(seconds * 10) / 10;
}
