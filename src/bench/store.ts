import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BudgetName } from './budget.js';
import { jobKey } from './jobs.js';
import type { JobResult } from './jobs.js';
import { writeFileSafely } from '../write-file.js';

/**
 * `DIR/runs.jsonl`: one line per finished run, appended as it finishes, so an interrupted bench loses
 * at most the runs in flight and `--resume` carries on; merging runs reads these lines too.
 */

export const RUNS_FILE = 'runs.jsonl';

interface Line extends JobResult {
  readonly budget: BudgetName;
}

const lineOf = (budget: BudgetName, result: JobResult) => `${JSON.stringify({ budget, ...result } satisfies Line)}\n`;

export function appendRun(dir: string, budget: BudgetName, result: JobResult): void {
  appendFileSync(path.join(dir, RUNS_FILE), lineOf(budget, result));
}

/** Writes a whole runs file (a merge of several runs). */
export function writeRuns(dir: string, budget: BudgetName, results: readonly JobResult[]): void {
  writeFileSafely(path.join(dir, RUNS_FILE), results.map((result) => lineOf(budget, result)).join(''), { noLinks: true });
}

/** The finished runs of `dir` (none when it has no runs file), checked to be of `budget`. */
export function readRuns(dir: string, budget?: BudgetName): JobResult[] {
  const file = path.join(dir, RUNS_FILE);
  if (!existsSync(file)) return [];
  const results: JobResult[] = [];
  for (const [index, text] of readFileSync(file, 'utf8').split('\n').entries()) {
    if (text.trim() === '') continue;
    let line: Line;
    try {
      line = JSON.parse(text) as Line;
    } catch {
      // The line being written when the process was killed: that run is redone.
      continue;
    }
    if (budget && line.budget !== budget) throw new Error(`${file}:${index + 1}: a ${line.budget}-budget run cannot be resumed or merged with the ${budget} budget`);
    results.push({ job: line.job, outcome: line.outcome, wallSeconds: line.wallSeconds });
  }
  return results;
}

/** Pools runs from several directories; the same seed of the same arm twice is refused (it would count one seed twice). */
export function poolRuns(parts: readonly { readonly dir: string; readonly runs: readonly JobResult[] }[]): JobResult[] {
  const seen = new Map<string, string>();
  const pooled: JobResult[] = [];
  for (const { dir, runs } of parts) {
    for (const run of runs) {
      const key = jobKey(run.job);
      const earlier = seen.get(key);
      if (earlier !== undefined) throw new Error(`duplicate run "${key}" in ${earlier === dir ? dir : `${earlier} and ${dir}`}: give each run its own seeds (--first-seed)`);
      seen.set(key, dir);
      pooled.push(run);
    }
  }
  return pooled;
}
