import path from 'node:path';
import { ConfigFinder, disabledRules, isIgnored, loadConfig, mergeSettings, settingsFor } from '../engine/config.js';
import type { DisabledRule, HplintConfig } from '../engine/config.js';
import type { AnyRule } from '../engine/rule.js';
import { ConfigError, resolveRules } from '../engine/settings.js';
import type { ResolvedRule, RuleSettings } from '../engine/settings.js';

export interface FileSettings {
  /** The nearest config file, if any. */
  readonly config?: HplintConfig;
  /** Every config file that applies, the repository root's first. */
  readonly configs: readonly HplintConfig[];
  /** Rules a nested config turns off that a config above it turns on (said on standard error, never silent). */
  readonly disabled: readonly DisabledRule[];
  readonly ignored: boolean;
  readonly settings: RuleSettings;
  readonly rules: readonly ResolvedRule[];
}

/**
 * The rules for each linted file: `--config FILE`, or the configs from the repository root down to the
 * file's directory merged in that order, then `--rule` flags on top. Files under one config resolve to a handful of distinct settings, so resolution is cached.
 */
export class SettingsResolver {
  private readonly finder: ConfigFinder;
  private readonly resolved = new Map<string, readonly ResolvedRule[]>();
  /** The settings of chains with no `overrides` or `ignores`: the same for every file under them. */
  private readonly byChain = new WeakMap<readonly HplintConfig[], FileSettings>();
  private readonly explicitChain?: readonly HplintConfig[];

  constructor(
    private readonly rules: readonly AnyRule[],
    private readonly cliRules: RuleSettings,
    configFile?: string,
  ) {
    this.finder = new ConfigFinder(rules);
    if (configFile) {
      const config = loadConfig(configFile, rules);
      if (!config) throw new ConfigError(`${configFile} has no "hplint" key`);
      this.explicitChain = [config];
    }
  }

  forFile(file: string): FileSettings {
    const absolute = path.resolve(file);
    const configs = this.explicitChain ?? this.finder.chainFor(absolute);
    // A file's own path matters only through overrides and ignores; without them the chain resolves once.
    const perFile = configs.some((c) => c.overrides.length > 0 || c.ignores.length > 0);
    const known = perFile ? undefined : this.byChain.get(configs);
    if (known) return known;
    const config = configs.at(-1);
    const settings = mergeSettings(settingsFor(configs, absolute, this.rules), this.cliRules);
    const key = JSON.stringify(settings);
    let rules = this.resolved.get(key);
    if (!rules) {
      rules = resolveRules(this.rules, settings);
      this.resolved.set(key, rules);
    }
    const resolved: FileSettings = { ...(config ? { config } : {}), configs, disabled: disabledRules(configs, absolute), ignored: isIgnored(configs, absolute), settings, rules };
    if (!perFile) this.byChain.set(configs, resolved);
    return resolved;
  }
}
