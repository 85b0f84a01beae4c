#!/usr/bin/env node
// `npm run bench:lint`: how fast `hplint check` lints a realistic tree of configs, side by side with
// (a) the floor — reading and parsing the same files with `yaml` alone in one process — (b) yamllint and
// (c) Spectral with a ruleset of five range checks. Builds the corpus from ../shared/corpus (71 real
// configs × 30 = 2,130 files). Prints files/s, wall time and peak memory (median of --runs runs).
// yamllint (Debian) and Spectral (npm, installed outside the project: SPECTRAL=/path/to/spectral) are
// measured when present and skipped with a note when absent. Also times a one-file check against `node -e 0`,
// and 1,000 Python training scripts against @lezer/python parsing them alone (scripts/bench-lint-python.mjs;
// --python-only runs that part alone, --python-corpus DIR adds a corpus of real scripts to it).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchPython, writeFloor } from './bench-lint-python.mjs';

const root = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    copies: { type: 'string', default: '30' },
    runs: { type: 'string', default: '3' },
    shared: { type: 'string', default: process.env.HPLINT_SHARED ?? path.resolve(root, '../shared') },
    spectral: { type: 'string', default: process.env.SPECTRAL ?? '/opt/spectral/node_modules/.bin/spectral' },
    'python-corpus': { type: 'string', default: process.env.HPLINT_PYTHON_CORPUS },
    'python-only': { type: 'boolean', default: false },
  },
});
const copies = Number(args.copies);
const runs = Number(args.runs);
const corpus = path.join(args.shared, 'corpus');
// One flat directory per copy keeps every file name unique and the tree realistic.
const work = mkdtempSync(path.join(tmpdir(), 'hplint-bench-'));
const hasTime = existsSync('/usr/bin/time');
if (args['python-only'] || !existsSync(corpus)) {
  if (!args['python-only']) console.error(`bench:lint: no corpus at ${corpus} (set --shared or HPLINT_SHARED): only the Python scripts are measured`);
  benchPython({ root, work, corpus: args['python-corpus'], runs, measure });
  rmSync(work, { recursive: true, force: true });
  process.exit(args['python-only'] ? 0 : 2);
}
const tree = path.join(work, 'configs');
const sources = readdirSync(corpus, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(ya?ml|json)$/.test(e.name))
  .map((e) => path.join(e.parentPath, e.name));
for (let copy = 0; copy < copies; copy++) {
  const dir = path.join(tree, `copy${String(copy).padStart(2, '0')}`);
  mkdirSync(dir, { recursive: true });
  for (const file of sources) copyFileSync(file, path.join(dir, path.basename(file)));
}
const fileCount = sources.length * copies;

const floorScript = writeFloor(
  path.join(work, 'floor.mjs'),
  `import { parseAllDocuments } from ${JSON.stringify(path.join(root, 'node_modules/yaml/dist/index.js'))};`,
  'for (const doc of parseAllDocuments(text)) doc.toJS({ maxAliasCount: 100 });',
);

const spectralRuleset = path.join(work, '.spectral.yaml');
writeFileSync(
  spectralRuleset,
  `rules:
${[
  ['learning-rate', '$..learning_rate', 1e-7, 1],
  ['lr0', '$..lr0', 1e-7, 1],
  ['momentum', '$..momentum', 0, 1],
  ['weight-decay', '$..weight_decay', 0, 0.1],
  ['batch-size', '$..per_device_train_batch_size', 1, 6000],
]
  .map(
    ([name, given, min, max]) => `  ${name}-range:
    severity: warn
    given: "${given}"
    then:
      function: schema
      functionOptions:
        schema: { type: number, minimum: ${min}, maximum: ${max} }`,
  )
  .join('\n')}
`,
);

/** Runs a command `times` times; returns the median wall time and the peak RSS (GNU time's %M). */
function measure(command, commandArgs, times = runs) {
  const samples = [];
  let peakKiB = 0;
  for (let i = 0; i < times; i++) {
    const started = process.hrtime.bigint();
    const run = hasTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', command, ...commandArgs], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 })
      : spawnSync(command, commandArgs, { cwd: work, encoding: 'utf8', maxBuffer: 1 << 28 });
    samples.push(Number(process.hrtime.bigint() - started) / 1e9);
    if (run.error) throw run.error;
    if (hasTime) peakKiB = Math.max(peakKiB, Number(run.stderr.trim().split('\n').at(-1)));
  }
  samples.sort((a, b) => a - b);
  return { seconds: samples[Math.floor(samples.length / 2)], peakMiB: peakKiB / 1024 };
}

const rows = [];
const hplintArgs = [path.join(root, 'bin/hplint.js'), 'check', tree, '--format', 'json', '--output', path.join(work, 'out.json')];
rows.push({ tool: 'hplint check, one thread (--concurrency off)', files: fileCount, ...measure(process.execPath, [...hplintArgs, '--concurrency', 'off']) });
rows.push({ tool: 'hplint check, default (worker threads)', files: fileCount, ...measure(process.execPath, hplintArgs) });
const cacheLocation = path.join(work, '.hplintcache');
measure(process.execPath, [...hplintArgs, '--cache', '--cache-location', cacheLocation]);
rows.push({ tool: 'hplint check --cache, nothing changed', files: fileCount, ...measure(process.execPath, [...hplintArgs, '--cache', '--cache-location', cacheLocation]) });
rows.push({ tool: 'floor: yaml parse only, one process', files: fileCount, ...measure(process.execPath, [floorScript, tree, String(fileCount)]) });

let yamllintNote = '';
try {
  execFileSync('yamllint', ['--version'], { stdio: 'ignore' });
  // yamllint checks YAML files only; its JSON files are not counted for it.
  const yamlFiles = sources.filter((f) => /\.ya?ml$/.test(f)).length * copies;
  rows.push({ tool: 'yamllint -d relaxed (YAML files only)', files: yamlFiles, ...measure('yamllint', ['-d', 'relaxed', '-f', 'parsable', tree]) });
} catch {
  yamllintNote = 'yamllint not installed (apt-get install yamllint): skipped';
}

let spectralNote = '';
if (existsSync(args.spectral)) {
  rows.push({ tool: 'Spectral 6, five range rules', files: fileCount, ...measure(args.spectral, ['lint', '--ruleset', spectralRuleset, '--format', 'json', '--quiet', '--fail-severity', 'error', `${tree}/**/*.{yaml,yml,json}`]) });
} else {
  spectralNote = `Spectral not found at ${args.spectral} (npm install --prefix /opt/spectral @stoplight/spectral-cli): skipped`;
}

const base = rows[0].seconds;
console.log(`\nbench:lint — ${fileCount} files (${sources.length} corpus configs × ${copies}), median of ${runs} runs, ${process.version}\n`);
console.log('| tool | files | wall s | files/s | peak MiB | time vs hplint (one thread) |');
console.log('|---|---:|---:|---:|---:|---:|');
for (const row of rows) {
  const perSecond = Math.round(row.files / row.seconds);
  console.log(`| ${row.tool} | ${row.files} | ${row.seconds.toFixed(2)} | ${perSecond} | ${hasTime ? row.peakMiB.toFixed(0) : 'n/a'} | ${(row.seconds / base).toFixed(2)}× |`);
}
const byName = (prefix) => rows.find((row) => row.tool.startsWith(prefix));
const single = byName('hplint check, one thread');
const parallel = byName('hplint check, default');
const floor = byName('floor');
const perFile = (row) => row.seconds / row.files;
console.log(`\ntargets: one thread vs parse floor ${(single.seconds / floor.seconds).toFixed(2)}× (≤ 1.5×)`);
for (const [name, row] of [['Spectral', byName('Spectral')], ['yamllint (per file)', byName('yamllint')]]) {
  if (row) console.log(`         ${name} vs hplint: ${(perFile(row) / perFile(single)).toFixed(1)}× slower than one thread, ${(perFile(row) / perFile(parallel)).toFixed(1)}× than the default`);
}
for (const note of [yamllintNote, spectralNote].filter(Boolean)) console.log(`\nnote: ${note}`);

// Start-up: a one-file check against an empty node process.
const one = path.join(tree, 'copy00', path.basename(sources[0]));
const start = measure(process.execPath, [path.join(root, 'bin/hplint.js'), 'check', one, '--format', 'json', '--output', path.join(work, 'one.json')]);
const empty = measure(process.execPath, ['-e', '0']);
console.log(`\none-file check: ${(start.seconds * 1000).toFixed(0)} ms; node -e 0: ${(empty.seconds * 1000).toFixed(0)} ms; ratio ${(start.seconds / empty.seconds).toFixed(2)}×`);

benchPython({ root, work, corpus: args['python-corpus'], runs, measure });

rmSync(work, { recursive: true, force: true });
