import type { Budget } from './budget.js';
import { analyzeBatchTime, analyzeSweep, BATCH_SIZES } from './experiments.js';
import type { BatchTimeAnalysis, BatchTimeSeries, SweepRow } from './experiments.js';
import type { JobResult } from './jobs.js';
import { METRICS } from './scenarios.js';
import type { MetricName, Scenario } from './scenarios.js';
import type { CurvePoint, OptimizerName, RunOutcome } from './spec.js';
import { armConfigs, armLabels } from './arms.js';
import { comparePaired, holm, summarize, verdictOf } from './stats.js';
import type { Summary, Verdict } from './stats.js';

/** `DIR/results.json`: issue 7's shape with issue 16's paired statistics and provenance. */
export interface ScenarioResult {
  readonly id: string;
  readonly ruleId: string;
  readonly title: string;
  readonly data: Scenario['data'];
  readonly metric: MetricName;
  readonly higherIsBetter: boolean;
  /** The seeds both arms ran with (the pairs), ascending. */
  readonly seeds: readonly number[];
  readonly baseline: Summary;
  readonly advised: Summary;
  /** Mean of the per-seed differences (positive = the advice helped), metric units, with its paired t interval. */
  readonly effect: { readonly mean: number; readonly ci95: readonly [number, number] | null; readonly paired: true };
  /** Declared in advance by the scenario. */
  readonly minimalEffect: number;
  readonly verdict: Verdict;
  /** Paired t-test p-value of "no difference", and Holm's adjustment over every scenario of the run. */
  readonly p: number;
  readonly pHolm: number;
  /** `validation` where the scenario stops, changes the rate or chooses on a metric (never the test set). */
  readonly selection: Scenario['selection'];
  /** What the rule suggested on the baseline config (the advised arm applies exactly this). */
  readonly advice: readonly { readonly path: string; readonly value: unknown }[];
  /** Secondary measurements, paired the same way (final test accuracy when it is not the metric, task accuracies, variance shift). */
  readonly measures: Readonly<Record<string, MeasureResult>>;
  /** Compute seconds of the scenario's runs (summed over workers). */
  readonly wallSeconds: number;
}

export interface MeasureResult {
  readonly baseline: Summary;
  readonly advised: Summary;
  readonly effect: { readonly mean: number; readonly ci95: readonly [number, number] | null; readonly paired: true };
}

/** Where and when a run was made: the evidence quotes it. */
export interface Environment {
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGiB: number;
  readonly machine: string;
  readonly node: string;
  readonly tfjs: string;
  /** The commit the bench ran from (`unknown` outside a git checkout), `+dirty` when the tree had changes. */
  readonly commit: string;
  /** ISO date and time the run started. */
  readonly date: string;
  /** Load average (1, 5, 15 min) when the run started and when it ended. */
  readonly load: { readonly start: readonly number[]; readonly end: readonly number[] };
}

export interface BenchResults {
  readonly tool: { readonly name: 'hplint'; readonly version: string };
  readonly backend: string;
  /** The order `--backend auto` tries, and why the earlier ones were not used. */
  readonly backendFallback: { readonly order: readonly string[]; readonly notUsed: readonly string[] };
  readonly environment: Environment;
  readonly budget: Budget['name'];
  /** How many scenario tests this run reads together, and how that is corrected for. */
  readonly statistics: { readonly tests: number; readonly correction: 'holm'; readonly confidence: 0.95; readonly note: string };
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
  readonly design: string;
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
  /** One curve per seed, in seed order. */
  readonly curves: readonly (readonly CurvePoint[])[];
}

export interface Collected {
  readonly results: BenchResults;
  readonly details: BenchDetails;
}

/** What the run knew about itself: backend, machine, timing (the scenario numbers come from the jobs). */
export interface RunInfo {
  readonly version: string;
  readonly backend: string;
  readonly backendNotes: readonly string[];
  readonly backendOrder: readonly string[];
  readonly environment: Environment;
  readonly workers: number;
  readonly wallSeconds: number;
  readonly interrupted: boolean;
  readonly failures: readonly string[];
}

export interface CollectInput {
  readonly scenarios: readonly Scenario[];
  readonly jobs: readonly JobResult[];
  readonly budget: Budget;
  readonly includeBatchTime: boolean;
  readonly includeSweep: boolean;
  readonly run: RunInfo;
}

const MEASURE_LABELS: Record<string, string> = {
  accuracy: 'final test accuracy',
  oldTaskAccuracy: 'test accuracy on the pretrained digits 0–4',
  newTaskAccuracy: 'test accuracy on the new digits 5–9',
  varianceShift: 'batch-norm variance shift |log(test var / running var)|',
};

export function measureLabel(name: string): string {
  return MEASURE_LABELS[name] ?? name;
}

/** Seeds that both arms finished: only complete pairs enter a paired comparison. */
function pairsOf(jobs: readonly JobResult[], id: string): { seed: number; baseline: RunOutcome; advised: RunOutcome }[] {
  const arm = (name: 'baseline' | 'advised') =>
    new Map(jobs.filter((r) => r.job.kind === 'scenario' && r.job.scenarioId === id && r.job.arm === name).map((r) => [r.job.seed, r.outcome]));
  const baseline = arm('baseline');
  const advised = arm('advised');
  return [...baseline.keys()]
    .filter((seed) => advised.has(seed))
    .sort((a, b) => a - b)
    .map((seed) => ({ seed, baseline: baseline.get(seed) as RunOutcome, advised: advised.get(seed) as RunOutcome }));
}

function paired(baselineValues: readonly number[], advisedValues: readonly number[], higherIsBetter: boolean): MeasureResult & { p: number } {
  const comparison = comparePaired(baselineValues, advisedValues, higherIsBetter);
  return { baseline: summarize(baselineValues), advised: summarize(advisedValues), effect: { mean: comparison.mean, ci95: comparison.ci95, paired: true }, p: comparison.p };
}

export function collect(input: CollectInput): Collected {
  const wall = (id: string) => input.jobs.filter((r) => r.job.kind === 'scenario' && r.job.scenarioId === id).reduce((sum, r) => sum + r.wallSeconds, 0);
  const drafts: (Omit<ScenarioResult, 'pHolm'>)[] = [];
  const scenarioDetails: ScenarioDetails[] = [];
  for (const scenario of input.scenarios) {
    const pairs = pairsOf(input.jobs, scenario.id);
    if (pairs.length === 0) continue;
    const metric = METRICS[scenario.metric];
    const main = paired(pairs.map((p) => metric.pick(p.baseline)), pairs.map((p) => metric.pick(p.advised)), scenario.higherIsBetter);
    const measureNames = [...(scenario.metric === 'testAccuracy' ? [] : ['accuracy']), ...Object.keys(pairs[0]?.baseline.measures ?? {}).filter((name) => name !== 'chosenTrial' && name !== scenario.metric)];
    const value = (outcome: RunOutcome, name: string) => (name === 'accuracy' ? outcome.accuracy : (outcome.measures[name] ?? Number.NaN));
    const measures = Object.fromEntries(
      measureNames.map((name) => {
        const { p: _p, ...result } = paired(pairs.map((p) => value(p.baseline, name)), pairs.map((p) => value(p.advised, name)), name !== 'varianceShift');
        return [name, result];
      }),
    );
    const configs = armConfigs(scenario, input.budget, pairs[0]?.seed ?? 1);
    drafts.push({
      id: scenario.id,
      ruleId: scenario.ruleId,
      title: scenario.title,
      data: scenario.data,
      metric: scenario.metric,
      higherIsBetter: scenario.higherIsBetter,
      seeds: pairs.map((p) => p.seed),
      baseline: main.baseline,
      advised: main.advised,
      effect: main.effect,
      minimalEffect: scenario.minimalEffect,
      verdict: verdictOf(main.effect.ci95, scenario.minimalEffect),
      p: main.p,
      selection: scenario.selection,
      advice: configs.suggestions.map(({ path, value }) => ({ path, value })),
      measures,
      wallSeconds: round(wall(scenario.id)),
    });
    const labels = armLabels(scenario, input.budget);
    scenarioDetails.push({
      id: scenario.id,
      title: scenario.title,
      shows: scenario.shows,
      design: scenario.design,
      guide: scenario.guide,
      data: scenario.data,
      metricLabel: metric.label,
      percent: metric.percent,
      curveAxis: scenario.curveAxis,
      baseline: { label: labels.baseline, curves: pairs.map((p) => p.baseline.curve) },
      advised: { label: labels.advised, curves: pairs.map((p) => p.advised.curve) },
    });
  }
  const adjusted = holm(drafts.map((d) => d.p));
  const scenarios = drafts.map((d, i) => ({ ...d, pHolm: adjusted[i] as number }));
  const run = input.run;
  return {
    results: {
      tool: { name: 'hplint', version: run.version },
      backend: run.backend,
      backendFallback: { order: run.backendOrder, notUsed: run.backendNotes },
      environment: run.environment,
      budget: input.budget.name,
      statistics: {
        tests: scenarios.length,
        correction: 'holm',
        confidence: 0.95,
        note: `${scenarios.length} scenarios are tested together. Each verdict reads its own paired 95% interval; pHolm is each paired t-test's p-value after Holm's correction for ${scenarios.length} tests (family-wise error 5% when pHolm < 0.05).`,
      },
      scenarios,
    },
    details: {
      budget: input.budget.name,
      workers: run.workers,
      wallSeconds: round(run.wallSeconds),
      interrupted: run.interrupted,
      backendNotes: run.backendNotes,
      failures: run.failures,
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
