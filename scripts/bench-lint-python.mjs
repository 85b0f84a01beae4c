// The Python half of `npm run bench:lint`: `hplint check` on 1,000 training scripts against the floor of
// reading them and parsing each with @lezer/python alone, in one process. Target: within 2× of the floor.
// Three corpora, each 1,000 files: scripts generated from templates of whole training scripts
// (scripts/lib/python-corpus.mjs, 80–125 lines each), the repository's own fixtures repeated (about 20
// lines each, several findings per file: the per-file costs weigh most there), and --python-corpus DIR when
// given (e.g. the real scripts listed in test/python/real-scripts.md, kept outside the repository).
// The commands of one run go one after another (hplint, hplint with workers, the floor), so a change in the
// machine's load hits all three alike; the ratio printed is the median of the runs' own ratios.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import path from 'node:path';
import { writePythonCorpus } from './lib/python-corpus.mjs';

/**
 * Writes the floor a bench compares against: a script that reads every file of the tree given as its first
 * argument and runs `parse` (code using `text`) on it, checking the count given as its second argument.
 * @returns {string} the script's path
 */
export function writeFloor(file, importLine, parse) {
  writeFileSync(
    file,
    `import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
${importLine}
let n = 0;
for (const e of readdirSync(process.argv[2], { recursive: true, withFileTypes: true })) {
  if (!e.isFile()) continue;
  const text = readFileSync(path.join(e.parentPath, e.name), 'utf8');
  ${parse}
  n++;
}
if (n !== Number(process.argv[3])) throw new Error('floor read ' + n + ' files');
`,
  );
  return file;
}

/** `count` copies of the `*.py` scripts of `from`, in turn, 100 to a directory; returns the number of distinct scripts. */
function copyScripts(from, tree, count) {
  const scripts = readdirSync(from).filter((name) => name.endsWith('.py')).map((name) => path.join(from, name));
  if (scripts.length === 0) throw new Error(`bench:lint: no *.py scripts in ${from}`);
  for (let i = 0; i < count; i++) {
    const dir = path.join(tree, `copy${String(Math.floor(i / 100)).padStart(2, '0')}`);
    mkdirSync(dir, { recursive: true });
    const source = scripts[i % scripts.length];
    copyFileSync(source, path.join(dir, `${i}_${path.basename(source)}`));
  }
  return scripts.length;
}

function linesIn(tree) {
  let lines = 0;
  for (const e of readdirSync(tree, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) lines += readFileSync(path.join(e.parentPath, e.name), 'utf8').split('\n').length - 1;
  }
  return lines;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');

/**
 * @param {{ root: string, work: string, corpus?: string, count?: number, runs: number, measure: (cmd: string, args: string[], times: number) => { seconds: number, peakMiB: number } }} options
 */
export function benchPython({ root, work, corpus, count = 1000, runs, measure }) {
  const floorScript = writeFloor(path.join(work, 'python-floor.mjs'), `import { parser } from ${JSON.stringify(path.join(root, 'node_modules/@lezer/python/dist/index.js'))};`, 'parser.parse(text);');
  const corpora = [];
  const generated = path.join(work, 'python-generated');
  writePythonCorpus(generated, count);
  corpora.push({ name: `generated training scripts (scripts/lib/python-corpus.mjs, ${count} distinct)`, tree: generated });
  const fixtures = path.join(work, 'python-fixtures');
  const distinct = copyScripts(path.join(root, 'test/python/fixtures'), fixtures, count);
  corpora.push({ name: `test/python/fixtures (${distinct} scripts repeated)`, tree: fixtures });
  if (corpus) {
    const real = path.join(work, 'python-corpus');
    corpora.push({ name: `${corpus} (${copyScripts(corpus, real, count)} scripts repeated)`, tree: real });
  }
  const check = (target, ...extra) => measure(process.execPath, [path.join(root, 'bin/hplint.js'), 'check', target, '--format', 'json', '--output', path.join(work, 'python.json'), ...extra], 1);
  const before = load();
  console.log(`\nbench:lint (Python) — hplint check on ${count} scripts against reading + parsing them with @lezer/python alone (median of ${runs} run${runs === 1 ? '' : 's'}, ${process.version})\n`);
  console.log('| corpus | lines/script | hplint, one thread: s (files/s) | hplint, default (workers): s | floor: s (files/s) | ratio, one thread | ratio, default | peak MiB hplint / floor |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const verdicts = [];
  for (const { name, tree } of corpora) {
    // hplint writes its code cache on its first run: that run is not measured.
    check(tree, '--concurrency', 'off');
    const samples = { off: [], auto: [], floor: [] };
    let peak = { off: 0, floor: 0 };
    for (let run = 0; run < runs; run++) {
      const off = check(tree, '--concurrency', 'off');
      const auto = check(tree);
      const floor = measure(process.execPath, [floorScript, tree, String(count)], 1);
      samples.off.push(off.seconds);
      samples.auto.push(auto.seconds);
      samples.floor.push(floor.seconds);
      peak = { off: Math.max(peak.off, off.peakMiB), floor: Math.max(peak.floor, floor.peakMiB) };
    }
    const ratio = (key) => median(samples[key].map((s, i) => s / samples.floor[i]));
    const row = (key) => `${median(samples[key]).toFixed(2)} (${Math.round(count / median(samples[key]))})`;
    console.log(`| ${name} | ${(linesIn(tree) / count).toFixed(0)} | ${row('off')} | ${median(samples.auto).toFixed(2)} | ${row('floor')} | **${ratio('off').toFixed(2)}×** | ${ratio('auto').toFixed(2)}× | ${peak.off ? `${peak.off.toFixed(0)} / ${peak.floor.toFixed(0)}` : 'n/a'} |`);
    verdicts.push(`${name.split(' (')[0]}: ${ratio('off').toFixed(2)}× ${ratio('off') <= 2 ? 'within' : 'NOT within'} 2×`);
  }
  console.log(`\ntarget: hplint (one thread) within 2× of the parser alone — ${verdicts.join('; ')}`);
  console.log(`load average (1, 5, 15 min): ${before} before, ${load()} after`);
}
