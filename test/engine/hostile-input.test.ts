import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/index.js';

/**
 * Defined behaviour for the inputs a linter meets on files it did not write. Each case states what hplint
 * does, so a change of behaviour is a visible decision, not an accident.
 */
const lint = (text: string, filePath = 'x.yaml') => {
  const result = lintText(text, { filePath });
  return { format: result.format, found: result.diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}`) };
};
const ADAM_05 = 'optimizer: { name: adam, learningRate: 0.5 }\n';

describe('hostile and unusual input', () => {
  it('a UTF-8 byte-order mark is skipped; columns count from the first real character', () => {
    expect(lint('\uFEFF' + ADAM_05)).toEqual({ format: 'native', found: ['learning-rate-range 1:40'] });
  });

  it('CRLF line ends give the same lines as LF; lone CR (classic Mac) is a parse-error', () => {
    expect(lint('optimizer:\r\n  name: adam\r\n  learningRate: 0.5\r\n').found).toEqual(['learning-rate-range 3:17']);
    expect(lint('optimizer:\r  name: adam\r  learningRate: 0.5\r').found).toEqual(['parse-error 1:11']);
  });

  it('tabs: allowed as separators, a parse-error as indentation (YAML forbids them)', () => {
    expect(lint('optimizer: {\tname: adam,\tlearningRate: 0.5 }\n').found).toEqual(['learning-rate-range 1:40']);
    expect(lint('optimizer:\n\tname: adam\n').found).toEqual(['parse-error 2:1']);
  });

  it('multi-document YAML: the first document is the config; an error in any document is reported', () => {
    expect(lint(`${ADAM_05}---\noptimizer: { name: adam, learningRate: 0.9 }\n`).found).toEqual(['learning-rate-range 1:40']);
    expect(lint('optimizer: { name: adam }\n---\na: [\n').found).toEqual(['parse-error 4:1']);
  });

  it('JSON with // and /* */ comments and trailing commas is read, positions unchanged', () => {
    const json = '{\n  // Adam\n  "optimizer": { "name": "adam", /* too high */ "learningRate": 0.5, },\n  "data": { "numClasses": 10 },\n}\n';
    expect(lint(json, 'x.json')).toEqual({ format: 'native', found: ['learning-rate-range 3:65'] });
    expect(lint('{ "optimizer": { "name": "http://adam//x" } }', 'x.json').found).toEqual([]);
  });

  it('a binary file is a parse-error at its first NUL byte', () => {
    expect(lint('optimizer:\u0000\u0001\u0002').found).toEqual(['parse-error 1:11']);
  });

  it('empty, whitespace-only and comment-only files are not configs: no diagnostics', () => {
    for (const text of ['', '\n\n', '# only\n# comments\n', '---\n']) expect(lint(text)).toEqual({ format: 'unknown', found: [] });
  });

  it('a scalar or a list at the top level is not a config', () => {
    expect(lint('42\n')).toEqual({ format: 'unknown', found: [] });
    expect(lint('- optimizer: { name: adam }\n')).toEqual({ format: 'unknown', found: [] });
  });

  it('values of the wrong type anywhere are invalid-value errors, never crashes', () => {
    const text = 'optimizer: [1, 2]\ntraining: { batchSize: { a: 1 }, earlyStopping: 3 }\nmodel: { layers: [7, null, { type: [dense] }] }\nlosses: { name: x }\n';
    expect(lint(text).found).toEqual([
      'invalid-value 1:12',
      'invalid-value 2:24',
      'invalid-value 2:49',
      'invalid-value 3:19',
      'invalid-value 3:22',
      'invalid-value 3:36',
      'invalid-value 4:9',
    ]);
  });

  it('±infinity and NaN are invalid values', () => {
    expect(lint('optimizer: { name: adam, learningRate: .inf, momentum: -.inf, epsilon: .NaN }\n').found).toEqual([
      'invalid-value 1:40',
      'invalid-value 1:56',
      'invalid-value 1:72',
    ]);
  });

  it('duplicate keys are a parse-error at the second key (loaders disagree on which wins)', () => {
    expect(lint('optimizer: { name: adam }\noptimizer: { name: sgd }\n').found).toEqual(['parse-error 2:1']);
  });

  it('very long lines are read', () => {
    expect(lint(`optimizer: { name: adam, learningRate: 0.5, note: "${'x'.repeat(500_000)}" }\n`).found).toContain('learning-rate-range 1:40');
  });

  it('__proto__, constructor and prototype keys are data, never prototypes', () => {
    // Read as native whatever detection thinks of a file that is mostly foreign keys: the point is the reading.
    const text = '__proto__: { polluted: 1 }\noptimizer: { __proto__: { x: 1 }, constructor: 1, prototype: 2, name: adam, learningRate: 0.5 }\n';
    const found = lintText(text, { filePath: 'x.yaml', inputFormat: 'native' }).diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column}`);
    expect(found).toContain('learning-rate-range 2:91');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('!!python tags are reported, never resolved or executed', () => {
    const result = lint('optimizer: !!python/object/apply:os.system ["touch /tmp/hplint-pwned"]\n');
    expect(result.found).toContain('unsafe-yaml-tag 1:12');
  });

  it('an alias bomb is a parse-error, not an out-of-memory', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 9; i++) lines.push(`l${i}: &l${i} [${Array(9).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    expect(lint(lines.join('\n') + '\n').found).toEqual(['parse-error 1:1']);
  });

  it('a document that contains itself through an alias is a parse-error, not a stack overflow', () => {
    expect(lint('optimizer: &a { name: adam, x: [*a] }\n').found).toEqual(['parse-error 1:1']);
  });

  it('a !!python tag is reported in any YAML file, even one that is not a training config', () => {
    expect(lint('deploy: !!python/object/apply:os.system ["rm -rf /"]\n')).toEqual({ format: 'unknown', found: ['unsafe-yaml-tag 1:9'] });
    expect(lint('Resources: { Bucket: !Ref MyBucket }\n')).toEqual({ format: 'unknown', found: [] });
  });
});
