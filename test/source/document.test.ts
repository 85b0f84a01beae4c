import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/source/document.js';

const at = (text: string, path: (string | number)[]) => {
  const range = parseSource(text, 't.yaml').rangeOf(path);
  return range && `${range.line}:${range.column}-${range.endLine}:${range.endColumn}`;
};

describe('parseSource', () => {
  it('maps block and flow values to their 1-based ranges', () => {
    const text = 'optimizer:\n  name: adam\n  learningRate: 2e-5\nmodel:\n  layers:\n    - { type: dense, units: 8 }\n';
    expect(at(text, ['optimizer', 'learningRate'])).toBe('3:17-3:21');
    expect(at(text, ['model', 'layers', 0])).toBe('6:7-6:32');
    expect(at(text, ['model', 'layers', 0, 'units'])).toBe('6:29-6:30');
    expect(at(text, ['model', 'layers', 1])).toBeUndefined();
  });

  it('reports a block collection under a key at the key, one line', () => {
    expect(at('training:\n  batchSize: 1\n  epochs: 2\n', ['training'])).toBe('1:1-1:9');
  });

  it('maps JSON too', () => {
    expect(at('{"optimizer": {"learningRate": 0.1}}', ['optimizer', 'learningRate'])).toBe('1:32-1:35');
  });

  it('keeps positions right after a byte-order mark and with CRLF line ends', () => {
    const doc = parseSource('\uFEFFa: 1\r\nb: 22\r\n', 't.yaml');
    expect(doc.root).toEqual({ a: 1, b: 22 });
    expect(at('\uFEFFa: 1\r\nb: 22\r\n', ['b'])).toBe('2:4-2:6');
    expect(doc.rangeOf(['b'])).toMatchObject({ start: 10, end: 12 });
    expect(doc.lineText(2)).toBe('b: 22');
  });

  it('reads YAML 1.2 numbers: 2e-5 is a number, and keeps the raw text', () => {
    const doc = parseSource('lr: 2e-5\nq: "2e-5"\n', 't.yaml');
    expect(doc.root).toEqual({ lr: 2e-5, q: '2e-5' });
    expect(doc.rawScalar(['lr'])).toEqual({ text: '2e-5', quoted: false, value: 2e-5 });
    expect(doc.rawScalar(['q'])).toEqual({ text: '"2e-5"', quoted: true, value: '2e-5' });
  });

  it("reads plain scalars with a loader's rules when asked, at the same positions", () => {
    const text = 'lr: 2e-5\nsteps: 55_000\nnesterov: yes\n';
    const doc = parseSource(text, 't.yaml', 'pyyaml');
    expect(doc.root).toEqual({ lr: '2e-5', steps: 55000, nesterov: true });
    expect(doc.rawScalar(['lr'])).toEqual({ text: '2e-5', quoted: false, value: '2e-5' });
    expect(doc.rangeOf(['steps'])).toEqual(parseSource(text, 't.yaml').rangeOf(['steps']));
  });

  it('records application tags without resolving them', () => {
    const doc = parseSource('anchors: !!python/object/apply:eval ["[[32, 64]]"]\nok: !!str 3\n', 't.yaml');
    expect(doc.problems).toEqual([]);
    expect(doc.tags).toEqual([{ tag: 'tag:yaml.org,2002:python/object/apply:eval', path: ['anchors'], range: expect.objectContaining({ line: 1, column: 10, endColumn: 51 }) }]);
    expect(doc.root).toEqual({ anchors: ['[[32, 64]]'], ok: '3' });
  });

  it('gives the first parse error with its position', () => {
    const doc = parseSource('a: [1, 2\nb: 3\n', 't.yaml');
    expect(doc.root).toBeUndefined();
    expect(doc.problems).toHaveLength(1);
    expect(doc.problems[0]).toMatchObject({ range: { line: 2, column: 1 } });
  });

  it('refuses duplicate keys, which loaders resolve differently', () => {
    expect(parseSource('a: 1\na: 2\n', 't.yaml').problems[0]?.message).toMatch(/unique/i);
  });

  it('caps alias expansion (a billion-laughs document)', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) levels.push(`${'b'.repeat(i)}: &${'b'.repeat(i)} [${Array(10).fill(i === 1 ? '*a' : `*${'b'.repeat(i - 1)}`).join(', ')}]`);
    const doc = parseSource(levels.join('\n') + '\n', 't.yaml');
    expect(doc.problems[0]?.message).toMatch(/alias expansion exceeds the limit of 100/);
  });

  it('an empty file is an empty document, not an error', () => {
    const doc = parseSource('', 't.yaml');
    expect(doc.problems).toEqual([]);
    expect(doc.root).toBeUndefined();
  });
});
