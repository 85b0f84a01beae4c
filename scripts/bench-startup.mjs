#!/usr/bin/env node
// What installing and starting hplint costs a user (`npm run bench:startup`, which builds first): packs
// this checkout, installs the tarball into a fresh project (npm's cache where it can), and prints
//   - the tarball and the install: size on disk of node_modules, packages, seconds;
//   - start-up: a one-file `hplint check` from the installed package against `node -e 0`, interleaved,
//     wall-clock median and minimum over --runs N (default 30) and the first run, which writes the
//     code cache;
//   - the machine and its load, which these figures move with.
// The plugin's overhead inside ESLint is scripts/bench-eslint.mjs (`npm run bench:eslint`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { apparentSize, createProject, diskUsage, npmInstall, pack } from './lib/package-install.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const runs = Number(values.runs);
const root = join(import.meta.dirname, '..');
const work = mkdtempSync(join(tmpdir(), 'hplint-bench-startup-'));
const project = join(work, 'project');
const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

function wallMs(args) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
  if (result.status !== 0 && result.status !== 1) throw new Error(`${args.join(' ')} failed: ${result.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

try {
  console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}; load average at start ${load()}`);
  const packed = pack(root, work);
  console.log(`tarball: ${(packed.size / 1024).toFixed(0)} kB, ${packed.entryCount} files, ${mb(packed.unpackedSize)} unpacked`);

  createProject(project);
  const started = Date.now();
  npmInstall(project, packed.tarball);
  const seconds = (Date.now() - started) / 1000;
  const modules = join(project, 'node_modules');
  const packages = readdirSync(modules).flatMap((name) => (name.startsWith('@') ? readdirSync(join(modules, name)) : name.startsWith('.') ? [] : [name])).length;
  console.log(`npm install hplint (fresh project): node_modules ${mb(diskUsage(modules))} on disk (${mb(apparentSize(modules))} of files), ${packages} packages, ${seconds.toFixed(1)} s`);

  writeFileSync(join(project, 'train.yaml'), 'optimizer: { name: adam, learningRate: 0.001 }\ntraining: { batchSize: 64, epochs: 20 }\n');
  const hplint = [join(modules, 'hplint/bin/hplint.js'), 'check', 'train.yaml'];
  const first = wallMs(hplint);
  const times = { node: [], hplint: [] };
  for (let run = 0; run < runs; run++) {
    times.node.push(wallMs(['-e', '0']));
    times.hplint.push(wallMs(hplint));
  }
  const [nodeMedian, hplintMedian] = [median(times.node), median(times.hplint)];
  const [nodeMin, hplintMin] = [Math.min(...times.node), Math.min(...times.hplint)];
  console.log(`start-up over ${runs} interleaved runs (wall clock): node -e 0 median ${nodeMedian.toFixed(0)} ms (min ${nodeMin.toFixed(0)});`);
  console.log(`  hplint check (one file) median ${hplintMedian.toFixed(0)} ms (min ${hplintMin.toFixed(0)}), first run ${first.toFixed(0)} ms (writes the code cache)`);
  const ratio = hplintMedian / nodeMedian;
  console.log(`  ratio ${ratio.toFixed(2)}× median, ${(hplintMin / nodeMin).toFixed(2)}× min (${ratio <= 2 ? 'within' : 'ABOVE'} the 2× target); load average at end ${load()}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
