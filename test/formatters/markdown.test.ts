import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/index.js';
import { markdown } from '../../src/formatters/markdown.js';
import { dedent } from '../helpers/lint.js';
import { clean, context, results } from './fixtures.js';

describe('markdown formatter', () => {
  it('writes a summary and one table per file with problems', () => {
    expect(markdown(results(), context)).toBe(
      dedent(`
        ## hplint

        **1 problem** (0 errors, 1 warning, 0 infos) in 1 of 2 files checked.

        ### \`configs/bad run.yaml\`

        | Line | Severity | Rule | Message |
        |---:|---|---|---|
        | 3:17 | ⚠️ warning | [\`learning-rate-range\`](https://github.com/hplint/hplint/blob/main/docs/rules/learning-rate-range.md) | Adam learning rate 0.5 is above the range for training from scratch [0.001, 0.01] ([GUIDE §7](https://github.com/hplint/hplint/blob/main/docs/guide.md#s7)).<br>💡 Set optimizer.learningRate to 0.01, the nearest value in range. |
      `),
    );
  });

  it('says so when everything is clean', () => {
    expect(markdown(clean(), context)).toBe('## hplint\n\n✅ 1 file checked, no problems.\n');
  });

  it('escapes table cells and leaves engine diagnostics unlinked', () => {
    const broken = lintText('a: [1\n', { filePath: 'x.yaml' });
    const odd = { ...broken, diagnostics: broken.diagnostics.map((d) => ({ ...d, message: 'a | b <c>\nd' })) };
    const row = markdown([odd], context).split('\n').find((l) => l.startsWith('| 2:'));
    expect(row).toBe('| 2:1 | ❌ error | `parse-error` | a \\| b &lt;c&gt;<br>d |');
  });
});
