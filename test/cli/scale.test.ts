import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The built CLI on many files and on files it cannot read: worker threads, the cache, size and encoding limits. */
const ROOT = path.resolve(import.meta.dirname, '../..');
/** Our config fixtures of every input format (histories and TF.js code are not configs). */
const CONFIG_FIXTURES = ['corpus-native', 'detectron2', 'hf', 'keras', 'lightning', 'sweep', 'tfjs', 'yolo'].map((kind) => path.join(ROOT, 'test/fixtures', kind));

function hplint(args: string[], cwd: string) {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin/hplint.js'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/**
 * A tree of configs of every format: each config fixture, `copies` times, and how many training configs that is
 * (a directory walk reports only those: the DeepSpeed file is not one).
 */
function fixtureTree(copies: number): { dir: string; files: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'hplint-scale-'));
  for (let copy = 0; copy < copies; copy++) {
    for (const kind of CONFIG_FIXTURES) cpSync(kind, path.join(dir, `c${copy}`, path.basename(kind)), { recursive: true });
  }
  const configs = CONFIG_FIXTURES.flatMap((kind) => readdirSync(kind)).filter((file) => !file.startsWith('deepspeed'));
  return { dir, files: copies * configs.length };
}

describe('many files', () => {
  it('worker threads give exactly the single-threaded report', () => {
    const { dir, files } = fixtureTree(3);
    const single = hplint(['check', '.', '-f', 'json', '--concurrency', 'off'], dir);
    const parallel = hplint(['check', '.', '-f', 'json', '--concurrency', '2'], dir);
    expect(parallel.code).toBe(single.code);
    expect(JSON.parse(parallel.stdout)).toEqual(JSON.parse(single.stdout));
    expect(JSON.parse(single.stdout).summary.files).toBe(files);
  });

  it('--cache reuses results while files are unchanged, and re-lints a changed file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'hplint-cache-'));
    writeFileSync(path.join(dir, 'a.yaml'), 'optimizer: { name: adam, learningRate: 0.5 }\n');
    writeFileSync(path.join(dir, 'b.yaml'), 'optimizer: { name: adam, learningRate: 1.0e-3 }\n');
    const first = hplint(['check', '.', '-f', 'json', '--cache'], dir);
    expect(existsSync(path.join(dir, '.hplintcache'))).toBe(true);
    const cached = hplint(['check', '.', '-f', 'json', '--cache'], dir);
    expect(cached.stdout).toBe(first.stdout);
    writeFileSync(path.join(dir, 'b.yaml'), 'optimizer: { name: adam, learningRate: 0.9 }\n');
    const changed = JSON.parse(hplint(['check', '.', '-f', 'json', '--cache'], dir).stdout);
    expect(changed.summary.warnings).toBe(2);
    const moved = hplint(['check', '.', '-f', 'json', '--cache', '--cache-location', 'cache/.hplint', '--rule', 'learning-rate-range=off'], dir);
    expect(JSON.parse(moved.stdout).summary.warnings).toBe(0);
  });
});

describe('files hplint cannot read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'hplint-unreadable-'));
  mkdirSync(path.join(dir, 'cache'));

  it('a file over --max-file-size is a parse-error without being read', () => {
    writeFileSync(path.join(dir, 'big.yaml'), `optimizer: { name: adam }\n# ${'x'.repeat(4096)}\n`);
    const run = hplint(['check', 'big.yaml', '--max-file-size', '1KiB', '-f', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).results[0].diagnostics[0]).toMatchObject({ ruleId: 'parse-error', line: 1, column: 1, message: 'the file is larger than the 1024 bytes limit (--max-file-size); it was not read' });
    expect(hplint(['check', 'big.yaml', '--max-file-size', '10MiB'], dir).code).toBe(0);
    expect(hplint(['check', 'big.yaml', '--max-file-size', 'huge'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--max-file-size takes a size') });
  });

  it('invalid UTF-8 is a parse-error, not text with replacement characters', () => {
    writeFileSync(path.join(dir, 'latin1.yaml'), Buffer.from([0x6f, 0x3a, 0x20, 0xe9, 0x0a]));
    const run = hplint(['check', 'latin1.yaml', '-f', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).results[0].diagnostics[0]).toMatchObject({ ruleId: 'parse-error', message: 'the file is not valid UTF-8 text' });
  });

  it('a binary file named explicitly is a parse-error at its first NUL byte', () => {
    writeFileSync(path.join(dir, 'weights.json'), Buffer.from([0x7b, 0x00, 0x01, 0x02]));
    const run = hplint(['check', 'weights.json', '-f', 'json'], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout).results[0].diagnostics[0]).toMatchObject({ ruleId: 'parse-error', line: 1, column: 2 });
  });

  it('--concurrency takes a number, auto or off', () => {
    expect(hplint(['check', '.', '--concurrency', 'many'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('--concurrency takes') });
  });
});
