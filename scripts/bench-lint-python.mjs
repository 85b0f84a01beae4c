// The Python half of `npm run bench:lint`: `hplint check` on 1,000 training scripts against the floor of
// reading them and parsing each with @lezer/python alone, in one process. Target: within 2× of the floor.
// Scripts come from --python-corpus DIR (e.g. the real scripts listed in test/python/real-scripts.md, kept
// outside the repository) or, by default, the repository's own fixtures in test/python/fixtures.
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

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

/**
 * @param {{ root: string, work: string, corpus?: string, count?: number, measure: (cmd: string, args: string[]) => { seconds: number, peakMiB: number } }} options
 */
export function benchPython({ root, work, corpus, count = 1000, measure }) {
  const from = corpus ?? path.join(root, 'test/python/fixtures');
  const scripts = readdirSync(from).filter((name) => name.endsWith('.py')).map((name) => path.join(from, name));
  if (scripts.length === 0) throw new Error(`bench:lint: no *.py scripts in ${from}`);
  const tree = path.join(work, 'python');
  for (let i = 0; i < count; i++) {
    const dir = path.join(tree, `copy${String(Math.floor(i / scripts.length)).padStart(3, '0')}`);
    mkdirSync(dir, { recursive: true });
    const source = scripts[i % scripts.length];
    copyFileSync(source, path.join(dir, path.basename(source)));
  }
  const floorScript = writeFloor(path.join(work, 'python-floor.mjs'), `import { parser } from ${JSON.stringify(path.join(root, 'node_modules/@lezer/python/dist/index.js'))};`, 'parser.parse(text);');
  const check = (target, ...extra) => measure(process.execPath, [path.join(root, 'bin/hplint.js'), 'check', target, '--format', 'json', '--output', path.join(work, 'python.json'), ...extra]);
  const hplint = check(tree, '--concurrency', 'off');
  const parallel = check(tree);
  const floor = measure(process.execPath, [floorScript, tree, String(count)]);
  // One script each: the fixed cost of starting (hplint loads its CLI, rules and formatters; the floor only lezer).
  const single = path.join(work, 'python-one');
  mkdirSync(single);
  copyFileSync(scripts[0], path.join(single, path.basename(scripts[0])));
  const hplintOne = check(single, '--concurrency', 'off');
  const floorOne = measure(process.execPath, [floorScript, single, '1']);
  console.log(`\nbench:lint (Python) — ${count} scripts (${scripts.length} from ${corpus ? from : 'test/python/fixtures'}, repeated)\n`);
  console.log('| tool | files | wall s | files/s | peak MiB |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [tool, row] of [['hplint check, one thread (--concurrency off)', hplint], ['hplint check, default (worker threads)', parallel], ['floor: read + @lezer/python parse only, one process', floor]]) {
    console.log(`| ${tool} | ${count} | ${row.seconds.toFixed(2)} | ${Math.round(count / row.seconds)} | ${row.peakMiB ? row.peakMiB.toFixed(0) : 'n/a'} |`);
  }
  console.log(`\ntarget: hplint vs the parser alone ${(hplint.seconds / floor.seconds).toFixed(2)}× one thread, ${(parallel.seconds / floor.seconds).toFixed(2)}× default (≤ 2×)`);
  console.log(`per script, start-up excluded ((1000 files − 1 file) of each): ${((hplint.seconds - hplintOne.seconds) / (floor.seconds - floorOne.seconds)).toFixed(2)}×; start-up ${(hplintOne.seconds * 1000).toFixed(0)} ms vs ${(floorOne.seconds * 1000).toFixed(0)} ms`);
}
