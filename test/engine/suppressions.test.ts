import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/index.js';
import { parseDirectives } from '../../src/engine/suppressions.js';
import { dedent } from '../helpers/lint.js';

/** `line ruleId` of what survives suppression. */
function reported(text: string, reportUnused = false): string[] {
  return lintText(text, { filePath: 'a.yaml', reportUnusedDisableDirectives: reportUnused }).diagnostics.map((d) => `${d.line} ${d.ruleId}`);
}

const TWO_PROBLEMS = dedent(`
  optimizer:
    name: adam
    learningRate: 0.5
  training:
    batchSize: 0
`);

describe('inline suppressions', () => {
  it('reports both problems without directives', () => {
    expect(reported(TWO_PROBLEMS)).toEqual(['3 learning-rate-range', '5 invalid-value']);
  });

  it('disable-next-line suppresses the named rules on the next line only', () => {
    const text = dedent(`
      optimizer:
        name: adam
        # hplint-disable-next-line learning-rate-range, invalid-value -- tuned by a sweep
        learningRate: 0.5
      training:
        batchSize: 0
    `);
    expect(reported(text)).toEqual(['6 invalid-value']);
    expect(parseDirectives(text)).toMatchObject([
      { kind: 'disable-next-line', ruleIds: ['learning-rate-range', 'invalid-value'], reason: 'tuned by a sweep', line: 3, column: 3 },
    ]);
  });

  it('disable-next-line without ids suppresses every rule on that line', () => {
    const text = TWO_PROBLEMS.replace('  learningRate', '  # hplint-disable-next-line\n  learningRate');
    expect(reported(text)).toEqual(['6 invalid-value']);
  });

  it('disable … enable covers a region, per rule or for all', () => {
    const region = dedent(`
      # hplint-disable invalid-value
      training:
        batchSize: 0
      # hplint-enable invalid-value
      optimizer: {name: adam, learningRate: -1}
    `);
    expect(reported(region)).toEqual(['5 invalid-value']);
    const allButOne = dedent(`
      # hplint-disable
      # hplint-enable invalid-value
      optimizer: {name: adam, learningRate: 0.5}
      training: {batchSize: 0}
    `);
    expect(reported(allButOne)).toEqual(['4 invalid-value']);
  });

  it('disable-file suppresses the whole file', () => {
    expect(reported(`# hplint-disable-file\n${TWO_PROBLEMS}`)).toEqual([]);
    expect(reported(`${TWO_PROBLEMS}# hplint-disable-file invalid-value\n`)).toEqual(['3 learning-rate-range']);
  });

  it('works in JSON with # comments and ignores # inside strings', () => {
    const json = '{\n  "optimizer": {\n    "name": "adam",\n    # hplint-disable-next-line learning-rate-range\n    "learningRate": 0.5\n  }\n}\n';
    expect(reported(json)).toEqual([]);
    expect(parseDirectives('a: "# hplint-disable-file"\nb: |\n  # hplint-disable-file\n')).toEqual([]);
  });

  it('never suppresses a parse error', () => {
    expect(reported('# hplint-disable-file\na: [1\n')).toEqual(['3 parse-error']);
  });

  it('reports directives that suppress nothing when asked', () => {
    const text = dedent(`
      # hplint-disable-next-line learning-rate-range, momentum-range
      optimizer: {name: adam, learningRate: 0.5}
      # hplint-disable-file kernel-size
    `);
    expect(reported(text)).toEqual([]);
    const unused = lintText(text, { filePath: 'a.yaml', reportUnusedDisableDirectives: true }).diagnostics;
    expect(unused.map((d) => `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.message}`)).toEqual([
      '1:1-1:63 error Unused hplint-disable-next-line directive (no problems were reported from "momentum-range").',
      '3:1-3:34 error Unused hplint-disable-file directive (no problems were reported from "kernel-size").',
    ]);
  });
});
