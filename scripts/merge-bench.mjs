#!/usr/bin/env node
// Merges bench runs made with different seeds into one (results.json, details.json, report.html,
// evidence.json), recomputing the statistics from the pooled values. Run `npm run build` first.
// Usage: node scripts/merge-bench.mjs OUT_DIR RUN_DIR RUN_DIR...   e.g. a 3-seed run and a --first-seed 4 run.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { toEvidence } from '../dist/bench/evidence-build.js';
import { mergeRuns } from '../dist/bench/merge.js';
import { renderReport } from '../dist/bench/report.js';
import { summaryTable } from '../dist/bench/summary.js';

const [out, ...dirs] = process.argv.slice(2);
if (!out || dirs.length === 0) {
  console.error('usage: node scripts/merge-bench.mjs OUT_DIR RUN_DIR RUN_DIR...');
  process.exit(2);
}
const read = (dir, name) => JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
const { results, details } = mergeRuns(dirs.map((dir) => ({ results: read(dir, 'results.json'), details: read(dir, 'details.json') })));
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
writeFileSync(path.join(out, 'details.json'), `${JSON.stringify(details)}\n`);
writeFileSync(path.join(out, 'report.html'), renderReport(results, details));
writeFileSync(path.join(out, 'evidence.json'), `${JSON.stringify(toEvidence(results, details, new Date()), null, 2)}\n`);
process.stdout.write(summaryTable(results, details));
