import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, hplint, project } from '../helpers/cli.js';

const BAD_LR = 'optimizer:\n  name: adam\n  learningRate: -1\n';
const HIGH_LR = 'optimizer:\n  name: adam\n  learningRate: 0.5\n';

/** A project that is a git checkout: config discovery stops at its root. */
function repository(files: Record<string, string>): string {
  const root = project(files);
  mkdirSync(path.join(root, '.git'));
  return root;
}

/** A root config that raises a rule and a nested one that only touches another rule. */
const NESTED = {
  'hplint.config.yaml': 'rules:\n  learning-rate-range: error\n',
  'sub/hplint.config.yaml': 'rules:\n  kernel-size: off\n',
  'sub/a.yaml': HIGH_LR,
};

const jsonFiles = (stdout: string) => (JSON.parse(stdout) as { results: { filePath: string }[] }).results.map((r) => r.filePath);

describe('config discovery', () => {
  it('stops at the repository root (.git): a config above the checkout does not apply', () => {
    const outer = project({ 'hplint.config.yaml': 'rules:\n  invalid-value: off\n', 'repo/a.yaml': BAD_LR });
    mkdirSync(path.join(outer, 'repo/.git'));
    const run = hplint(['check', 'a.yaml'], { cwd: path.join(outer, 'repo') });
    expect(run.stdout).toContain('invalid-value');
    expect(run.code).toBe(1);
  });

  it('merges nested configs over the root one instead of replacing it', () => {
    const root = repository(NESTED);
    const run = hplint(['check', 'sub/a.yaml'], { cwd: root });
    expect(run.stdout).toMatch(/error\s+Adam learning rate 0\.5/);
    expect(run.code).toBe(1);
  });

  it("says so when a nested config turns off a rule the root's config enables, for a file named on the command line", () => {
    const root = repository({
      'hplint.config.yaml': 'rules:\n  invalid-value: error\n',
      'sub/hplint.config.yaml': 'rules:\n  invalid-value: off\n',
      'sub/a.yaml': BAD_LR,
    });
    const run = hplint(['check', 'sub/a.yaml'], { cwd: root });
    expect(run.stderr).toMatch(/sub\/hplint\.config\.yaml turns off invalid-value, which hplint\.config\.yaml enables/);
  });

  it('--print-config FILE lists every config that applies, root first', () => {
    const root = repository(NESTED);
    const printed = JSON.parse(hplint(['check', '--print-config', 'sub/a.yaml'], { cwd: root }).stdout) as Record<string, unknown>;
    expect(printed.configFiles).toEqual(['hplint.config.yaml', 'sub/hplint.config.yaml']);
    expect((printed.rules as Record<string, unknown>)['learning-rate-range']).toEqual(['error', expect.any(Object)]);
    expect((printed.rules as Record<string, unknown>)['kernel-size']).toBe('off');
  });

  it.each(['hplint.config.js', 'hplint.config.mjs', 'hplint.config.cjs', 'hplint.config.ts'])('rejects %s clearly instead of ignoring it', (name) => {
    const root = repository({ [name]: 'export default { rules: {} };\n', 'a.yaml': HIGH_LR });
    const run = hplint(['check', 'a.yaml'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${name}: hplint does not run JavaScript configs`);
    expect(hplint(['check', 'a.yaml', '--config', name], { cwd: root }).stderr).toContain('hplint does not run JavaScript configs');
  });
});

describe('directory search', () => {
  it('does not follow symlinks out of the tree', () => {
    const outside = project({ 'secret.yaml': BAD_LR, 'deep/x.yaml': BAD_LR });
    const root = project({ 'a.yaml': HIGH_LR });
    symlinkSync(outside, path.join(root, 'outside-dir'));
    symlinkSync(path.join(outside, 'secret.yaml'), path.join(root, 'outside-file.yaml'));
    const run = hplint(['check', '.', '-f', 'json'], { cwd: root });
    expect(jsonFiles(run.stdout)).toEqual(['a.yaml']);
  });

  it('finds a file behind an in-tree symlink at its real place only, and survives symlink loops', () => {
    const root = project({ 'configs/a.yaml': HIGH_LR });
    symlinkSync('..', path.join(root, 'configs/loop'));
    symlinkSync(path.join(root, 'configs'), path.join(root, 'alias'));
    const run = hplint(['check', '.', '-f', 'json'], { cwd: root });
    expect(run.code).toBe(0);
    expect(jsonFiles(run.stdout)).toEqual(['configs/a.yaml']);
  });
});

describe('paths', () => {
  it.each(['run[1].yaml', 'a(b).yaml', '{x}.yaml', 'star*.yaml'])('an existing file named %s is that file, not a pattern', (name) => {
    const root = project({ [name]: BAD_LR, 'run1.yaml': HIGH_LR });
    const run = hplint(['check', name, '-f', 'json'], { cwd: root });
    expect(jsonFiles(run.stdout)).toEqual([name]);
    expect(run.code).toBe(1);
  });

  it('--stdin rejects invalid UTF-8 as a file does', () => {
    const input = Buffer.concat([Buffer.from('optimizer:\n  name: "ad'), Buffer.from([0xff, 0xfe]), Buffer.from('am"\n')]);
    const run = hplint(['check', '--stdin', '-f', 'json'], { input });
    expect(run.stdout).toContain('not valid UTF-8');
    expect(run.code).toBe(1);
  });
});

/** Permissions do not stop root: these run the CLI as an unprivileged user when the tests run as root. */
const asUser = typeof process.getuid === 'function' && process.getuid() === 0 ? { uid: 65534, gid: 65534 } : {};

/**
 * The CLI as that user can run it: a checkout may sit in a folder only root can enter (a clone under
 * `mktemp -d`), so its built files are copied to a folder anyone can read. The copy needs no
 * node_modules: `check` runs from the bundle.
 */
function cliForUser(): string {
  if (asUser.uid === undefined) return BIN;
  const repo = path.dirname(path.dirname(BIN));
  const copy = mkdtempSync(path.join(tmpdir(), 'hplint-cli-'));
  chmodSync(copy, 0o755);
  for (const part of ['bin', 'dist', 'package.json']) cpSync(path.join(repo, part), path.join(copy, part), { recursive: true });
  return path.join(copy, 'bin', 'hplint.js');
}

describe('unreadable files and directories', () => {
  it('are both reported and skipped, the rest linted, exit 2 at the end', () => {
    const root = project({ 'a.yaml': HIGH_LR, 'locked.yaml': BAD_LR, 'locked-dir/b.yaml': BAD_LR });
    chmodSync(root, 0o755);
    chmodSync(path.join(root, 'a.yaml'), 0o644);
    chmodSync(path.join(root, 'locked.yaml'), 0o000);
    chmodSync(path.join(root, 'locked-dir'), 0o000);
    const run = spawnSync(process.execPath, [cliForUser(), 'check', '.', 'locked.yaml', '-f', 'json'], { cwd: root, encoding: 'utf8', ...asUser, env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toMatch(/cannot read locked\.yaml: permission denied \(EACCES\); skipped/);
    expect(run.stderr).toMatch(/cannot read locked-dir: permission denied \(EACCES\); skipped/);
    expect(jsonFiles(run.stdout)).toEqual(['a.yaml']);
    expect(run.status).toBe(2);
    expect(readFileSync(path.join(root, 'a.yaml'), 'utf8')).toBe(HIGH_LR);
  });
});
