import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/cli.js';

/** A report far larger than a pipe's buffer: 2,000 warnings. */
function bigConfig(): string {
  const dir = tempDir();
  const layers = Array.from({ length: 2000 }, () => '    - {type: dense, units: 1e2}').join('\n');
  writeFileSync(path.join(dir, 'big.yaml'), `optimizer:\n  name: adam\n  learningRate: 1e-3\nmodel:\n  layers:\n${layers}\n`);
  return dir;
}

/** Runs a shell pipeline and returns hplint's exit status and standard error. */
function shell(script: string, cwd: string): { code: number; stderr: string } {
  const run = spawnSync('bash', ['-c', `${script}; echo "exit=\${PIPESTATUS[0]}" >&2`], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', HPLINT: `${process.execPath} ${BIN}` },
  });
  const match = /exit=(\d+)\n?$/.exec(run.stderr);
  return { code: Number(match?.[1]), stderr: run.stderr.replace(/exit=\d+\n?$/, '') };
}

describe('standard output that cannot be written', () => {
  it('`| head -1`: a clear message, no stack trace, exit 2', () => {
    const run = shell('$HPLINT check big.yaml | head -1 > /dev/null', bigConfig());
    expect(run.stderr).toMatch(/^hplint: cannot write to standard output: .*EPIPE/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(2);
  });

  it.runIf(existsSync('/dev/full'))('`> /dev/full`: a clear message, no stack trace, exit 2', () => {
    const run = shell('$HPLINT check big.yaml > /dev/full', bigConfig());
    expect(run.stderr).toMatch(/^hplint: cannot write to standard output: no space left on device \(ENOSPC\)/m);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(run.code).toBe(2);
  });
});
