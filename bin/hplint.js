#!/usr/bin/env node
// Runs the bundled CLI (dist/bundle/hplint.cjs) through a V8 code cache: Node 20 caches no compiled code
// for ES modules, and parsing and compiling the CLI is most of what a one-file `hplint check` costs
// beyond Node's own start. The cache lives in node_modules/.cache/hplint (the package's own
// node_modules in a checkout), is written once per version of hplint and Node, atomically, by the first
// run that finds none (or finds V8 rejecting it), and is skipped silently where it cannot be written.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const bundle = join(root, 'dist/bundle/hplint.cjs');
const { version } = createRequire(import.meta.url)('../package.json');
const cacheDir = basename(dirname(root)) === 'node_modules' ? join(dirname(root), '.cache/hplint') : join(root, 'node_modules/.cache/hplint');
// V8 accepts cached code for any source of the same length, so the name also carries the bundle's size and
// modification time: a rebuilt bundle in a checkout (same version) must never run the previous build's code.
const { size, mtimeMs } = statSync(bundle);
const cacheName = `cli-${version}-${size}-${Math.trunc(mtimeMs)}-node${process.version}-${process.arch}.v8cache`;
const cacheFile = join(cacheDir, cacheName);

let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
// CommonJS's own function wrapper: the script gets exports, require, module, __filename and __dirname.
const source = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
const script = new vm.Script(source, {
  filename: bundle,
  cachedData,
  // The bench imports TF.js with import(); resolve it as the package's own modules would.
  importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ?? ((specifier) => import(specifier)),
});
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));

process.exitCode = await module.exports.main(process.argv.slice(2));

if (cachedData === undefined || script.cachedDataRejected) {
  // After the run, so the functions it compiled are in the cache too.
  try {
    mkdirSync(cacheDir, { recursive: true });
    // A random name created exclusively: a file or link planted at a guessable name cannot redirect the write.
    const partial = `${cacheFile}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(partial, script.createCachedData(), { flag: 'wx' });
    renameSync(partial, cacheFile);
    // Caches of earlier builds are never read again.
    for (const name of readdirSync(cacheDir)) if (name.startsWith('cli-') && name.endsWith('.v8cache') && name !== cacheName) rmSync(join(cacheDir, name), { force: true });
  } catch {
    // A read-only install: run without the cache.
  }
}
