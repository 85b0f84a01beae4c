import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/** End-to-end through the built binary (`npm run build` first): config files, fixes, suppressions, formats. */
const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/hplint.js');

function hplint(args: string[], cwd: string, input = '') {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'hplint-cli-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

const HIGH_LR = 'optimizer:\n  name: adam\n  learningRate: 0.5 # tuned\n';
const DROPOUT_FIRST = 'model:\n  layers:\n    - {type: dropout, rate: 0.3}\n    - {type: batchNormalization}\n';

describe('hplint check --fix', () => {
  it('--fix-unsafe rewrites the file, keeps its comments, and a second run changes nothing', () => {
    const root = project({ 'a.yaml': HIGH_LR + DROPOUT_FIRST });
    const first = hplint(['check', '--fix-unsafe', 'a.yaml'], root);
    expect(first).toMatchObject({ code: 0, stdout: '✔ 1 file checked, no problems\n', stderr: 'hplint: fixed 2 problems in a.yaml\n' });
    const fixed = readFileSync(path.join(root, 'a.yaml'), 'utf8');
    expect(fixed).toBe('optimizer:\n  name: adam\n  learningRate: 0.01 # tuned\nmodel:\n  layers:\n    - {type: batchNormalization}\n    - {type: dropout, rate: 0.3}\n');
    const second = hplint(['check', '--fix-unsafe', 'a.yaml'], root);
    expect(second).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(path.join(root, 'a.yaml'), 'utf8')).toBe(fixed);
    expect(readdirSync(root)).toEqual(['a.yaml']);
  });

  it('--fix leaves suggestions (unsafe) alone and reports them', () => {
    const root = project({ 'a.yaml': HIGH_LR });
    const run = hplint(['check', '--fix', 'a.yaml'], root);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('3:17  warning  Adam learning rate 0.5 is above');
    expect(readFileSync(path.join(root, 'a.yaml'), 'utf8')).toBe(HIGH_LR);
  });

  it('--fix-dry-run prints a unified diff and writes nothing', () => {
    const root = project({ 'a.yaml': HIGH_LR });
    const run = hplint(['check', '--fix-dry-run', '--fix-unsafe', '--format', 'json', 'a.yaml'], root);
    expect(run.stdout).toContain('--- a/a.yaml\n+++ b/a.yaml\n@@ -1,3 +1,3 @@\n optimizer:\n   name: adam\n-  learningRate: 0.5 # tuned\n+  learningRate: 0.01 # tuned\n');
    expect(readFileSync(path.join(root, 'a.yaml'), 'utf8')).toBe(HIGH_LR);
    expect(hplint(['check', '--fix', '--stdin'], root, HIGH_LR)).toMatchObject({ code: 2, stderr: 'hplint: --fix rewrites files: with --stdin, use --fix-dry-run to see the diff\n' });
  });
});

describe('config files', () => {
  it('are found upward from each file, with overrides and ignores', () => {
    const root = project({
      'hplint.config.yaml': 'extends: strict\noverrides:\n  - files: ["sandbox/**"]\n    rules: {learning-rate-range: off}\nignores: ["vendor/**"]\n',
      'configs/a.yaml': HIGH_LR,
      'sandbox/b.yaml': HIGH_LR,
      'vendor/c.yaml': HIGH_LR,
    });
    const run = hplint(['check', '--format', 'json', '.'], root);
    const output = JSON.parse(run.stdout);
    expect(output.results.map((r: { filePath: string; diagnostics: { severity: string }[] }) => `${r.filePath} ${r.diagnostics.map((d) => d.severity)}`)).toEqual([
      'configs/a.yaml error',
      'sandbox/b.yaml ',
    ]);
    expect(run.code).toBe(1);
    // An ignored file named on the command line (as pre-commit does) is skipped too.
    expect(hplint(['check', 'vendor/c.yaml'], root)).toMatchObject({ code: 0, stdout: '✔ 0 files checked, no problems\n' });
  });

  it('--config overrides discovery; --rule overrides the file', () => {
    const root = project({ 'strict.yaml': 'extends: strict\n', 'a.yaml': HIGH_LR });
    expect(hplint(['check', 'a.yaml'], root).code).toBe(0);
    expect(hplint(['check', '--config', 'strict.yaml', 'a.yaml'], root).code).toBe(1);
    expect(hplint(['check', '--config', 'strict.yaml', '--rule', 'learning-rate-range=warning', 'a.yaml'], root).code).toBe(0);
  });

  it('--print-config shows the effective settings for a file', () => {
    const root = project({ '.hplintrc.json': '{"rules": {"learning-rate-range": ["error", {"fineTuneLowDivisor": 50}], "dropout-before-batchnorm": "off"}}', 'a.yaml': '' });
    const run = hplint(['check', '--print-config', 'a.yaml'], root);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed).toMatchObject({ file: 'a.yaml', configFile: '.hplintrc.json', extends: 'recommended', ignored: false });
    expect(printed.rules['learning-rate-range']).toEqual(['error', { ranges: {}, fineTuneLowDivisor: 50, fineTuneHighDivisor: 10 }]);
    expect(printed.rules['dropout-before-batchnorm']).toBe('off');
  });

  it('a broken config is a usage error (exit 2) with its position', () => {
    const root = project({ 'hplint.config.yaml': 'rules:\n  learning-rate: error\n', 'a.yaml': HIGH_LR });
    expect(hplint(['check', 'a.yaml'], root)).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'hplint: hplint.config.yaml:2:18: unknown rule "learning-rate" (see `hplint rules`)\n',
    });
  });
});

describe('inline suppressions', () => {
  it('silence a line, and unused ones fail with --report-unused-disable-directives', () => {
    const text = 'optimizer:\n  name: adam\n  # hplint-disable-next-line learning-rate-range -- sweep result\n  learningRate: 0.5\n# hplint-disable-next-line kernel-size\ntraining: {batchSize: 32}\n';
    const root = project({ 'a.yaml': text });
    expect(hplint(['check', 'a.yaml'], root)).toMatchObject({ code: 0, stdout: '✔ 1 file checked, no problems\n' });
    const strict = hplint(['check', '--report-unused-disable-directives', 'a.yaml'], root);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('5:1  error    Unused hplint-disable-next-line directive (no problems were reported from "kernel-size").  unused-disable-directive');
  });
});

describe('formats', () => {
  it('github, sarif and markdown are offered by --format', () => {
    const root = project({ 'a.yaml': HIGH_LR });
    expect(hplint(['check', '-f', 'github', 'a.yaml'], root).stdout).toMatch(/^::warning file=a\.yaml,line=3,col=17,endLine=3,endColumn=20,title=hplint\/learning-rate-range::Adam/);
    expect(JSON.parse(hplint(['check', '-f', 'sarif', 'a.yaml'], root).stdout).runs[0].results).toHaveLength(1);
    expect(hplint(['check', '-f', 'markdown', 'a.yaml'], root).stdout).toMatch(/^## hplint\n\n\*\*1 problem\*\*/);
  });
});

describe('hplint schema and init', () => {
  it('schema prints the published JSON Schema', () => {
    const run = hplint(['schema'], ROOT);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(JSON.parse(readFileSync(path.join(ROOT, 'schema/hplint.schema.json'), 'utf8')));
  });

  it('init writes a starter config that hplint accepts, and refuses to overwrite', () => {
    const root = project({ 'a.yaml': HIGH_LR });
    expect(hplint(['init'], root)).toMatchObject({ code: 0, stdout: 'hplint: wrote hplint.config.yaml\n' });
    expect(existsSync(path.join(root, 'hplint.config.yaml'))).toBe(true);
    expect(hplint(['check', '--print-config', 'a.yaml'], root).code).toBe(0);
    expect(hplint(['init'], root)).toMatchObject({ code: 2, stderr: 'hplint: hplint.config.yaml already exists: hplint init does not overwrite a config\n' });
  });
});
