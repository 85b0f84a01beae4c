#!/usr/bin/env node
// Regenerates the files derived from code: schema/hplint.schema.json (from src/model/schema.ts), the
// rules table in README.md and the header line of each docs/rules/<id>.md (from rule metadata). Run after
// `npm run build`; tests fail when these drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { hplintSchema, RULES } from '../dist/index.js';
import { renderRulesTable, RULES_TABLE_START, RULES_TABLE_END } from '../dist/cli/rules.js';
import { withRuleDocHeader } from '../dist/cli/rule-docs.js';

const root = new URL('../', import.meta.url);
writeFileSync(new URL('schema/hplint.schema.json', root), JSON.stringify(hplintSchema, null, 2) + '\n');

const readmeUrl = new URL('README.md', root);
const readme = readFileSync(readmeUrl, 'utf8');
const start = readme.indexOf(RULES_TABLE_START);
const end = readme.indexOf(RULES_TABLE_END);
if (start < 0 || end < 0) throw new Error('README.md has no rules-table markers');
const table = renderRulesTable(RULES);
writeFileSync(readmeUrl, readme.slice(0, start + RULES_TABLE_START.length) + '\n' + table + readme.slice(end));
for (const rule of RULES) {
  const page = new URL(`docs/rules/${rule.id}.md`, root);
  writeFileSync(page, withRuleDocHeader(readFileSync(page, 'utf8'), rule));
}
console.log(`wrote schema/hplint.schema.json, the README rules table and ${RULES.length} rule docs headers`);
