#!/usr/bin/env node
// Regenerates the bench evidence from a committed full run, in one command:
//   node scripts/bench-evidence.mjs [RUN_DIR]      (default docs/bench-run; run `npm run build` first)
// writes src/bench/evidence.json (what `hplint advise` cites) and the results table of docs/bench.md
// (between the bench-results markers) from RUN_DIR/results.json alone. test/bench/evidence.test.ts checks
// that the three agree.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toEvidence } from '../dist/bench/evidence-build.js';
import { markdownTable } from '../dist/bench/summary.js';
import { replaceResultsSection } from '../dist/bench/evidence-docs.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const runDir = path.resolve(process.argv[2] ?? path.join(root, 'docs', 'bench-run'));
const results = JSON.parse(readFileSync(path.join(runDir, 'results.json'), 'utf8'));
writeFileSync(path.join(root, 'src', 'bench', 'evidence.json'), `${JSON.stringify(toEvidence(results), null, 2)}\n`);
const docs = path.join(root, 'docs', 'bench.md');
writeFileSync(docs, replaceResultsSection(readFileSync(docs, 'utf8'), markdownTable(results)));
console.log(`evidence.json and docs/bench.md regenerated from ${path.relative(root, runDir)}/results.json (${results.scenarios.length} scenarios)`);
