import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LintResult } from '../engine/lint.js';
import type { ResolvedRule } from '../engine/settings.js';
import { writeFileSafely } from './write.js';

/** Where `--cache` keeps its results unless `--cache-location` says otherwise (as ESLint's .eslintcache). */
export const DEFAULT_CACHE_LOCATION = '.hplintcache';

interface Entry {
  /** Hash of the file's content. */
  readonly content: string;
  /** Hash of everything else that decides the result: hplint's version, the rules and their options. */
  readonly settings: string;
  readonly result: Omit<LintResult, 'source'>;
}

interface CacheFile {
  readonly version: string;
  readonly entries: Record<string, Entry>;
}

/**
 * Results of earlier runs, keyed by file, valid while both the file's content and the settings that lint
 * it are unchanged. A pre-commit hook that runs on every commit re-lints only what changed. A cache that
 * cannot be read (missing, corrupt, another version) is simply empty: it only ever saves time.
 */
export class LintCache {
  private readonly entries: Map<string, Entry>;
  private readonly settingsHashes = new WeakMap<readonly ResolvedRule[], string>();
  private dirty = false;

  private constructor(
    private readonly location: string,
    private readonly version: string,
    entries: Record<string, Entry>,
  ) {
    this.entries = new Map(Object.entries(entries));
  }

  static load(location: string, version: string): LintCache {
    try {
      const file = JSON.parse(readFileSync(location, 'utf8')) as CacheFile;
      if (file.version === version && typeof file.entries === 'object' && file.entries !== null) return new LintCache(location, version, file.entries);
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return new LintCache(location, version, {});
  }

  get(file: string, text: string, rules: readonly ResolvedRule[], extra: string): LintResult | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.content !== hash(text) || entry.settings !== this.settingsHash(rules, extra)) return undefined;
    return { ...entry.result, source: text };
  }

  set(file: string, text: string, rules: readonly ResolvedRule[], extra: string, result: LintResult): void {
    const { source: _source, ...stored } = result;
    this.entries.set(file, { content: hash(text), settings: this.settingsHash(rules, extra), result: stored });
    this.dirty = true;
  }

  /** Writes the cache; a cache that cannot be written is reported, never fatal: it only saves time. */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    const file: CacheFile = { version: this.version, entries: Object.fromEntries(this.entries) };
    try {
      mkdirSync(path.dirname(this.location), { recursive: true });
      writeFileSafely(this.location, JSON.stringify(file));
      this.dirty = false;
      return undefined;
    } catch (error) {
      return `could not write the cache ${this.location}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    }
  }

  /** One hash per distinct resolved rule list (files under the same config share it). */
  private settingsHash(rules: readonly ResolvedRule[], extra: string): string {
    let base = this.settingsHashes.get(rules);
    if (base === undefined) {
      base = hash(JSON.stringify(rules.map((r) => [r.rule.id, r.severity, r.options])));
      this.settingsHashes.set(rules, base);
    }
    return hash(`${this.version}\n${base}\n${extra}`);
  }
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}
