import { Worker } from 'node:worker_threads';
import type { BudgetName } from './budget.js';
import type { Job, JobResult } from './jobs.js';
import type { BackendChoice } from './backends.js';
import type { WorkerInput, WorkerMessage } from './worker.js';

/**
 * Spreads jobs over worker threads, one TF.js backend each: the wasm backend has no threads in Node,
 * so parallelism comes from workers. An abort stops dispatching and ends the workers; finished results
 * are kept.
 */

export interface RunnerOptions {
  readonly workers: number;
  readonly backend: BackendChoice;
  readonly budget: BudgetName;
  readonly signal?: AbortSignal;
  readonly onStart?: (job: Job, worker: number) => void;
  readonly onResult?: (result: JobResult) => void;
}

export interface RunnerOutcome {
  readonly results: readonly JobResult[];
  readonly failures: readonly { readonly job: Job | null; readonly error: string }[];
  readonly backend: string;
  readonly backendNotes: readonly string[];
  readonly tfjs: string;
  readonly interrupted: boolean;
}

export async function runJobs(jobs: readonly Job[], options: RunnerOptions): Promise<RunnerOutcome> {
  const queue = [...jobs];
  const results: JobResult[] = [];
  const failures: { job: Job | null; error: string }[] = [];
  let backend = 'unknown';
  let backendNotes: readonly string[] = [];
  let tfjs = 'unknown';
  const workerCount = Math.max(1, Math.min(options.workers, jobs.length));
  const workers: Worker[] = [];

  const finished = new Promise<void>((resolve) => {
    let live = workerCount;
    const retire = (worker: Worker) => {
      void worker.terminate();
      live -= 1;
      if (live === 0) resolve();
    };
    const dispatch = (worker: Worker, index: number) => {
      const job = options.signal?.aborted ? undefined : queue.shift();
      if (!job) return retire(worker);
      options.onStart?.(job, index);
      worker.postMessage(job);
    };
    options.signal?.addEventListener('abort', () => {
      for (const worker of workers) void worker.terminate();
      resolve();
    });
    for (let index = 0; index < workerCount; index++) {
      const input: WorkerInput = { backend: options.backend, budget: options.budget };
      const worker = new Worker(new URL('./worker.js', import.meta.url), { workerData: input });
      workers.push(worker);
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'ready') {
          ({ backend, tfjs } = message);
          backendNotes = message.notes;
          return dispatch(worker, index);
        }
        if (message.type === 'done') {
          const result = { job: message.job, outcome: message.outcome, wallSeconds: message.wallSeconds };
          results.push(result);
          options.onResult?.(result);
          return dispatch(worker, index);
        }
        failures.push({ job: message.job, error: message.error });
        // A worker whose backend failed to load takes no jobs; a failed job does not stop the others.
        return message.job === null ? retire(worker) : dispatch(worker, index);
      });
      worker.on('error', (error) => {
        failures.push({ job: null, error: error.message });
        retire(worker);
      });
    }
  });
  await finished;
  return { results, failures, backend, backendNotes, tfjs, interrupted: options.signal?.aborted === true };
}
