import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleDocHeader, RULE_DOC_HEADER_LINE } from '../src/cli/rule-docs.js';
import { renderRulesTable, RULES_TABLE_END, RULES_TABLE_START } from '../src/cli/rules.js';
import { hplintSchema } from '../src/model/schema.js';
import { RULES } from '../src/rules/index.js';

/** Files derived from code are committed for users and editors; `npm run generate` rewrites them. */
describe('generated files are up to date (run `npm run generate`)', () => {
  it('schema/hplint.schema.json matches src/model/schema.ts', () => {
    const published = JSON.parse(readFileSync(new URL('../schema/hplint.schema.json', import.meta.url), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(hplintSchema)));
  });

  it('the README rules table matches rule metadata', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const table = readme.slice(readme.indexOf(RULES_TABLE_START) + RULES_TABLE_START.length, readme.indexOf(RULES_TABLE_END));
    expect(table.trim()).toBe(renderRulesTable(RULES).trim());
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('the header line of docs/rules/%s.md matches its metadata', (id, rule) => {
    const page = readFileSync(new URL(`../docs/rules/${id}.md`, import.meta.url), 'utf8');
    expect(page.split('\n')[RULE_DOC_HEADER_LINE]).toBe(ruleDocHeader(rule));
  });
});
