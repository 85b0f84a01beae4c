import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/index.js';
import { workflowData as escapeData, workflowProperty as escapeProperty } from '../../src/render/escape.js';
import { github } from '../../src/formatters/github.js';
import { clean, context, results } from './fixtures.js';

describe('github formatter', () => {
  it('writes one workflow command per diagnostic with a relative path and the full range', () => {
    const lines = github(results(), context).trimEnd().split('\n');
    expect(lines).toEqual([
      '::warning file=configs/bad run.yaml,line=3,col=17,endLine=3,endColumn=20,title=hplint/learning-rate-range::' +
        'Adam learning rate 0.5 is above the range for training from scratch [0.001, 0.01] (GUIDE §7).%0A→ Set optimizer.learningRate to 0.01, the nearest value in range.',
    ]);
  });

  it('maps severities to error, warning and notice', () => {
    const text = 'training: {batchSize: 2048}\noptimizer: {name: adam, learningRate: -1}\n';
    const commands = github([lintText(text, { filePath: 'a.yaml' })], context).split('\n').filter(Boolean).map((l) => l.slice(0, l.indexOf(' ')));
    expect(commands.sort()).toEqual(['::error', '::notice']);
  });

  it('escapes per the workflow-command rules', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });

  it('prints nothing when there is nothing to report', () => {
    expect(github(clean(), context)).toBe('');
  });
});
