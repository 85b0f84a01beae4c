import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import cliProgress from 'cli-progress';
import { UsageError } from '../usage-error.js';
import { VERSION } from '../version.js';
import { BUDGETS } from './budget.js';
import { toEvidence } from './evidence-build.js';
import { describeJob, EXPERIMENT_IDS, planJobs } from './jobs.js';
import type { Plan } from './jobs.js';
import { renderReport } from './report.js';
import { collect } from './results.js';
import { runJobs } from './runner.js';
import { SCENARIOS } from './scenarios.js';
import { summaryTable } from './summary.js';
import type { BackendChoice } from './tf.js';

/** `hplint bench`: plan the runs, spread them over workers, write results.json, report.html and evidence.json. */

export interface BenchFlags {
  readonly quick?: boolean;
  readonly seeds?: string;
  readonly firstSeed?: string;
  readonly backend: BackendChoice;
  readonly workers?: string;
  readonly out: string;
  readonly format: 'text' | 'json';
}

interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Exit code of a run stopped with Ctrl-C (its finished results are still written). */
export const EXIT_INTERRUPTED = 130;

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

function positiveInteger(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} takes a whole number of at least 1, not "${value}"`);
  return n;
}

export async function benchCommand(ids: readonly string[], flags: BenchFlags, io: Io): Promise<number> {
  const budget = BUDGETS[flags.quick ? 'quick' : 'full'];
  const seeds = positiveInteger('--seeds', flags.seeds, budget.seeds);
  const workers = positiveInteger('--workers', flags.workers, Math.max(1, Math.min(2, os.availableParallelism())));
  const plan = selectPlan(ids);
  const jobs = planJobs(plan, budget, seeds, positiveInteger('--first-seed', flags.firstSeed, 1));

  const controller = new AbortController();
  const onInterrupt = () => controller.abort();
  process.once('SIGINT', onInterrupt);
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'bench [{bar}] {value}/{total} runs | {duration_formatted} | {job}', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(jobs.length, 0, { job: 'loading TF.js' });
  const started = performance.now();
  let done = 0;
  let outcome;
  try {
    outcome = await runJobs(jobs, {
      workers,
      backend: flags.backend,
      budget: budget.name,
      signal: controller.signal,
      onStart: (job) => bar?.update({ job: describeJob(job) }),
      onResult: (result) => {
        done += 1;
        // Without a terminal (CI logs), one line per finished run instead of a bar.
        if (bar) bar.increment();
        else io.stderr(`[${done}/${jobs.length}] ${describeJob(result.job)} (${result.wallSeconds.toFixed(1)} s)\n`);
      },
    });
  } finally {
    bar?.stop();
    process.removeListener('SIGINT', onInterrupt);
  }
  if (outcome.results.length === 0) {
    // Every worker reports the same backend failure: say it once.
    const reasons = [...new Set(outcome.failures.map((f) => f.error))].join('; ');
    throw new UsageError(`no bench run finished${reasons ? `: ${reasons}` : ''}`);
  }
  const { results, details } = collect({
    scenarios: plan.scenarios,
    jobs: outcome.results,
    budget,
    includeBatchTime: plan.batchTime,
    includeSweep: plan.sweep,
    version: VERSION,
    backend: outcome.backend,
    backendNotes: outcome.backendNotes,
    tfjs: outcome.tfjs,
    workers,
    wallSeconds: (performance.now() - started) / 1000,
    interrupted: outcome.interrupted,
    failures: outcome.failures.map((f) => (f.job ? `${describeJob(f.job)}: ${f.error}` : f.error)),
  });
  const out = path.resolve(flags.out);
  mkdirSync(out, { recursive: true });
  const json = `${JSON.stringify(results, null, 2)}\n`;
  writeFileSync(path.join(out, 'results.json'), json);
  writeFileSync(path.join(out, 'details.json'), `${JSON.stringify(details)}\n`);
  writeFileSync(path.join(out, 'report.html'), renderReport(results, details));
  writeFileSync(path.join(out, 'evidence.json'), `${JSON.stringify(toEvidence(results, details, new Date()), null, 2)}\n`);
  io.stdout(flags.format === 'json' ? json : `${summaryTable(results, details)}Wrote ${path.relative(process.cwd(), out) || '.'}/results.json, report.html, evidence.json\n`);
  for (const failure of details.failures) io.stderr(`hplint bench: failed: ${failure}\n`);
  return outcome.interrupted ? EXIT_INTERRUPTED : 0;
}
