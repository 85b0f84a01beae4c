import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Ajv as AjvClass, ErrorObject } from 'ajv';
import { parseSource } from '../source/document.js';
import type { SourcePath } from '../source/range.js';
import { PRESET_NAMES, presetSettings } from './presets.js';
import type { PresetName } from './presets.js';
import type { AnyRule } from './rule.js';
import { ConfigError, isRuleSeverity, resolveRules } from './settings.js';
import type { RuleSetting, RuleSettings } from './settings.js';

/** Looked for in this order in each directory, from the linted file's directory upward. */
export const CONFIG_FILE_NAMES = [
  'hplint.config.yaml',
  'hplint.config.yml',
  'hplint.config.json',
  '.hplintrc.yaml',
  '.hplintrc.yml',
  '.hplintrc.json',
  'package.json',
] as const;

export interface Override {
  /** Globs relative to the config file's directory. */
  readonly files: readonly string[];
  readonly rules: RuleSettings;
}

/** A validated configuration file. */
export interface HplintConfig {
  /** Absolute path of the file it was read from. */
  readonly filePath: string;
  readonly extends: PresetName;
  readonly rules: RuleSettings;
  readonly overrides: readonly Override[];
  readonly ignores: readonly string[];
}

const SEVERITY_NAMES = ['off', 'info', 'warning', 'error'];

/** The shape of a config file; rule entries are checked against the registry separately, for better messages. */
export const CONFIG_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    extends: { enum: [...PRESET_NAMES] },
    rules: { type: 'object' },
    overrides: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['files'],
        properties: {
          files: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
          rules: { type: 'object' },
        },
      },
    },
    ignores: { type: 'array', items: { type: 'string', minLength: 1 } },
  },
} as const;

const require = createRequire(import.meta.url);

/**
 * Reads and validates a config file. Every problem is a ConfigError that names the file, line and column,
 * so a typo in a rule id stops the run (exit 2) instead of silently linting with other settings.
 * For package.json, the settings are its `hplint` key (undefined when it has none).
 */
export function loadConfig(configFile: string, rules: readonly AnyRule[]): HplintConfig | undefined {
  const absolute = path.resolve(configFile);
  // Messages name the file as a person in the working directory would.
  const filePath = path.relative(process.cwd(), absolute) || absolute;
  let text: string;
  try {
    text = readFileSync(absolute, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read config file ${filePath} (${(error as NodeJS.ErrnoException).code ?? 'unknown error'})`);
  }
  const document = parseSource(text, filePath);
  const problem = document.problems[0];
  if (problem) throw new ConfigError(`${filePath}:${problem.range.line}:${problem.range.column}: ${problem.message}`);
  const inPackage = path.basename(absolute) === 'package.json';
  const prefix: SourcePath = inPackage ? ['hplint'] : [];
  const root = inPackage ? (document.root as Record<string, unknown> | undefined)?.hplint : document.root;
  if (inPackage && root === undefined) return undefined;
  const fail = (at: SourcePath, message: string): never => {
    const range = document.rangeOf([...prefix, ...at]) ?? document.rangeOf(prefix);
    throw new ConfigError(`${filePath}:${range?.line ?? 1}:${range?.column ?? 1}: ${message}`);
  };
  validateShape(root ?? {}, fail);
  const data = (root ?? {}) as { extends?: PresetName; rules?: Record<string, unknown>; overrides?: { files: string[]; rules?: Record<string, unknown> }[]; ignores?: string[] };
  const checkRules = (settings: Record<string, unknown> | undefined, at: SourcePath): RuleSettings => {
    for (const [id, setting] of Object.entries(settings ?? {})) checkRuleSetting(id, setting, rules, (message) => fail([...at, id], message));
    return (settings ?? {}) as RuleSettings;
  };
  return {
    filePath: absolute,
    extends: data.extends ?? 'recommended',
    rules: checkRules(data.rules, ['rules']),
    overrides: (data.overrides ?? []).map((o, i) => ({ files: o.files, rules: checkRules(o.rules, ['overrides', i, 'rules']) })),
    ignores: data.ignores ?? [],
  };
}

function validateShape(root: unknown, fail: (at: SourcePath, message: string) => never): void {
  const { Ajv } = require('ajv') as { Ajv: typeof AjvClass };
  const validate = new Ajv({ strict: false }).compile(CONFIG_SCHEMA);
  if (validate(root)) return;
  const error = validate.errors![0]!;
  const at = pathOf(error.instancePath);
  fail(...describeError(error, at));
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describeError(error: ErrorObject, at: (string | number)[]): [SourcePath, string] {
  const where = at.length > 0 ? at.join('.') : 'the config';
  const params = error.params as { additionalProperty?: string; allowedValues?: unknown[]; type?: string };
  if (error.keyword === 'additionalProperties' && params.additionalProperty) {
    const allowed = at.length === 0 ? 'extends, rules, overrides, ignores' : 'files, rules';
    return [[...at, params.additionalProperty], `unknown key "${params.additionalProperty}" in ${where} (allowed: ${allowed})`];
  }
  if (error.keyword === 'enum') return [at, `${where} must be one of ${(params.allowedValues ?? []).join(', ')}`];
  if (error.keyword === 'type') return [at, `${where} must be ${params.type === 'array' ? 'a list' : `of type ${params.type}`}`];
  return [at, `${where} ${error.message ?? 'is invalid'}`];
}

/** One `rules` entry: a known id, a severity or `[severity, options]`, and options the rule accepts. */
function checkRuleSetting(id: string, setting: unknown, rules: readonly AnyRule[], fail: (message: string) => never): void {
  const rule = rules.find((r) => r.id === id);
  if (!rule) fail(`unknown rule "${id}" (see \`hplint rules\`)`);
  const [severity, options, ...rest] = Array.isArray(setting) ? setting : [setting];
  if (!isRuleSeverity(severity)) fail(`rule "${id}": the severity must be one of ${SEVERITY_NAMES.join(', ')}, not ${JSON.stringify(severity)}`);
  if (rest.length > 0 || (options !== undefined && (typeof options !== 'object' || options === null || Array.isArray(options)))) {
    fail(`rule "${id}": write a severity or [severity, {options}]`);
  }
  try {
    resolveRules([rule!], { [id]: setting as RuleSetting });
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** A later setting wins; a bare severity keeps the options set earlier (ESLint's merge). */
export function mergeSettings(base: RuleSettings, next: RuleSettings): RuleSettings {
  const merged: Record<string, RuleSetting> = { ...base };
  for (const [id, setting] of Object.entries(next)) {
    const previous = merged[id];
    const previousOptions = typeof previous === 'string' ? undefined : previous?.[1];
    merged[id] = typeof setting === 'string' && previousOptions ? [setting, previousOptions] : setting;
  }
  return merged;
}

/** The path of `file` relative to the config's directory, with forward slashes, as globs see it. */
function relativeTo(config: HplintConfig, file: string): string {
  return path.relative(path.dirname(config.filePath), path.resolve(file)).split(path.sep).join('/');
}

export function isIgnored(config: HplintConfig | undefined, file: string): boolean {
  return config !== undefined && config.ignores.length > 0 && picomatch(config.ignores as string[], { dot: true })(relativeTo(config, file));
}

/** The rule settings for one file: the preset, then `rules`, then every matching override in order. */
export function settingsFor(config: HplintConfig | undefined, file: string, rules: readonly AnyRule[]): RuleSettings {
  if (!config) return presetSettings('recommended', rules);
  let settings = mergeSettings(presetSettings(config.extends, rules), config.rules);
  const relative = relativeTo(config, file);
  for (const override of config.overrides) {
    if (picomatch(override.files as string[], { dot: true })(relative)) settings = mergeSettings(settings, override.rules);
  }
  return settings;
}

/** Finds the config that applies to each file, from its directory upward; remembers every directory it saw. */
export class ConfigFinder {
  private readonly byDirectory = new Map<string, HplintConfig | undefined>();
  private readonly byFile = new Map<string, HplintConfig | undefined>();

  constructor(private readonly rules: readonly AnyRule[]) {}

  configFor(file: string): HplintConfig | undefined {
    return this.inDirectory(path.dirname(path.resolve(file)));
  }

  private inDirectory(directory: string): HplintConfig | undefined {
    if (this.byDirectory.has(directory)) return this.byDirectory.get(directory);
    const parent = path.dirname(directory);
    const found = this.configFileIn(directory);
    const config = found ? this.load(found) : parent === directory ? undefined : this.inDirectory(parent);
    this.byDirectory.set(directory, config);
    return config;
  }

  private configFileIn(directory: string): string | undefined {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = path.join(directory, name);
      if (!existsSync(candidate)) continue;
      if (name !== 'package.json' || hasHplintKey(candidate)) return candidate;
    }
    return undefined;
  }

  private load(file: string): HplintConfig | undefined {
    if (!this.byFile.has(file)) this.byFile.set(file, loadConfig(file, this.rules));
    return this.byFile.get(file);
  }
}

function hasHplintKey(packageJson: string): boolean {
  try {
    const data = JSON.parse(readFileSync(packageJson, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && Object.hasOwn(data, 'hplint');
  } catch {
    // A broken package.json is npm's business, not hplint's: it simply holds no hplint settings.
    return false;
  }
}

