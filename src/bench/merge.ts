import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BUDGETS } from './budget.js';
import type { Budget } from './budget.js';
import { selectPlan } from './command.js';
import type { JobResult, Plan } from './jobs.js';
import type { BenchResults, RunInfo } from './results.js';
import { poolRuns, readRuns } from './store.js';

/**
 * Merges bench runs made with different seeds (e.g. seeds 1–5 and a `--first-seed 6` run) by pooling
 * their finished runs (runs.jsonl) and collecting again, so every statistic is recomputed from the pairs.
 * The same seed of the same arm in two runs is refused. Machine and backend come from the first run.
 */
export function mergeRunDirs(dirs: readonly string[]): { plan: Plan; budget: Budget; jobs: JobResult[]; run: RunInfo } {
  const heads = dirs.map((dir) => JSON.parse(readFileSync(path.join(dir, 'results.json'), 'utf8')) as BenchResults);
  const [first] = heads;
  if (!first) throw new Error('nothing to merge');
  const budget = BUDGETS[first.budget];
  const jobs = poolRuns(dirs.map((dir) => ({ dir, runs: readRuns(dir, budget.name) })));
  const ids = [...new Set(heads.flatMap((h) => h.scenarios.map((s) => s.id)))];
  const hasKind = (kind: JobResult['job']['kind']) => jobs.some((r) => r.job.kind === kind);
  const plan = { ...selectPlan(ids), batchTime: hasKind('batchTime'), sweep: hasKind('sweep') };
  const details = dirs.map((dir) => JSON.parse(readFileSync(path.join(dir, 'details.json'), 'utf8')) as { workers: number; wallSeconds: number; interrupted: boolean; failures: string[] });
  return {
    plan,
    budget,
    jobs,
    run: {
      version: first.tool.version,
      backend: first.backend,
      backendNotes: first.backendFallback.notUsed,
      backendOrder: first.backendFallback.order,
      environment: first.environment,
      workers: details[0]?.workers ?? 1,
      wallSeconds: details.reduce((sum, d) => sum + d.wallSeconds, 0),
      interrupted: details.some((d) => d.interrupted),
      failures: details.flatMap((d) => d.failures),
    },
  };
}
