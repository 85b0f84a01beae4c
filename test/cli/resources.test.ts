import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { workerCount } from '../../src/cli/parallel.js';
import { LIMITS } from '../../src/source/limits.js';
import { hplint, tempDir } from '../helpers/cli.js';

const GiB = 1024 ** 3;

describe('--concurrency', () => {
  it('is capped at the core count', () => {
    expect(workerCount(64, 10_000, 2, 16 * GiB)).toBe(2);
    expect(workerCount(3, 10_000, 8, 16 * GiB)).toBe(3);
  });

  it('is capped by free memory, one worker per share it needs', () => {
    expect(workerCount(8, 10_000, 8, 2 * LIMITS.workerMemory + 1)).toBe(2);
    expect(workerCount('auto', 10_000, 8, LIMITS.workerMemory)).toBe(0);
  });

  it('still lints in the main thread when asked for one thread or off', () => {
    expect(workerCount(1, 10_000, 8, 16 * GiB)).toBe(0);
    expect(workerCount('off', 10_000, 8, 16 * GiB)).toBe(0);
  });
});

describe('history files have a size limit, like configs', () => {
  const config = 'optimizer:\n  name: adam\n  learningRate: 0.001\n';

  it('refuses a 200 MB history without reading it', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.yaml'), config);
    // Sparse: 200 MB by size, nothing on disk.
    const fd = openSync(path.join(dir, 'history.csv'), 'w');
    ftruncateSync(fd, 200 * 1024 * 1024);
    closeSync(fd);
    const started = performance.now();
    const run = hplint(['advise', 'a.yaml', '--history', 'history.csv'], { cwd: dir });
    expect(run.stderr).toMatch(/history\.csv is larger than the .* limit/);
    expect(run.code).toBe(2);
    expect(performance.now() - started).toBeLessThan(15_000);
  });

  it('refuses a CSV with a million columns', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.yaml'), config);
    const header = `epoch,loss,${Array.from({ length: 1_000_000 }, (_, i) => `m${i}`).join(',')}`;
    writeFileSync(path.join(dir, 'history.csv'), `${header}\n0,1.0\n1,0.9\n`);
    const run = hplint(['advise', 'a.yaml', '--history', 'history.csv'], { cwd: dir });
    expect(run.stderr).toMatch(/history\.csv: the CSV has 1000002 columns; at most \d+ are read/);
    expect(run.code).toBe(2);
  });
});
