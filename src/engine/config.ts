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

/**
 * Config files hplint will not read: JavaScript runs when it is loaded, and hplint never executes config
 * content. Finding one stops the run (exit 2) instead of silently linting without it.
 */
const EXECUTABLE_CONFIG = /^(hplint\.config|\.hplintrc)\.(js|mjs|cjs|ts|mts|cts)$/;
const EXECUTABLE_CONFIG_NAMES = ['js', 'mjs', 'cjs', 'ts', 'mts', 'cts'].flatMap((ext) => [`hplint.config.${ext}`, `.hplintrc.${ext}`]);

function refuseExecutable(filePath: string): never {
  throw new ConfigError(`${filePath}: hplint does not run JavaScript configs (it never executes config content); write hplint.config.yaml or hplint.config.json instead`);
}

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
  /** Whether the file states `extends` (else `recommended` is assumed, and a parent config's preset applies). */
  readonly extendsStated: boolean;
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
  if (EXECUTABLE_CONFIG.test(path.basename(absolute))) refuseExecutable(filePath);
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
    extendsStated: data.extends !== undefined,
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

/** The configs that apply to a file, outermost first: one config, a chain from the repository root, or none. */
export type ConfigChain = HplintConfig | readonly HplintConfig[] | undefined;

function layers(configs: ConfigChain): readonly HplintConfig[] {
  return configs === undefined ? [] : Array.isArray(configs) ? configs : [configs as HplintConfig];
}

/** Ignored when any config of the chain ignores it (each config's globs relative to its own directory). */
export function isIgnored(configs: ConfigChain, file: string): boolean {
  return layers(configs).some((config) => config.ignores.length > 0 && picomatch(config.ignores as string[], { dot: true })(relativeTo(config, file)));
}

/** One config's own settings for a file: its `rules`, then every matching override in order. */
function ownSettings(config: HplintConfig, file: string): RuleSettings[] {
  const relative = relativeTo(config, file);
  return [config.rules, ...config.overrides.filter((o) => picomatch(o.files as string[], { dot: true })(relative)).map((o) => o.rules)];
}

/**
 * The rule settings for one file, merged as ESLint's flat config merges its config objects, later winning:
 * the preset (the `extends` of the nearest config that states one, else `recommended`), then each config
 * from the repository root down to the file's directory — its `rules`, then its matching overrides.
 */
export function settingsFor(configs: ConfigChain, file: string, rules: readonly AnyRule[]): RuleSettings {
  let settings = presetSettings(presetOf(configs), rules);
  for (const config of layers(configs)) for (const own of ownSettings(config, file)) settings = mergeSettings(settings, own);
  return settings;
}

/** The preset of a chain: the `extends` of the nearest config that states one, else `recommended`. */
export function presetOf(configs: ConfigChain): PresetName {
  return [...layers(configs)].reverse().find((c) => c.extendsStated)?.extends ?? 'recommended';
}

/** A nested config turning off, for one file, a rule that a config above it turns on. */
export interface DisabledRule {
  readonly ruleId: string;
  /** The nested config that turns it off. */
  readonly by: string;
  /** The config above it that turns it on. */
  readonly over: string;
}

/** What nested configs turn off of their parents' explicit settings: shown, so it never happens silently. */
export function disabledRules(configs: ConfigChain, file: string): DisabledRule[] {
  const chain = layers(configs);
  const enabledBy = new Map<string, string>();
  const disabled: DisabledRule[] = [];
  for (const config of chain) {
    for (const own of ownSettings(config, file)) {
      for (const [id, setting] of Object.entries(own)) {
        const severity = Array.isArray(setting) ? setting[0] : setting;
        const over = enabledBy.get(id);
        if (severity !== 'off') enabledBy.set(id, config.filePath);
        else if (over !== undefined && over !== config.filePath) {
          disabled.push({ ruleId: id, by: config.filePath, over });
          enabledBy.delete(id);
        }
      }
    }
  }
  return disabled;
}

/**
 * Finds the configs that apply to each file: one per directory (the first name of CONFIG_FILE_NAMES found),
 * from the file's directory up to the repository root — the first directory with a `.git` — or the
 * filesystem root outside a repository. A config above the checkout is never read. Remembers every
 * directory it saw.
 */
export class ConfigFinder {
  private readonly byDirectory = new Map<string, readonly HplintConfig[]>();
  private readonly byFile = new Map<string, HplintConfig | undefined>();

  constructor(private readonly rules: readonly AnyRule[]) {}

  /** The nearest config. */
  configFor(file: string): HplintConfig | undefined {
    return this.chainFor(file).at(-1);
  }

  /** Every config that applies, the repository root's first. */
  chainFor(file: string): readonly HplintConfig[] {
    return this.inDirectory(path.dirname(path.resolve(file)));
  }

  private inDirectory(directory: string): readonly HplintConfig[] {
    const known = this.byDirectory.get(directory);
    if (known) return known;
    const parent = path.dirname(directory);
    const above = parent === directory || existsSync(path.join(directory, '.git')) ? [] : this.inDirectory(parent);
    const found = this.configFileIn(directory);
    const config = found ? this.load(found) : undefined;
    const chain = config ? [...above, config] : above;
    this.byDirectory.set(directory, chain);
    return chain;
  }

  private configFileIn(directory: string): string | undefined {
    const executable = EXECUTABLE_CONFIG_NAMES.find((name) => existsSync(path.join(directory, name)));
    if (executable) refuseExecutable(path.relative(process.cwd(), path.join(directory, executable)) || executable);
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

