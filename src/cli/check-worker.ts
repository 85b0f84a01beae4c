/** A worker thread of `hplint check --concurrency`: lints the chunks of jobs the main thread sends. */
import { parentPort, workerData } from 'node:worker_threads';
import { JobRunner } from './lint-job.js';
import type { Job, RunOptions } from './lint-job.js';

const runner = new JobRunner(workerData as RunOptions);
parentPort?.on('message', (jobs: readonly Job[]) => {
  parentPort?.postMessage(jobs.map((job) => runner.lint(job)));
});
