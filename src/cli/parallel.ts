import { availableParallelism, freemem } from 'node:os';
import { LIMITS } from '../source/limits.js';
import { Worker } from 'node:worker_threads';
import type { Job, JobOutcome, RunOptions } from './lint-job.js';

/** Below this many files a worker's start-up (loading hplint again, ~100 ms) costs more than it saves. */
const FILES_PER_WORKER = 200;
/** Jobs are handed out in chunks: small enough to balance the load, large enough to amortise messages. */
const CHUNK = 24;

export type Concurrency = number | 'auto' | 'off';

/**
 * How many worker threads to lint `files` files with (0: lint in the main thread), as ESLint's --concurrency.
 * Never more than the cores (more threads only compete for them) or than free memory holds.
 */
export function workerCount(concurrency: Concurrency, files: number, cores = availableParallelism(), memory = freemem()): number {
  if (concurrency === 'off') return 0;
  const affordable = Math.min(cores, Math.floor(memory / LIMITS.workerMemory));
  if (concurrency === 'auto') {
    const useful = Math.min(affordable, Math.floor(files / FILES_PER_WORKER));
    return useful >= 2 ? useful : 0;
  }
  const count = Math.min(concurrency, files, affordable);
  return count <= 1 ? 0 : count;
}

/** Lints jobs on `count` worker threads; outcomes come back in job order. */
export async function lintInWorkers(jobs: readonly Job[], run: RunOptions, count: number): Promise<JobOutcome[]> {
  const outcomes: JobOutcome[] = new Array(jobs.length);
  const byIndex = new Map(jobs.map((job, position) => [job.index, position]));
  let next = 0;
  const workerUrl = new URL('./check-worker.js', import.meta.url);
  const workers = Array.from({ length: count }, () => new Worker(workerUrl, { workerData: run }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const feed = () => {
              if (next >= jobs.length) return resolve();
              const chunk = jobs.slice(next, next + CHUNK);
              next += chunk.length;
              worker.postMessage(chunk);
            };
            worker.on('message', (done: JobOutcome[]) => {
              for (const outcome of done) outcomes[byIndex.get(outcome.index)!] = outcome;
              feed();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a lint worker stopped with exit code ${code}`))));
            feed();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return outcomes;
}
