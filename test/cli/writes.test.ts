import { chmodSync, chownSync, existsSync, linkSync, lstatSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { JobRunner } from '../../src/cli/lint-job.js';
import { writeFileSafely, WriteError } from '../../src/write-file.js';
import { hplint, project, tempDir } from '../helpers/cli.js';

/** `2e-5` is a safe fix (yaml-float-as-string): `--fix` rewrites it as `2.0e-5`. */
const FIXABLE = 'optimizer:\n  name: adam\n  learningRate: 2e-5\n';
const FIXED = FIXABLE.replace('2e-5', '2.0e-5');

describe('writeFileSafely', () => {
  it('never follows a symlink planted at a temporary name (the old one was predictable)', () => {
    const dir = project({ 'train.yaml': 'a: 1\n', 'victim.txt': 'precious\n' });
    symlinkSync(path.join(dir, 'victim.txt'), path.join(dir, `.train.yaml.hplint-${process.pid}.tmp`));
    writeFileSafely(path.join(dir, 'train.yaml'), 'a: 2\n');
    expect(readFileSync(path.join(dir, 'victim.txt'), 'utf8')).toBe('precious\n');
    expect(lstatSync(path.join(dir, 'train.yaml')).isFile()).toBe(true);
    expect(readFileSync(path.join(dir, 'train.yaml'), 'utf8')).toBe('a: 2\n');
  });

  it('uses a new random temporary name for every write and leaves none behind', () => {
    const dir = project({ 'a.yaml': 'a: 1\n' });
    for (let i = 0; i < 5; i++) writeFileSafely(path.join(dir, 'a.yaml'), `a: ${i}\n`);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('refuses, naming file and reason, when the file changed since it was read', () => {
    const dir = project({ 'a.yaml': 'a: 1\n' });
    const file = path.join(dir, 'a.yaml');
    writeFileSync(file, 'a: 1 # saved by an editor meanwhile\n');
    expect(() => writeFileSafely(file, 'a: 2\n', { expected: 'a: 1\n' })).toThrow(WriteError);
    expect(() => writeFileSafely(file, 'a: 2\n', { expected: 'a: 1\n' })).toThrow(/a\.yaml.*changed since hplint read it/);
    expect(readFileSync(file, 'utf8')).toBe('a: 1 # saved by an editor meanwhile\n');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('says which file and why when the directory is missing', () => {
    const dir = tempDir();
    expect(() => writeFileSafely(path.join(dir, 'no/such/dir/a.yaml'), 'x')).toThrow(/cannot write .*a\.yaml: no such directory/);
  });

  it('with noLinks (the cache, the bench report files) refuses a link planted at the name it chose', () => {
    const dir = project({ 'victim.txt': 'precious\n' });
    symlinkSync(path.join(dir, 'victim.txt'), path.join(dir, 'results.json'));
    expect(() => writeFileSafely(path.join(dir, 'results.json'), '{}', { noLinks: true })).toThrow(/results\.json: it is a symbolic link/);
    expect(readFileSync(path.join(dir, 'victim.txt'), 'utf8')).toBe('precious\n');
  });

  it('keeps the mode of the file it replaces', () => {
    const dir = project({ 'a.yaml': 'a: 1\n' });
    chmodSync(path.join(dir, 'a.yaml'), 0o640);
    writeFileSafely(path.join(dir, 'a.yaml'), 'a: 2\n');
    expect(statSync(path.join(dir, 'a.yaml')).mode & 0o777).toBe(0o640);
  });

  it.runIf(process.getuid?.() === 0)('keeps the owner when it runs as root', () => {
    const dir = project({ 'a.yaml': 'a: 1\n' });
    chownSync(path.join(dir, 'a.yaml'), 65534, 65534);
    writeFileSafely(path.join(dir, 'a.yaml'), 'a: 2\n');
    expect(statSync(path.join(dir, 'a.yaml'))).toMatchObject({ uid: 65534, gid: 65534 });
  });
});

describe('a fix that was read before an edit', () => {
  it('is reported and skipped, the edit kept', () => {
    const dir = project({ 'a.yaml': 'optimizer:\n  name: adam\n  learningRate: 3e-5\n' });
    const runner = new JobRunner({ cwd: dir, cliRules: {}, fix: 'safe' });
    // The job holds what hplint read; the file on disk has been saved since.
    const outcome = runner.lint({ index: 0, display: 'a.yaml', absolute: path.join(dir, 'a.yaml'), text: FIXABLE });
    expect(outcome.failed).toBe(true);
    expect(outcome.messages.join('')).toMatch(/cannot write a\.yaml: it changed since hplint read it/);
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toContain('3e-5');
  });
});

describe('hplint check --fix', () => {
  it('writes through a symlink to the real file and keeps the link', () => {
    const dir = project({ 'real.yaml': FIXABLE });
    symlinkSync('real.yaml', path.join(dir, 'link.yaml'));
    const run = hplint(['check', '--fix', 'link.yaml'], { cwd: dir });
    expect(run.stderr).toContain('fixed 1 problem in link.yaml');
    expect(lstatSync(path.join(dir, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real.yaml'), 'utf8')).toBe(FIXED);
    expect(readdirSync(dir).sort()).toEqual(['link.yaml', 'real.yaml']);
  });

  it('keeps hard links: every name sees the fix', () => {
    const dir = project({ 'a.yaml': FIXABLE });
    linkSync(path.join(dir, 'a.yaml'), path.join(dir, 'b.yaml'));
    hplint(['check', '--fix', 'a.yaml'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'b.yaml'), 'utf8')).toBe(FIXED);
    expect(statSync(path.join(dir, 'a.yaml')).ino).toBe(statSync(path.join(dir, 'b.yaml')).ino);
  });

  it('does not rewrite a read-only file, goes on with the others, and exits 2 with the report', () => {
    const dir = project({ 'a.yaml': FIXABLE, 'b.yaml': FIXABLE });
    chmodSync(path.join(dir, 'a.yaml'), 0o444);
    const run = hplint(['check', '--fix', '--format', 'json', 'a.yaml', 'b.yaml'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe(FIXABLE);
    expect(readFileSync(path.join(dir, 'b.yaml'), 'utf8')).toBe(FIXED);
    expect(run.stderr).toMatch(/cannot write a\.yaml: the file is read-only/);
    expect(run.stderr).not.toMatch(/internal error/);
    const report = JSON.parse(run.stdout) as { results: { filePath: string; diagnostics: { ruleId: string }[] }[] };
    // a.yaml still has its problem, b.yaml has it fixed.
    const unfixed = report.results.map((r) => [r.filePath, r.diagnostics.some((d) => d.ruleId === 'yaml-float-as-string')]);
    expect(unfixed).toEqual([['a.yaml', true], ['b.yaml', false]]);
    expect(run.code).toBe(2);
  });
});

describe('-o / --out that is an input', () => {
  it.each([
    ['the same name', 'a.yaml'],
    ['a symlink to it', 'link.yaml'],
    ['a hard link to it', 'hard.yaml'],
  ])('check -o refuses %s with exit 2 and writes nothing', (_what, output) => {
    const dir = project({ 'a.yaml': FIXABLE });
    symlinkSync('a.yaml', path.join(dir, 'link.yaml'));
    linkSync(path.join(dir, 'a.yaml'), path.join(dir, 'hard.yaml'));
    const run = hplint(['check', 'a.yaml', '-o', output], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is also an input/);
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe(FIXABLE);
  });

  it('check -o writes a new report file through the safe writer', () => {
    const dir = project({ 'a.yaml': FIXABLE });
    const run = hplint(['check', 'a.yaml', '-f', 'json', '-o', 'report.json'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(JSON.parse(readFileSync(path.join(dir, 'report.json'), 'utf8'))).toMatchObject({ summary: { files: 1 } });
  });

  it('check -o into a device writes the stream (there is no file to replace)', () => {
    const dir = project({ 'a.yaml': FIXABLE });
    expect(hplint(['check', 'a.yaml', '-o', '/dev/null'], { cwd: dir }).code).toBe(0);
  });

  it('check -o into a missing directory says which file and why, not "internal error"', () => {
    const dir = project({ 'a.yaml': FIXABLE });
    const run = hplint(['check', 'a.yaml', '-o', 'missing/report.txt'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write missing\/report\.txt: no such directory/);
  });

  it('advise --apply --out refuses a link to the config or the history', () => {
    const dir = project({ 'a.yaml': FIXABLE });
    symlinkSync('a.yaml', path.join(dir, 'copy.yaml'));
    const run = hplint(['advise', 'a.yaml', '--apply', '--out', 'copy.yaml'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--out must name a new file/);
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toBe(FIXABLE);
    expect(existsSync(path.join(dir, 'a.yaml'))).toBe(true);
  });
});
