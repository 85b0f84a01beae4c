import { readFileSync } from 'node:fs';
import AjvDraft04 from 'ajv-draft-04';
import { describe, expect, it } from 'vitest';
import { lintText } from '../../src/rules/index.js';
import { sarif } from '../../src/formatters/sarif.js';
import { sharedPath, withoutShared } from '../helpers/shared.js';
import { clean, context, results } from './fixtures.js';

describe('sarif formatter', () => {
  it.skipIf(withoutShared('sarif formatter: validation against the SARIF 2.1.0 schema in ../shared/schemas'))('validates against the SARIF 2.1.0 schema, with and without results', () => {
    const schema = JSON.parse(readFileSync(sharedPath('schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
    // A CommonJS module: its default export sits on `.default` under NodeNext typing.
    const validate = new AjvDraft04.default({ allErrors: true, strict: false, logger: false }).compile(schema);
    for (const set of [results(), clean(), [lintText('a: [1\n', { filePath: 'broken.yaml' })]]) {
      const log = JSON.parse(sarif(set, context));
      expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('describes the tool and every rule as GitHub code scanning needs', () => {
    const log = JSON.parse(sarif(results(), context));
    const driver = log.runs[0].tool.driver;
    expect(driver).toMatchObject({ name: 'hplint', version: '0.1.0', informationUri: 'https://github.com/hplint/hplint' });
    const rule = driver.rules.find((r: { id: string }) => r.id === 'learning-rate-range');
    expect(rule.shortDescription.text).toMatch(/learning rate/);
    expect(rule.fullDescription.text).toMatch(/GUIDE §5, §7, §4.5, tier 1/);
    expect(rule.help.text).toContain('https://github.com/hplint/hplint/blob/main/docs/rules/learning-rate-range.md');
    expect(rule.help.markdown).toContain('[Documentation](https://github.com/hplint/hplint/blob/main/docs/rules/learning-rate-range.md)');
    expect(rule.help.markdown).toContain('GUIDE [§5](https://github.com/hplint/hplint/blob/main/docs/guide.md#s5), [§7](https://github.com/hplint/hplint/blob/main/docs/guide.md#s7)');
    expect(rule.defaultConfiguration).toEqual({ level: 'warning' });
    expect(driver.rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(['parse-error', 'internal-error']));
  });

  it('gives each result its rule index, level, a relative URI and a 1-based region', () => {
    const log = JSON.parse(sarif(results(), context));
    const [result] = log.runs[0].results;
    const rules = log.runs[0].tool.driver.rules;
    expect(rules[result.ruleIndex].id).toBe('learning-rate-range');
    expect(result).toMatchObject({ ruleId: 'learning-rate-range', level: 'warning' });
    expect(result.message.text).toMatch(/^Adam learning rate 0.5 is above .* Suggestion: Set optimizer.learningRate to 0.01/);
    expect(result.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'configs/bad%20run.yaml', uriBaseId: '%SRCROOT%' },
          region: { startLine: 3, startColumn: 17, endLine: 3, endColumn: 20 },
        },
        logicalLocations: [{ fullyQualifiedName: '/optimizer/learningRate', kind: 'member' }],
      },
    ]);
    expect(result.partialFingerprints['hplint/v1']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('keeps a fingerprint when the problem moves to another line', () => {
    const print = (text: string) => JSON.parse(sarif([lintText(text, { filePath: 'a.yaml' })], context)).runs[0].results[0].partialFingerprints;
    expect(print('optimizer: {name: adam, learningRate: 0.5}\n')).toEqual(print('# moved\n\noptimizer: {name: adam, learningRate: 0.5}\n'));
  });

  it('writes results: [] when nothing is found and maps info to note', () => {
    expect(JSON.parse(sarif(clean(), context)).runs[0].results).toEqual([]);
    const info = lintText('training: {batchSize: 2048}\n', { filePath: 'a.yaml' });
    const levels = JSON.parse(sarif([info], context)).runs[0].results.map((r: { level: string }) => r.level);
    expect(levels).toEqual(['note']);
  });
});
