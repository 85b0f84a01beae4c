import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { fixtureText, HISTORIES } from './helpers.js';

/** Runs the CLI in this process, capturing its output and exit code. */
async function hplint(args: string[]) {
  let stdout = '';
  let stderr = '';
  const write = (sink: (s: string) => void) => (chunk: string | Uint8Array) => {
    sink(String(chunk));
    return true;
  };
  const originalOut = process.stdout.write.bind(process.stdout);
  const originalErr = process.stderr.write.bind(process.stderr);
  process.stdout.write = write((s) => (stdout += s)) as typeof process.stdout.write;
  process.stderr.write = write((s) => (stderr += s)) as typeof process.stderr.write;
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = originalOut;
    process.stderr.write = originalErr;
    process.exitCode = undefined;
  }
}

const fixture = (name: string) => path.join(HISTORIES, name);

afterEach(() => {
  process.exitCode = undefined;
});

describe('hplint advise', () => {
  it('json: {suggestions, findings, plan} with the bench evidence cited', async () => {
    const run = await hplint(['advise', fixture('divergence.config.yaml'), '--history', fixture('divergence.tfjs.json'), '--format', 'json']);
    expect(run.code).toBe(0);
    const output = JSON.parse(run.stdout) as { suggestions: { parameter: string; suggested: unknown; evidence?: string[] }[]; findings: { kind: string; epoch: number }[]; plan: { budget: number } };
    expect(output.suggestions[0]).toMatchObject({ parameter: 'optimizer.learningRate', suggested: 0.01 });
    expect(output.suggestions[0]!.evidence?.[0]).toMatch(/^Adam above the §7 range: 5× its top vs the rule’s value: (validated|no-effect|contradicted|inconclusive) on MNIST/);
    expect(output.findings).toEqual([expect.objectContaining({ kind: 'divergence', epoch: 1 })]);
    expect(output.plan.budget).toBe(20);
  });

  it('--budget sets the plan; markdown for a pull-request comment', async () => {
    const run = await hplint(['advise', fixture('overfitting.config.yaml'), '--budget', '5', '--format', 'markdown']);
    expect(run.stdout).toMatch(/^## hplint advise: `.*overfitting\.config\.yaml`/);
    expect(run.stdout).toContain('<summary>Tuning plan for 5 trials: grid search over `optimizer.learningRate`</summary>');
  });

  it('text without a TTY has no colour', async () => {
    const run = await hplint(['advise', fixture('plateau.config.yaml'), '--history', fixture('plateau.csv')]);
    expect(run.stdout).toContain('plateau (epoch 22, best epoch 12)');
    expect(run.stdout).not.toContain(String.fromCharCode(27));
  });

  it('--apply --out writes the copy and says what it applied', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'hplint-advise-')), 'tuned.yaml');
    const run = await hplint(['advise', fixture('two-outputs.config.yaml'), '--history', fixture('two-outputs.history.json'), '--apply', '--out', out, '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe(`hplint: wrote ${out} with 1 of 1 suggestions applied\n`);
    expect(readFileSync(out, 'utf8')).toBe(fixtureText('two-outputs.config.yaml').replace('output: out2, weight: 1.0', 'output: out2, weight: 0.0027'));
  });

  it.each([
    [['advise', 'nope.yaml'], 'hplint: no such config file: nope.yaml\n'],
    [['advise', fixture('plateau.config.yaml'), '--history', 'nope.csv'], 'hplint: no such history file: nope.csv\n'],
    [['advise', fixture('plateau.config.yaml'), '--budget', '0'], 'hplint: --budget takes a whole number of trials (1 or more), not "0"\n'],
    [['advise', fixture('plateau.config.yaml'), '--apply'], 'hplint: --apply writes a copy of the config: give it --out FILE\n'],
    [['advise', fixture('plateau.config.yaml'), '--apply', '--out', fixture('plateau.config.yaml')], 'hplint: --out must name a new file; to change the config in place use hplint check --fix-unsafe\n'],
  ])('%j → exit 2, one line, no stack', async (args, message) => {
    const run = await hplint(args);
    expect(run).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('a history that is not one: exit 2 with the file named', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'hplint-advise-')), 'h.json');
    writeFileSync(file, '{"model": 1}');
    const run = await hplint(['advise', fixture('plateau.config.yaml'), '--history', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`hplint: ${file}: not a training history (expected Keras/TF.js History JSON or a HuggingFace trainer_state.json)\n`);
  });
});
