import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixText } from '../../src/engine/fix.js';
import { readConfig } from '../../src/engine/lint.js';
import { lintText } from '../../src/rules/index.js';
import { pythonLiteral } from '../../src/python/read.js';
import { resolveRules } from '../../src/engine/settings.js';
import { RULES } from '../../src/rules/index.js';
import { expandTargets } from '../../src/cli/files.js';
import { brief } from '../helpers/lint.js';

const RESOLVED = resolveRules(RULES);
const fix = (text: string, filePath = 'train.py') => fixText(text, { filePath }, RESOLVED, 'unsafe');

/** A notebook as Jupyter writes it: one JSON string per source line. */
function notebook(...cells: (readonly string[] | { markdown: string })[]): string {
  return JSON.stringify(
    {
      cells: cells.map((cell) =>
        'markdown' in cell ? { cell_type: 'markdown', metadata: {}, source: [cell.markdown] } : { cell_type: 'code', execution_count: null, metadata: {}, outputs: [], source: cell },
      ),
      metadata: {},
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  );
}

describe('Jupyter notebooks', () => {
  const text = notebook({ markdown: '# Training\n' }, ['%matplotlib inline\n', 'import torch\n', '!pip install x\n'], ['LR = 0.5\n', 'opt = torch.optim.SGD(params, lr=LR, momentum=0.9)\n', 'print("a\\tb")']);

  it('reports at the literal inside the .ipynb, naming the cell and line', () => {
    const result = lintText(text, { filePath: 'train.ipynb' });
    expect(result.format).toBe('notebook');
    const [diagnostic] = result.diagnostics;
    expect(brief(diagnostic!)).toMatch(/^27:11-27:14 warning SGD with momentum learning rate 0.5 .*\(set through `LR` \(cell 3, line 1\); used by torch.optim.SGD\(lr=…\) at cell 3, line 2\) \[cell 3, line 1\]$/);
    expect(text.slice(...diagnostic!.range)).toBe('0.5');
  });

  it('--fix-unsafe rewrites the literal inside the JSON string, and the notebook stays valid JSON', () => {
    const outcome = fix(text, 'train.ipynb');
    expect(outcome.fixed).toBe(1);
    expect(outcome.output).toBe(text.replace('"LR = 0.5\\n"', '"LR = 0.01\\n"'));
    expect(() => JSON.parse(outcome.output)).not.toThrow();
  });

  it('a file that is not a notebook is a parse error, not a crash', () => {
    expect(lintText('{"cells": 3}', { filePath: 'x.ipynb' }).diagnostics).toEqual([]);
    expect(lintText('{"cells": 3}', { filePath: 'x.ipynb' }).reason).toMatch(/not a Jupyter notebook/);
  });
});

describe('--fix-unsafe on Python', () => {
  it('rewrites the literal in place, keeping comments and layout', () => {
    const text = 'import argparse\nimport torch\np = argparse.ArgumentParser()\np.add_argument("--lr", type=float, default=0.5)  # tuned\nargs = p.parse_args()\nopt = torch.optim.SGD(params, lr=args.lr, momentum=0.9)\n';
    const outcome = fix(text);
    expect(outcome.output).toBe(text.replace('default=0.5)  # tuned', 'default=0.01)  # tuned'));
    expect(outcome.result.diagnostics).toEqual([]);
  });

  it('never rewrites an expression, and never reorders code', () => {
    const text = 'import torch\nfrom torch import nn\nbase = 0.1\nnet = nn.Sequential(nn.Dropout(0.3), nn.BatchNorm1d(8))\nopt = torch.optim.SGD(params, lr=base * 5, momentum=0.9)\n';
    const outcome = fix(text);
    expect(outcome.output).toBe(text);
    expect(outcome.result.diagnostics.map((d) => d.ruleId)).toEqual(['dropout-before-batchnorm']);
  });

  it('writes Python spellings: True/False, quoted strings, and nothing for values without a literal', () => {
    expect([true, false, 2e-5, 0.01, 'adamw', null, [1]].map(pythonLiteral)).toEqual(['True', 'False', '0.00002', '0.01', '"adamw"', undefined, undefined]);
    const read = readConfig('import torch\nopt = torch.optim.Adam(params, lr=0.5)\n', { filePath: 'a.py' });
    const source = read.sources.get('/optimizer/learningRate')!;
    expect(read.writeValue?.(source, 0.001)).toEqual({ start: 47, end: 50, text: "0.001" });
    expect(read.writeValue?.(read.sources.get('/optimizer/name')!, 'SGD')).toBeUndefined();
  });
});

describe('discovery and start-up', () => {
  it('a directory includes Python files and notebooks; checkpoints and virtualenvs are skipped', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'hplint-py-'));
    for (const name of ['train.py', 'a.ipynb', '.ipynb_checkpoints/a-checkpoint.ipynb', '.venv/lib/x.py', 'cfg.yaml']) {
      mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
      writeFileSync(path.join(root, name), '');
    }
    const { targets } = await expandTargets(['.'], root);
    expect(targets.map((t) => t.path).sort()).toEqual(['a.ipynb', 'cfg.yaml', 'train.py']);
  });

  // Through the build (`npm run build` first), as `hplint check` runs.
  it('checking YAML does not load the Python grammar (it loads on the first Python file)', () => {
    const script = `
      import { createRequire } from 'node:module';
      const { lintText } = await import(${JSON.stringify(path.resolve(import.meta.dirname, '../../dist/rules/index.js'))});
      const loaded = () => Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('@lezer'));
      lintText('optimizer: {name: adam, learningRate: 0.5}\\n', { filePath: 'a.yaml' });
      const afterYaml = loaded();
      lintText('import torch\\n', { filePath: 'a.py' });
      console.log(JSON.stringify([afterYaml, loaded()]));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([false, true]);
  });
});
