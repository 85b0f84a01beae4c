import path from 'node:path';
import { ConfigFinder, isIgnored, loadConfig, mergeSettings, settingsFor } from '../engine/config.js';
import type { HplintConfig } from '../engine/config.js';
import type { AnyRule } from '../engine/rule.js';
import { ConfigError, resolveRules } from '../engine/settings.js';
import type { ResolvedRule, RuleSettings } from '../engine/settings.js';

export interface FileSettings {
  /** The config file that applies, if any. */
  readonly config?: HplintConfig;
  readonly ignored: boolean;
  readonly settings: RuleSettings;
  readonly rules: readonly ResolvedRule[];
}

/**
 * The rules for each linted file: `--config FILE` or the nearest config file upward, then `--rule` flags
 * on top. Files under one config resolve to a handful of distinct settings, so resolution is cached.
 */
export class SettingsResolver {
  private readonly finder: ConfigFinder;
  private readonly explicit?: HplintConfig;
  private readonly resolved = new Map<string, readonly ResolvedRule[]>();

  constructor(
    private readonly rules: readonly AnyRule[],
    private readonly cliRules: RuleSettings,
    configFile?: string,
  ) {
    this.finder = new ConfigFinder(rules);
    if (configFile) {
      const config = loadConfig(configFile, rules);
      if (!config) throw new ConfigError(`${configFile} has no "hplint" key`);
      this.explicit = config;
    }
  }

  forFile(file: string): FileSettings {
    const absolute = path.resolve(file);
    const config = this.explicit ?? this.finder.configFor(absolute);
    const settings = mergeSettings(settingsFor(config, absolute, this.rules), this.cliRules);
    const key = JSON.stringify(settings);
    let rules = this.resolved.get(key);
    if (!rules) {
      rules = resolveRules(this.rules, settings);
      this.resolved.set(key, rules);
    }
    return { ...(config ? { config } : {}), ignored: isIgnored(config, absolute), settings, rules };
  }
}
