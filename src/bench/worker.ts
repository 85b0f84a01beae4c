import { parentPort, workerData } from 'node:worker_threads';
import { BUDGETS } from './budget.js';
import type { BudgetName } from './budget.js';
import { armRunOf } from './jobs.js';
import type { Job } from './jobs.js';
import { loadTf, tfjsVersion } from './tf.js';
import type { BackendChoice } from './tf.js';
import type { RunOutcome } from './spec.js';
import { runArm } from './train.js';

/** A worker thread: one TF.js backend, jobs one at a time. Messages are described in runner.ts. */

export interface WorkerInput {
  readonly backend: BackendChoice;
  readonly budget: BudgetName;
}

export type WorkerMessage =
  | { readonly type: 'ready'; readonly backend: string; readonly notes: readonly string[]; readonly tfjs: string }
  | { readonly type: 'done'; readonly job: Job; readonly outcome: RunOutcome; readonly wallSeconds: number }
  | { readonly type: 'failed'; readonly job: Job | null; readonly error: string };

const port = parentPort;
if (port) {
  const input = workerData as WorkerInput;
  const budget = BUDGETS[input.budget];
  try {
    const { tf, backend, notes } = await loadTf(input.backend);
    port.on('message', (job: Job) => {
      const started = performance.now();
      runArm(tf, armRunOf(job, budget), job.seed).then(
        (outcome) => port.postMessage({ type: 'done', job, outcome, wallSeconds: (performance.now() - started) / 1000 } satisfies WorkerMessage),
        (error: unknown) => port.postMessage({ type: 'failed', job, error: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage),
      );
    });
    port.postMessage({ type: 'ready', backend, notes, tfjs: tfjsVersion(tf) } satisfies WorkerMessage);
  } catch (error) {
    port.postMessage({ type: 'failed', job: null, error: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
  }
}
