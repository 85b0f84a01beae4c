import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// bin/hplint.js runs the bundle through a V8 code cache. V8 accepts cached code for any source of the same
// length, so a cache keyed by version alone ran the previous build after a same-length edit (a budget
// changed from 40 to 50 epochs kept running 40).
const launcher = path.resolve(import.meta.dirname, '../../bin/hplint.js');

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

function fakeInstall(): { bundle: string; run: () => string; caches: () => string[] } {
  root = mkdtempSync(path.join(tmpdir(), 'hplint-cache-'));
  mkdirSync(path.join(root, 'bin'));
  mkdirSync(path.join(root, 'dist/bundle'), { recursive: true });
  copyFileSync(launcher, path.join(root, 'bin/hplint.js'));
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'hplint', version: '9.9.9', type: 'module' }));
  const bundle = path.join(root, 'dist/bundle/hplint.cjs');
  const cacheDir = path.join(root, 'node_modules/.cache/hplint');
  return {
    bundle,
    run: () => execFileSync(process.execPath, [path.join(root, 'bin/hplint.js')], { encoding: 'utf8' }),
    caches: () => readdirSync(cacheDir).filter((name) => name.endsWith('.v8cache')),
  };
}

const build = (bundle: string, word: string, mtime: number) => {
  writeFileSync(bundle, `module.exports.main = async () => { process.stdout.write(${JSON.stringify(word)}); return 0; };\n`);
  utimesSync(bundle, mtime, mtime);
};

describe('the code cache of bin/hplint.js', () => {
  it('never runs the previous build after a rebuild of the same length', () => {
    const install = fakeInstall();
    build(install.bundle, 'forty', 1_700_000_000);
    expect(install.run()).toBe('forty');
    expect(install.run()).toBe('forty');
    build(install.bundle, 'fifty', 1_700_000_100);
    expect(install.run()).toBe('fifty');
  });

  it('keeps one cache file: those of earlier builds are removed', () => {
    const install = fakeInstall();
    build(install.bundle, 'one', 1_700_000_000);
    install.run();
    build(install.bundle, 'two', 1_700_000_100);
    install.run();
    expect(install.caches()).toHaveLength(1);
  });
});
