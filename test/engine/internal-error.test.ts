import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sweepAdapter } from '../../src/adapters/sweep.js';
import { yoloAdapter } from '../../src/adapters/yolo.js';
import { checkCommand } from '../../src/cli/check.js';
import type { CheckFlags } from '../../src/cli/check.js';
import { INTERNAL_ERROR, lintWith } from '../../src/engine/lint.js';
import { createRule, NO_OPTIONS } from '../../src/engine/rule.js';
import { resolveRules } from '../../src/engine/settings.js';
import learningRateRange from '../../src/rules/learning-rate-range.js';
import { lintText } from '../../src/rules/index.js';

/** A rule that reports once and then throws, as a rule with a bug would on an unexpected config. */
const failing = createRule({
  id: 'deliberately-failing',
  meta: { description: 'Throws on every config.', severity: 'warning', tier: null, category: 'training-process', guide: 'test', fixable: false, ...NO_OPTIONS },
  check(_config, context) {
    context.report({ path: '/optimizer', message: 'reported before the failure' });
    throw new TypeError("Cannot read properties of undefined (reading 'rate')");
  },
});

const ADAM_TOO_HIGH = 'optimizer: { name: adam, learningRate: 0.5 }\n';
const brief = (diagnostics: readonly { ruleId: string; severity: string; message: string }[]) => diagnostics.map((d) => `${d.ruleId} ${d.severity}: ${d.message}`);

afterEach(() => vi.restoreAllMocks());

describe('a rule or an adapter that throws', () => {
  it('gives the file an internal-error naming the rule and the error; the other rules still report', () => {
    const result = lintWith(ADAM_TOO_HIGH, { filePath: 'a.yaml' }, resolveRules([failing, learningRateRange]));
    expect(brief(result.diagnostics)).toEqual([
      "internal-error error: rule deliberately-failing failed on this file (TypeError: Cannot read properties of undefined (reading 'rate')). This is a bug in hplint: please report it with the file.",
      expect.stringMatching(/^learning-rate-range warning: Adam learning rate 0.5 is above/),
    ]);
    // What the rule reported before it threw is dropped: a half-run rule's findings are not trusted.
    expect(result.diagnostics.some((d) => d.message === 'reported before the failure')).toBe(false);
  });

  it('is never suppressed: a disable directive does not turn a failure into a pass', () => {
    const text = '# hplint-disable-file\n' + ADAM_TOO_HIGH;
    expect(lintWith(text, { filePath: 'a.yaml' }, resolveRules([failing, learningRateRange])).diagnostics.map((d) => d.ruleId)).toEqual([INTERNAL_ERROR]);
  });

  it('names the adapter that threw while reading the file, and runs no rule on it', () => {
    vi.spyOn(yoloAdapter, 'read').mockImplementation(() => {
      throw new RangeError('index out of range');
    });
    const result = lintText('lr0: 0.01\nlrf: 0.01\nmomentum: 0.5\n', { filePath: 'hyp.yaml' });
    expect([result.format, result.reason]).toEqual(['yolo', 'adapter yolo failed']);
    expect(brief(result.diagnostics)).toEqual([
      'internal-error error: adapter yolo failed on this file (RangeError: index out of range). This is a bug in hplint: please report it with the file.',
    ]);
  });

  it('names the adapter whose detection threw', () => {
    vi.spyOn(sweepAdapter, 'detect').mockImplementation(() => {
      throw new Error('detect exploded');
    });
    expect(brief(lintText(ADAM_TOO_HIGH).diagnostics)).toEqual([expect.stringMatching(/^internal-error error: adapter sweep failed on this file \(Error: detect exploded\)/)]);
  });

  it('makes hplint check exit 2 and still report every other file', async () => {
    const real = learningRateRange.check.bind(learningRateRange);
    vi.spyOn(learningRateRange, 'check').mockImplementation((config, context) => {
      if (config.optimizer?.learningRate === 0.5) throw new TypeError('the deliberate failure');
      real(config, context);
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'hplint-internal-'));
    writeFileSync(path.join(dir, 'a-fails.yaml'), ADAM_TOO_HIGH);
    writeFileSync(path.join(dir, 'b-reported.yaml'), 'optimizer: { name: sgd, learningRate: 0.9 }\n');
    let stdout = '';
    const flags: CheckFlags = { format: 'json', rule: [], color: false, debug: false, concurrency: 'off' };
    const code = await checkCommand([dir], flags, { stdout: (s) => (stdout += s), stderr: () => {} });
    const report = JSON.parse(stdout) as { results: { filePath: string; diagnostics: { ruleId: string; message: string }[] }[] };
    expect(code).toBe(2);
    expect(report.results.map((r) => [path.basename(r.filePath), r.diagnostics.map((d) => d.ruleId)])).toEqual([
      ['a-fails.yaml', [INTERNAL_ERROR]],
      ['b-reported.yaml', ['learning-rate-range']],
    ]);
    expect(report.results[0]!.diagnostics[0]!.message).toContain('rule learning-rate-range failed on this file (TypeError: the deliberate failure)');
  });
});
