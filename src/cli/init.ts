import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAMES } from '../engine/config.js';
import { hplintSchema } from '../model/schema.js';
import { UsageError } from '../usage-error.js';

export const STARTER_CONFIG_NAME = 'hplint.config.yaml';

export const STARTER_CONFIG = `# hplint settings for the configs in this directory and below.
# Docs: https://github.com/hplint/hplint/blob/main/docs/integrations.md#configuration-files

# recommended: every rule at its catalogue severity (the default)
# strict: warnings become errors · all: advice (info) counts as warnings too
extends: recommended

# Per rule: off | info | warning | error | [severity, {options}]. List them with \`hplint rules\`.
rules: {}
#  learning-rate-range: [warning, {fineTuneLowDivisor: 100}]
#  kernel-size: off

# Other settings for some files; globs are relative to this file.
overrides: []
#  - files: ["experiments/**"]
#    rules:
#      search-grid-size: off

# Files hplint never reads.
ignores: []
#  - "third_party/**"
`;

/** `hplint init`: writes a starter config, never over an existing one. */
export function initCommand(cwd: string): string {
  const existing = CONFIG_FILE_NAMES.filter((name) => name !== 'package.json').find((name) => existsSync(path.join(cwd, name)));
  if (existing) throw new UsageError(`${existing} already exists: hplint init does not overwrite a config`);
  writeFileSync(path.join(cwd, STARTER_CONFIG_NAME), STARTER_CONFIG, { flag: 'wx' });
  return `hplint: wrote ${STARTER_CONFIG_NAME}\n`;
}

/** `hplint schema`: the native format's JSON Schema, as published in schema/hplint.schema.json. */
export function schemaCommand(): string {
  return JSON.stringify(hplintSchema, null, 2) + '\n';
}
