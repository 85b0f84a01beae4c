// What users get from npm: the packed tarball of this checkout and a fresh project it is installed into.
// Shared by scripts/test-pack.mjs (does it work) and scripts/bench-startup.mjs (what it costs).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Packs the built tree (no scripts run: build first) into `destination`; npm's JSON description of it. */
export function pack(root, destination) {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', destination], { cwd: root, encoding: 'utf8' }));
  return { ...packed, tarball: join(destination, packed.filename) };
}

/** An empty ES-module project at `dir`. */
export function createProject(dir) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'try-hplint', version: '1.0.0', private: true, type: 'module' }, null, 2));
}

/** `npm install` into the project, from npm's cache where it can; npm's output. Throws on failure. */
export function npmInstall(dir, ...specs) {
  try {
    return execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', ...specs], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`npm install ${specs.join(' ')} failed:\n${error.stdout ?? ''}${error.stderr ?? ''}`, { cause: error });
  }
}

/** Bytes on disk (what `du` counts: whole blocks), which is more than the files' own sizes. */
export function diskUsage(path) {
  const stat = statSync(path);
  const own = stat.blocks * 512;
  if (!stat.isDirectory()) return own;
  return own + readdirSync(path).reduce((total, entry) => total + diskUsage(join(path, entry)), 0);
}

/** Bytes of the files themselves (npm's "unpacked size"). */
export function apparentSize(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, entry) => total + apparentSize(join(path, entry)), 0);
}
