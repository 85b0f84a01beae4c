#!/usr/bin/env node
// Opens a bench report in headless Chromium and checks that it renders: the DOM Chromium builds must hold
// the verdict rows, the effect-size plot, the learning curves with their interval bands, and (in a full
// report) the sweep with its shaded §7 ranges. Usage:
//   node scripts/check-report-renders.mjs [report.html] [--screenshot out.png] [--height pixels]
// Without a report path it renders one from canned results (needs `npm run build` first).
// Needs Chromium: /usr/bin/chromium (Debian: apt-get install chromium) or CHROMIUM=/path/to/chrome.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const shotIndex = args.indexOf('--screenshot');
const screenshot = shotIndex >= 0 ? path.resolve(args[shotIndex + 1] ?? 'report.png') : undefined;
const heightIndex = args.indexOf('--height');
const height = heightIndex >= 0 ? Number(args[heightIndex + 1]) : 2400;
const flagged = [shotIndex, heightIndex].filter((i) => i >= 0).flatMap((i) => [i, i + 1]);
const positional = args.filter((_, i) => !flagged.includes(i));
const chromium = process.env.CHROMIUM ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(`check-report-renders: no Chromium at ${chromium} (install the Debian package "chromium" or set CHROMIUM)`);
  process.exit(2);
}

const work = mkdtempSync(path.join(os.tmpdir(), 'hplint-report-'));
try {
  const report = positional[0] ? path.resolve(positional[0]) : await cannedReport(work);
  const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', `--user-data-dir=${path.join(work, 'profile')}`];
  const dom = execFileSync(chromium, [...flags, '--dump-dom', pathToFileURL(report).href], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 * 1024 * 1024 });
  const count = (pattern) => (dom.match(pattern) ?? []).length;
  const checks = {
    'verdict rows': count(/<tr class="verdict-row"/g),
    'SVG charts': count(/<svg[^>]*class="chart/g),
    'effect-size plots': count(/<svg[^>]*class="chart forest"/g),
    'effect intervals': count(/<line class="interval"/g),
    'chart lines': count(/<polyline class="series"/g),
    'interval bands': count(/<polygon class="interval-band"/g),
    // Only a report with the §7 sweep has shaded ranges.
    ...(dom.includes('id="learning-rate-sweep"') ? { 'shaded §7 ranges': count(/<rect class="range-band"/g) } : {}),
  };
  const failed = Object.entries(checks).filter(([, n]) => n === 0);
  console.log(`${path.relative(process.cwd(), report)}: ${Object.entries(checks).map(([k, n]) => `${n} ${k}`).join(', ')}`);
  if (screenshot) {
    execFileSync(chromium, [...flags, '--hide-scrollbars', `--window-size=1200,${height}`, `--screenshot=${screenshot}`, pathToFileURL(report).href], { stdio: 'ignore' });
    console.log(`screenshot: ${screenshot}`);
  }
  if (failed.length > 0) {
    console.error(`check-report-renders: the rendered page has no ${failed.map(([k]) => k).join(', ')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** A report from canned runs, so the check does not need a bench run. */
async function cannedReport(dir) {
  const { collect } = await import('../dist/bench/results.js');
  const { renderReport } = await import('../dist/bench/report.js');
  const { BUDGETS } = await import('../dist/bench/budget.js');
  const { SCENARIOS } = await import('../dist/bench/scenarios.js');
  const { environment } = await import('../dist/bench/command.js');
  const outcome = (accuracy) => ({
    accuracy, validationAccuracy: null, loss: 0.5, epochs: 3, trainSeconds: 1.5, samplesSeen: 300, measures: {},
    curve: [1, 2, 3].map((epoch) => ({ epoch, seconds: epoch / 2, accuracy: (accuracy * epoch) / 3, loss: 1 })),
  });
  const scenarios = SCENARIOS.slice(0, 3);
  const jobs = scenarios.flatMap((s, k) => [1, 2, 3].flatMap((seed) => [
    { job: { kind: 'scenario', scenarioId: s.id, arm: 'baseline', seed }, outcome: outcome(0.5 + 0.01 * seed), wallSeconds: 1 },
    { job: { kind: 'scenario', scenarioId: s.id, arm: 'advised', seed }, outcome: outcome(0.6 + 0.1 * k + 0.012 * seed), wallSeconds: 1 },
  ]));
  for (const [i, learningRate] of [1e-4, 1e-3, 1e-2, 1e-1].entries()) jobs.push({ job: { kind: 'sweep', optimizer: 'adam', learningRate, seed: 1 }, outcome: outcome([0.6, 0.9, 0.92, 0.3][i]), wallSeconds: 1 });
  const { results, details } = collect({
    scenarios, jobs, budget: BUDGETS.quick, includeBatchTime: false, includeSweep: true,
    run: { version: 'canned', backend: 'wasm', backendNotes: [], backendOrder: ['node', 'wasm', 'cpu'], environment: { ...environment(), tfjs: '4.22.0' }, workers: 2, wallSeconds: 1, interrupted: false, failures: [] },
  });
  const file = path.join(dir, 'report.html');
  writeFileSync(file, renderReport(results, details));
  return file;
}
