#!/usr/bin/env node
// What the hplint ESLint plugin costs: ESLint runs over a corpus with a typical TypeScript config, with and
// without `hplint.configs.recommended`; it prints the ratio of the median CPU times and the share of a run
// spent inside hplint's rules (target ≤ 1.10×).
// Two code bases, each linted with the same parser and configs with and without the plugin:
//  - a synthetic TF.js project of our own: the TF.js fixtures (test/fixtures/tfjs-code) copied ×N — the
//    plugin's worst case, every file trains a model — plus hplint's own TypeScript sources, which do not
//    import TF.js, as most files in a project do not;
//  - a real TF.js code base: @tensorflow/tfjs-layers' own ES modules (node_modules, read in place), which
//    import @tensorflow/tfjs-core and call its API throughout, so the extractor runs on most files.
// Run with `npm run bench:eslint` (it builds first); `--copies N`, `--rounds N`.
import { cpSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import js from '@eslint/js';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const { values } = parseArgs({ options: { copies: { type: 'string', default: '20' }, rounds: { type: 'string', default: '5' } } });
const copies = Number(values.copies);
const rounds = Number(values.rounds);

const root = join(import.meta.dirname, '..');
let plugin;
try {
  ({ default: plugin } = await import(join(root, 'dist/eslint-plugin/index.js')));
} catch {
  console.error('dist/eslint-plugin is missing: run `npm run build` first (npm run bench:eslint does).');
  process.exit(2);
}

const corpus = mkdtempSync(join(tmpdir(), 'hplint-bench-eslint-'));
const fixtures = join(root, 'test/fixtures/tfjs-code');
for (let i = 0; i < copies; i++) cpSync(fixtures, join(corpus, 'tfjs', String(i)), { recursive: true });
cpSync(join(root, 'src'), join(corpus, 'other'), { recursive: true, filter: (path) => !path.endsWith('.d.ts') });
const layersDist = join(root, 'node_modules/@tensorflow/tfjs-layers/dist');
// Its modules, not the bundled builds (dist/tf-layers*.js: one file, minified or UMD).
const isModule = (path) => statSync(path).isDirectory() || (path.endsWith('.js') && !/tf-layers[^/]*\.js$/.test(path));
cpSync(layersDist, join(corpus, 'tfjs-layers'), { recursive: true, filter: isModule });
const count = (dir) => readdirSync(dir, { recursive: true }).filter((f) => /\.(ts|js)$/.test(String(f))).length;

const base = [
  { files: ['**/*.{ts,js}'], languageOptions: { parser: tseslint.parser, sourceType: 'module' } },
  js.configs.recommended,
  ...tseslint.configs.recommended,
];
// The same rules, timed: the time spent inside hplint's rules (creation and listeners, the extraction
// included) against the rest of the same run. Both shares slow down alike when the machine is busy, so
// this figure is steadier than the A/B ratio on a shared machine.
let hplintMs = 0;
const timedRule = (rule) => ({
  ...rule,
  create(context) {
    const start = performance.now();
    const listeners = rule.create(context);
    hplintMs += performance.now() - start;
    return Object.fromEntries(
      Object.entries(listeners).map(([selector, listener]) => [
        selector,
        (...args) => {
          const begin = performance.now();
          try {
            return listener(...args);
          } finally {
            hplintMs += performance.now() - begin;
          }
        },
      ]),
    );
  },
});
const timedPlugin = { ...plugin, rules: Object.fromEntries(Object.entries(plugin.rules).map(([id, rule]) => [id, timedRule(rule)])) };
const timedRecommended = { ...plugin.configs.recommended, plugins: { hplint: timedPlugin } };
const configs = { without: base, with: [...base, plugin.configs.recommended], timed: [...base, timedRecommended] };

// CPU time of this process, not wall time: the figure should not move with what else the machine runs.
async function time(config, patterns) {
  const eslint = new ESLint({ cwd: corpus, overrideConfigFile: true, overrideConfig: config });
  const start = process.cpuUsage();
  await eslint.lintFiles(patterns);
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1000;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

async function measure(label, patterns) {
  await time(configs.without, patterns);
  await time(configs.with, patterns);
  const samples = { without: [], with: [] };
  for (let round = 0; round < rounds; round++) {
    samples.without.push(await time(configs.without, patterns));
    samples.with.push(await time(configs.with, patterns));
  }
  const without = median(samples.without);
  const withPlugin = median(samples.with);
  hplintMs = 0;
  const start = performance.now();
  await time(configs.timed, patterns);
  const total = performance.now() - start;
  const share = total / (total - hplintMs);
  console.log(
    `${label.padEnd(30)} without ${without.toFixed(0).padStart(5)} ms CPU, with ${withPlugin.toFixed(0).padStart(5)} ms CPU: ratio ${(withPlugin / without).toFixed(3)}×;` +
      ` time inside hplint's rules ${hplintMs.toFixed(0)} of ${total.toFixed(0)} ms: ${share.toFixed(3)}×`,
  );
  return share;
}

try {
  console.log(`corpus: ${count(join(corpus, 'tfjs'))} TF.js training files (${copies} copies of the fixtures), ${count(join(corpus, 'other'))} other TS files; median of ${rounds} rounds`);
  await measure('TF.js files only (worst case)', ['tfjs']);
  await measure('other files only (no TF.js)', ['other']);
  const share = await measure('synthetic project (both)', ['tfjs', 'other']);
  console.log(`overhead attributed to hplint on the synthetic project: ${share.toFixed(3)}× (${share <= 1.1 ? 'within' : 'ABOVE'} the 1.10× target)`);
  console.log(`real code base: ${count(join(corpus, 'tfjs-layers'))} files of @tensorflow/tfjs-layers (its own sources, ES modules)`);
  const real = await measure('tfjs-layers (real TF.js code)', ['tfjs-layers']);
  console.log(`overhead attributed to hplint on tfjs-layers: ${real.toFixed(3)}× (${real <= 1.1 ? 'within' : 'ABOVE'} the 1.10× target)`);
} finally {
  rmSync(corpus, { recursive: true, force: true });
}
