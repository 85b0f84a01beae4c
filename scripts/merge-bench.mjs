#!/usr/bin/env node
// Merges bench runs made with different seeds into one (results.json, details.json, report.html,
// evidence.json), pooling their runs.jsonl and recomputing every paired statistic; the same seed of the
// same arm in two runs is refused. Run `npm run build` first.
// Usage: node scripts/merge-bench.mjs OUT_DIR RUN_DIR RUN_DIR...   e.g. a 5-seed run and a --first-seed 6 run.
import { mkdirSync } from 'node:fs';
import { writeOutputs } from '../dist/bench/command.js';
import { mergeRunDirs } from '../dist/bench/merge.js';
import { writeRuns } from '../dist/bench/store.js';

const [out, ...dirs] = process.argv.slice(2);
if (!out || dirs.length === 0) {
  console.error('usage: node scripts/merge-bench.mjs OUT_DIR RUN_DIR RUN_DIR...');
  process.exit(2);
}
let merged;
try {
  merged = mergeRunDirs(dirs);
} catch (error) {
  console.error(`merge-bench: ${error.message}`);
  process.exit(2);
}
mkdirSync(out, { recursive: true });
writeRuns(out, merged.budget.name, merged.jobs);
process.stdout.write(writeOutputs(out, merged.plan, merged.budget, merged.jobs, merged.run).summary);
