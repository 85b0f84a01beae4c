#!/usr/bin/env node
// Bundles the CLI into dist/bundle/ (run by `npm run build` after tsc): one pre-linked ES module graph
// instead of ~180 files to resolve and compile at every start, which is what a pre-commit hook pays for
// each run. Code splitting keeps `advise` and `bench` in chunks loaded only when those commands run, and
// the worker entries (check's thread pool, the bench's trainer) share the chunks, so every class is one
// class in each thread. The light runtime packages of the start-up path are bundled in; everything else
// (TF.js, mnist, ajv and diff which the code requires lazily) stays an import resolved at run time.
// The library API (dist/index.js) and the ESLint plugin are not bundled: they are imported by other
// programs, which resolve and share their dependencies.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const root = join(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Packages compiled into the bundle: what `hplint check` imports statically, and their own imports. */
const BUNDLED = new Set(['yaml', 'commander', 'chalk', 'picomatch', 'tinyglobby', 'fdir']);
const packageName = (specifier) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/');

const externalPackages = {
  name: 'external-packages',
  setup(build) {
    build.onResolve({ filter: /^[^./#]/ }, ({ path }) => (BUNDLED.has(packageName(path)) ? undefined : { path, external: true }));
  },
};

// src/version.ts reads ../package.json next to dist/; from dist/bundle/ that path would miss, so the
// bundle carries the version it was built with.
const inlineVersion = {
  name: 'inline-version',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]version\.ts$/ }, () => ({ contents: `export const VERSION = ${JSON.stringify(version)};`, loader: 'ts' }));
  },
};

await build({
  absWorkingDir: root,
  // Worker paths are resolved as `new URL('./check-worker.js', import.meta.url)` (and './worker.js'):
  // entries and chunks share one directory so that those URLs find the workers.
  entryPoints: { hplint: 'src/cli/main.ts', 'check-worker': 'src/cli/check-worker.ts', worker: 'src/bench/worker.ts' },
  outdir: 'dist/bundle',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  // The bundled CommonJS packages (commander) require Node's built-ins; ES modules have no `require`.
  banner: { js: "import { createRequire as __hplintCreateRequire } from 'node:module'; const require = __hplintCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  plugins: [externalPackages, inlineVersion],
});
