import type { Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { ADAPTERS } from '../../src/adapters/index.js';
import { buildProgram } from '../../src/cli/main.js';
import plugin from '../../src/eslint-plugin/index.js';
import { RULES } from '../../src/rules/index.js';

/**
 * What a new rule or input format needs is registered once: the CLI, the ESLint plugin and the bench read
 * the registries instead of keeping their own lists.
 */
describe('registered once', () => {
  const program = buildProgram({ stdout: () => {}, stderr: () => {} });
  const choicesOf = (command: string, flag: string) =>
    program.commands.find((c) => c.name() === command)!.options.find((o: Option) => o.long === flag)!.argChoices;

  it('offers every adapter, and only those, as --input-format', () => {
    const names = ADAPTERS.map((adapter) => adapter.name);
    expect(choicesOf('check', '--input-format')).toEqual(names);
    expect(choicesOf('advise', '--input-format')).toEqual(names);
  });

  it('gives the ESLint plugin exactly the rules whose metadata says they apply to code', () => {
    expect(Object.keys(plugin.rules).sort()).toEqual(RULES.filter((rule) => rule.meta.code).map((rule) => rule.id).sort());
  });

  it('holds each rule once, under its own id', () => {
    expect(new Set(RULES.map((rule) => rule.id)).size).toBe(RULES.length);
  });
});
