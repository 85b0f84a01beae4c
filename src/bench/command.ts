import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { UsageError } from '../usage-error.js';
import { VERSION } from '../version.js';
import { BUDGETS } from './budget.js';
import type { Budget } from './budget.js';
import { toEvidence } from './evidence-build.js';
import { describeJob, EXPERIMENT_IDS, jobKey, planJobs, shareIdenticalRuns } from './jobs.js';
import type { JobResult, Plan } from './jobs.js';
import { renderReport } from './report.js';
import { collect } from './results.js';
import type { Environment, RunInfo } from './results.js';
import { runJobs } from './runner.js';
import { METRICS, SCENARIOS } from './scenarios.js';
import { appendRun, readRuns, RUNS_FILE } from './store.js';
import { summaryTable } from './summary.js';
import { AUTO_ORDER } from './backends.js';
import type { BackendChoice } from './backends.js';
import { writeFileSafely } from '../write-file.js';

/** `hplint bench`: plan the runs, spread them over workers, write results.json, report.html and evidence.json. */

export interface BenchFlags {
  readonly quick?: boolean;
  readonly seeds?: string;
  readonly firstSeed?: string;
  readonly backend: BackendChoice;
  readonly workers?: string;
  readonly out: string;
  readonly format: 'text' | 'json';
  readonly resume?: boolean;
  readonly list?: boolean;
}

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit code of a run stopped with Ctrl-C (its finished results are still written). */
export const EXIT_INTERRUPTED = 130;

/** Memory one worker thread needs (TF.js wasm heap, MNIST tensors, a model): workers beyond free memory would swap. */
const WORKER_MEMORY = 600 * 1024 ** 2;

export function selectPlan(ids: readonly string[]): Plan {
  if (ids.length === 0) return { scenarios: SCENARIOS, batchTime: true, sweep: true };
  const experimentIds: readonly string[] = Object.values(EXPERIMENT_IDS);
  const unknown = ids.filter((id) => !experimentIds.includes(id) && !SCENARIOS.some((s) => s.id === id || s.ruleId === id));
  if (unknown.length > 0) {
    const known = [...SCENARIOS.map((s) => s.id), ...experimentIds].join(', ');
    throw new UsageError(`unknown bench scenario ${unknown.map((id) => `"${id}"`).join(', ')}; known: ${known}`);
  }
  return {
    // A rule id selects every scenario that tests that rule.
    scenarios: SCENARIOS.filter((s) => ids.includes(s.id) || ids.includes(s.ruleId)),
    batchTime: ids.includes(EXPERIMENT_IDS.batchTime),
    sweep: ids.includes(EXPERIMENT_IDS.sweep),
  };
}

/** `--list`: every scenario with its rule, metric and declared minimal effect, then the two experiments. */
export function listScenarios(): string {
  const rows = SCENARIOS.map((s) => {
    const metric = METRICS[s.metric];
    const minimal = metric.percent ? `${(s.minimalEffect * 100).toFixed(1)} pts` : `${s.minimalEffect} ${metric.label.split(' ')[0]}`;
    return [s.id, s.ruleId, `${metric.label}, minimal effect ${minimal}${s.selection === 'validation' ? ', validation split' : ''}`];
  });
  rows.push([EXPERIMENT_IDS.batchTime, '-', 'GUIDE §3 experiment: accuracy against wall-clock time per batch size']);
  rows.push([EXPERIMENT_IDS.sweep, '-', 'GUIDE §7 experiment: a learning-rate sweep per optimizer']);
  const widths = [0, 1].map((i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return `${rows.map((r) => `${(r[0] ?? '').padEnd(widths[0] ?? 0)}  ${(r[1] ?? '').padEnd(widths[1] ?? 0)}  ${r[2]}`).join('\n')}\n`;
}

function positiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number of at least 1, not "${value}"`);
  return n;
}

/** One worker per core, as many as free memory allows (at least one). */
export function defaultWorkers(cores = os.availableParallelism(), freeMemory = os.freemem()): number {
  return Math.max(1, Math.min(cores, Math.floor(freeMemory / WORKER_MEMORY)));
}

export async function benchCommand(ids: readonly string[], flags: BenchFlags, io: Io): Promise<number> {
  if (flags.list) {
    io.stdout(listScenarios());
    return 0;
  }
  const budget = BUDGETS[flags.quick ? 'quick' : 'full'];
  const seeds = positiveInteger('--seeds', flags.seeds, budget.seeds);
  const workers = positiveInteger('--workers', flags.workers, defaultWorkers());
  const plan = selectPlan(ids);
  const out = path.resolve(flags.out);
  mkdirSync(out, { recursive: true });
  let previous: JobResult[] = [];
  if (flags.resume) {
    try {
      previous = readRuns(out, budget.name);
    } catch (error) {
      throw new UsageError(error instanceof Error ? error.message : String(error));
    }
  } else {
    rmSync(path.join(out, RUNS_FILE), { force: true });
  }
  const done = new Set(previous.map((r) => jobKey(r.job)));
  const { jobs, copies } = shareIdenticalRuns(
    planJobs(plan, budget, seeds, positiveInteger('--first-seed', flags.firstSeed, 1)).filter((job) => !done.has(jobKey(job))),
    budget,
  );
  if (flags.resume) io.stderr(`hplint bench: resuming: ${previous.length} runs already in ${RUNS_FILE}, ${jobs.length} to go\n`);

  const environmentAtStart = environment();
  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'bench [{bar}] {value}/{total} runs | {duration_formatted} | {job}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(jobs.length, 0, { job: 'loading TF.js' });
  const started = performance.now();
  let finished = 0;
  let outcome;
  try {
    outcome = await runJobs(jobs, {
      workers,
      backend: flags.backend,
      budget: budget.name,
      signal: controller.signal,
      onStart: (job) => bar?.update({ job: describeJob(job) }),
      onResult: (result) => {
        finished += 1;
        // Written as it finishes: an interrupted run resumes from here (--resume). A shared run is written for each scenario that uses it.
        for (const job of [result.job, ...(copies.get(jobKey(result.job)) ?? [])]) appendRun(out, budget.name, { ...result, job });
        // Without a terminal (CI logs), one line per finished run instead of a bar.
        if (bar) bar.increment();
        else io.stderr(`[${finished}/${jobs.length}] ${describeJob(result.job)} (${result.wallSeconds.toFixed(1)} s)\n`);
      },
    });
  } finally {
    bar?.stop();
    process.removeListener('SIGINT', onInterrupt);
  }
  const shared = outcome.results.flatMap((result) => (copies.get(jobKey(result.job)) ?? []).map((job) => ({ ...result, job })));
  const all = [...previous, ...outcome.results, ...shared];
  if (all.length === 0) {
    // Every worker reports the same backend failure: say it once.
    const reasons = [...new Set(outcome.failures.map((f) => f.error))].join('; ');
    throw new UsageError(`no bench run finished${reasons ? `: ${reasons}` : ''}`);
  }
  const run: RunInfo = {
    version: VERSION,
    backend: outcome.backend,
    backendNotes: outcome.backendNotes,
    backendOrder: flags.backend === 'auto' ? AUTO_ORDER : [flags.backend],
    environment: { ...environmentAtStart, tfjs: outcome.tfjs, load: { start: environmentAtStart.load.start, end: loadAverage() } },
    workers,
    wallSeconds: (performance.now() - started) / 1000,
    interrupted: outcome.interrupted,
    failures: outcome.failures.map((f) => (f.job ? `${describeJob(f.job)}: ${f.error}` : f.error)),
  };
  const written = writeOutputs(out, plan, budget, all, run);
  io.stdout(flags.format === 'json' ? written.json : `${written.summary}Wrote ${path.relative(process.cwd(), out) || '.'}/results.json, report.html, evidence.json (runs in ${RUNS_FILE})\n`);
  for (const failure of run.failures) io.stderr(`hplint bench: failed: ${failure}\n`);
  return outcome.interrupted ? EXIT_INTERRUPTED : 0;
}

/** Collects the runs and writes results.json, details.json, report.html and evidence.json into `out`. */
export function writeOutputs(out: string, plan: Plan, budget: Budget, jobs: readonly JobResult[], run: RunInfo): { json: string; summary: string } {
  const { results, details } = collect({ scenarios: plan.scenarios, jobs, budget, includeBatchTime: plan.batchTime, includeSweep: plan.sweep, run });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  // Atomic, never through a link planted in the output folder: the same writer as --fix and -o.
  writeFileSafely(path.join(out, 'results.json'), json, { noLinks: true });
  writeFileSafely(path.join(out, 'details.json'), `${JSON.stringify(details)}\n`, { noLinks: true });
  writeFileSafely(path.join(out, 'report.html'), renderReport(results, details), { noLinks: true });
  writeFileSafely(path.join(out, 'evidence.json'), `${JSON.stringify(toEvidence(results), null, 2)}\n`, { noLinks: true });
  return { json, summary: summaryTable(results, details) };
}

const loadAverage = () => os.loadavg().map((n) => Math.round(n * 100) / 100);

/** The machine and the checkout the run is made on. */
export function environment(): Environment {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    machine: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    tfjs: 'unknown',
    commit: gitCommit(),
    date: new Date().toISOString(),
    load: { start: loadAverage(), end: [] },
  };
}

function gitCommit(): string {
  try {
    const git = (args: string[]) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git(['rev-parse', 'HEAD']);
    return git(['status', '--porcelain', '--untracked-files=no']) === '' ? commit : `${commit}+dirty`;
  } catch {
    return 'unknown';
  }
}
