import { describe, expect, it } from 'vitest';
import { lintText, RULES } from '../../src/rules/index.js';
import { stylish } from '../../src/formatters/stylish.js';

const context = { cwd: '/', color: false, rules: RULES, version: '0.0.0' };
const report = (text: string, filePath = 'train.yaml') => stylish([lintText(text, { filePath })], context);

describe('stylish formatter', () => {
  it('shows the position, the source line, a caret under the range and the suggestion', () => {
    expect(report('optimizer:\n  name: adam\n  learningRate: 0.5\n')).toBe(
      [
        'train.yaml',
        '  3:17  warning  Adam learning rate 0.5 is above the range for training from scratch [0.001, 0.01] (GUIDE §7).  learning-rate-range',
        '  3 |   learningRate: 0.5',
        '    |                 ^^^',
        '  → Set optimizer.learningRate to 0.01, the nearest value in range.',
        '',
        '⚠ 1 problem (0 errors, 1 warning, 0 infos) · 1 file checked',
        '',
      ].join('\n'),
    );
  });

  it('cuts a very long line (a one-line model.json) to a window around the range', () => {
    const text = `{"$schema": "${'x'.repeat(300)}", "optimizer": {"name": "adam", "learningRate": 0.5}}`;
    const [, , source, caret] = report(text, 'model.json').split('\n');
    expect(source).toMatch(/^ {2}1 \| …x+", "optimizer": \{"name": "adam", "learningRate": 0\.5\}\}$/);
    expect(source!.length).toBeLessThanOrEqual(110);
    expect(caret!.indexOf('^^^')).toBe(source!.indexOf('0.5'));
    expect(caret!.trimEnd().endsWith(' ^^^')).toBe(true);
  });

  it('says so when everything is clean', () => {
    expect(report('optimizer: { name: adam, learningRate: 1.0e-3 }\n')).toBe('✔ 1 file checked, no problems\n');
  });
});
