import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hplint } from '../helpers/cli.js';

/**
 * End-to-end: the built binary, as users and CI run it. Exit codes and the JSON shape are a contract
 * (README "Exit codes", "JSON output"): tools depend on them, so these tests pin them down exactly.
 */
const ANSI_ESCAPE = String.fromCharCode(27) + '[';

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hplint-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('hplint check', () => {
  it('exits 0 on a clean config and says so', () => {
    const run = hplint(['check', 'examples/mnist-cnn.good.yaml']);
    expect(run.stdout).toBe('✔ 1 file checked, no problems\n');
    expect(run.code).toBe(0);
  });

  it('exits 1 when errors are found, with the stylish report', () => {
    const run = hplint(['check', 'examples/broken-values.bad.json']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('examples/broken-values.bad.json\n  2:50  error    optimizer.learningRate must be greater than 0; it is 0.  invalid-value\n');
    expect(run.stdout).toContain('    |                                                  ^\n');
  });

  it('exits 0 on warnings only, and 1 past --max-warnings', () => {
    expect(hplint(['check', 'examples/adam-lr-too-high.bad.yaml']).code).toBe(0);
    const run = hplint(['check', 'examples/adam-lr-too-high.bad.yaml', '--max-warnings', '0']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/warnings? exceed --max-warnings 0/);
  });

  it('prints the JSON contract of the README', () => {
    const run = hplint(['check', '--format', 'json', 'examples/adam-lr-too-high.bad.yaml']);
    const output = JSON.parse(run.stdout);
    expect(output).toEqual({
      tool: { name: 'hplint', version: expect.stringMatching(/^\d+\.\d+\.\d+/) },
      results: [
        {
          filePath: 'examples/adam-lr-too-high.bad.yaml',
          format: 'native',
          diagnostics: expect.arrayContaining([
            {
              ruleId: 'learning-rate-range',
              severity: 'warning',
              tier: 1,
              message: 'Adam learning rate 0.5 is above the range for training from scratch [0.001, 0.01] (GUIDE §7).',
              path: '/optimizer/learningRate',
              line: 8,
              column: 17,
              endLine: 8,
              endColumn: 20,
              suggestion: { path: '/optimizer/learningRate', description: 'Set optimizer.learningRate to 0.01, the nearest value in range.', value: 0.01 },
            },
          ]),
        },
      ],
      summary: { files: 1, errors: 0, warnings: expect.any(Number), infos: expect.any(Number) },
    });
  });

  it('searches a directory for configs and skips YAML/JSON that is not one', () => {
    const file = tempFile('ci.yaml', 'on: push\njobs: {}\n');
    writeFileSync(path.join(path.dirname(file), 'train.yaml'), 'optimizer: { name: adam, learningRate: 0.5 }\n');
    const run = hplint(['check', '--format', 'json', path.dirname(file)]);
    const output = JSON.parse(run.stdout);
    expect(output.results.map((r: { filePath: string }) => path.basename(r.filePath))).toEqual(['train.yaml']);
  });

  it('reads an explicitly named non-config as format unknown, with no diagnostics', () => {
    const file = tempFile('ci.yaml', 'on: push\n');
    const run = hplint(['check', '--format', 'json', file]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).results[0]).toMatchObject({ format: 'unknown', diagnostics: [] });
  });

  it('lints standard input under --stdin-filename', () => {
    const run = hplint(['check', '--stdin', '--stdin-filename', 'cfg/train.yaml', '--format', 'json'], {
      input: 'optimizer:\n  name: adam\n  learningRate: -1\n',
    });
    expect(run.code).toBe(1);
    const [result] = JSON.parse(run.stdout).results;
    expect(result.filePath).toBe('cfg/train.yaml');
    expect(result.diagnostics[0]).toMatchObject({ ruleId: 'invalid-value', line: 3, column: 17 });
  });

  it('reports malformed YAML as parse-error with line and column, exit 1', () => {
    const run = hplint(['check', '--stdin', '--format', 'json'], { input: 'optimizer:\n  name: adam\n   learningRate: [1\n' });
    expect(run.code).toBe(1);
    const [diagnostic] = JSON.parse(run.stdout).results[0].diagnostics;
    expect(diagnostic).toMatchObject({ ruleId: 'parse-error', severity: 'error', tier: null, path: '', line: 2, column: 9 });
    expect(diagnostic.message).toBe('Nested mappings are not allowed in compact mappings');
  });

  it('reports malformed JSON as parse-error too', () => {
    const file = tempFile('bad.json', '{ "optimizer": { "name": "adam", }\n');
    const run = hplint(['check', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/\n {2}2:1 {2}error {4}Flow map must end with a \} {2}parse-error\n/);
  });

  it('a missing path is one line on stderr and exit 2, no stack trace', () => {
    const run = hplint(['check', 'no/such/file.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('hplint: no such file or directory: no/such/file.yaml\n');
    expect(run.stdout).toBe('');
  });

  it('an unreadable file is exit 2 with one clear line', () => {
    if (process.getuid?.() === 0) {
      // root reads everything: check a directory given where a file glob matched nothing instead.
      const run = hplint(['check', 'nothing-*.yaml']);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('hplint: no files match the pattern "nothing-*.yaml"\n');
      return;
    }
    const file = tempFile('secret.yaml', 'optimizer: {}\n');
    chmodSync(file, 0o000);
    const run = hplint(['check', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^hplint: cannot read .+ \(EACCES\)\n$/);
  });

  it('--rule changes a severity; --quiet keeps errors only', () => {
    const file = 'examples/adam-lr-too-high.bad.yaml';
    expect(hplint(['check', file, '--rule', 'learning-rate-range=error']).code).toBe(1);
    const off = JSON.parse(hplint(['check', file, '--format', 'json', '--rule', 'learning-rate-range=off']).stdout);
    expect(off.results[0].diagnostics.map((d: { ruleId: string }) => d.ruleId)).not.toContain('learning-rate-range');
    const quiet = JSON.parse(hplint(['check', file, '--format', 'json', '--quiet']).stdout);
    expect(quiet.results[0].diagnostics).toEqual([]);
  });

  it('an unknown rule or severity is a usage error, exit 2', () => {
    expect(hplint(['check', 'examples', '--rule', 'no-such-rule=error'])).toMatchObject({ code: 2, stderr: 'hplint: unknown rule "no-such-rule" (see `hplint rules`)\n' });
    expect(hplint(['check', 'examples', '--rule', 'learning-rate-range=loud']).code).toBe(2);
    expect(hplint(['check', '--format', 'yaml']).code).toBe(2);
  });

  it('--output writes the report to a file', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'hplint-')), 'report.json');
    const run = hplint(['check', 'examples/adam-lr-too-high.bad.yaml', '-f', 'json', '-o', out]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8')).summary.files).toBe(1);
  });

  it('colours only when asked: FORCE_COLOR on, NO_COLOR and --no-color off', () => {
    const file = 'examples/adam-lr-too-high.bad.yaml';
    expect(hplint(['check', file], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain(ANSI_ESCAPE);
    expect(hplint(['check', file, '--no-color'], { env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).not.toContain(ANSI_ESCAPE);
    expect(hplint(['check', file], { env: { NO_COLOR: '1' } }).stdout).not.toContain(ANSI_ESCAPE);
  });
});

describe('hplint rules / explain / --help / --version', () => {
  it('lists rules as JSON with the documented fields', () => {
    const rules = JSON.parse(hplint(['rules', '--format', 'json']).stdout);
    expect(rules.find((r: { id: string }) => r.id === 'learning-rate-range')).toEqual({
      id: 'learning-rate-range',
      severity: 'warning',
      tier: 1,
      category: 'learning-rate',
      fixable: 'unsafe',
      description: expect.any(String),
      docs: 'https://github.com/hplint/hplint/blob/main/docs/rules/learning-rate-range.md',
    });
  });

  it('explains a rule with its docs page; an unknown rule is exit 2', () => {
    expect(hplint(['explain', 'dropout-before-batchnorm']).stdout).toMatch(/^# dropout-before-batchnorm\n/);
    expect(hplint(['explain', 'nope'])).toMatchObject({ code: 2, stderr: 'hplint: unknown rule "nope" (see `hplint rules`)\n' });
  });

  it('--version and --help exit 0', () => {
    expect(hplint(['--version'])).toMatchObject({ code: 0, stdout: expect.stringMatching(/^\d+\.\d+\.\d+\n$/) });
    expect(hplint(['check', '--help'])).toMatchObject({ code: 0, stdout: expect.stringContaining('--max-warnings') });
  });

  it('an unknown command is exit 2', () => {
    expect(hplint(['lint-everything']).code).toBe(2);
  });
});
