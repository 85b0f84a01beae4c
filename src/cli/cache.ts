import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import type { Diagnostic, LintResult } from '../engine/lint.js';
import type { ResolvedRule } from '../engine/settings.js';
import { writeFileSafely, WriteError } from '../write-file.js';

/** Where `--cache` keeps its results unless `--cache-location` says otherwise (as ESLint's .eslintcache). */
export const DEFAULT_CACHE_LOCATION = '.hplintcache';

interface Entry {
  /** Hash of the file's content. */
  readonly content: string;
  /** Hash of everything else that decides the result: hplint's version, the rules and their options. */
  readonly settings: string;
  readonly result: Omit<LintResult, 'source'>;
  /** HMAC of the file's name, both hashes and the result, with this machine's cache key. */
  readonly checksum: string;
}

interface CacheFile {
  readonly version: string;
  readonly entries: Record<string, Entry>;
}

/**
 * Results of earlier runs, keyed by file, valid while both the file's content and the settings that lint
 * it are unchanged. A pre-commit hook that runs on every commit re-lints only what changed. A cache that
 * cannot be read (missing, corrupt, another version) is simply empty: it only ever saves time. So is an
 * entry that does not validate: of the wrong shape, or with a checksum this machine's key did not make —
 * a cache file edited by hand, or committed to a repository by someone else, cannot hide findings.
 */
export class LintCache {
  private readonly entries: Map<string, Entry>;
  private readonly settingsHashes = new WeakMap<readonly ResolvedRule[], string>();
  private dirty = false;

  private constructor(
    private readonly location: string,
    private readonly version: string,
    private readonly key: Buffer,
    entries: Record<string, unknown>,
  ) {
    this.entries = new Map(Object.entries(entries).filter((pair): pair is [string, Entry] => isEntry(pair[1])));
  }

  /** `key` signs the entries; by default this machine's (see `machineKey`). */
  static load(location: string, version: string, key: Buffer = machineKey()): LintCache {
    try {
      const file = JSON.parse(readFileSync(location, 'utf8')) as Partial<CacheFile> | null;
      if (file?.version === version && typeof file.entries === 'object' && file.entries !== null && !Array.isArray(file.entries)) return new LintCache(location, version, key, file.entries);
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
    return new LintCache(location, version, key, {});
  }

  get(file: string, text: string, rules: readonly ResolvedRule[], extra: string): LintResult | undefined {
    const entry = this.entries.get(file);
    if (!entry || entry.content !== hash(text) || entry.settings !== this.settingsHash(rules, extra)) return undefined;
    if (!sameDigest(entry.checksum, this.checksum(file, entry.content, entry.settings, entry.result))) return undefined;
    return { ...entry.result, source: text };
  }

  set(file: string, text: string, rules: readonly ResolvedRule[], extra: string, result: LintResult): void {
    const { source: _source, ...stored } = result;
    // Stored as it will be read back (JSON drops undefined fields), so the checksum matches on reading.
    const plain = JSON.parse(JSON.stringify(stored)) as Entry['result'];
    const content = hash(text);
    const settings = this.settingsHash(rules, extra);
    this.entries.set(file, { content, settings, result: plain, checksum: this.checksum(file, content, settings, plain) });
    this.dirty = true;
  }

  private checksum(file: string, content: string, settings: string, result: Entry['result']): string {
    return createHmac('sha256', this.key).update(JSON.stringify([file, content, settings, result])).digest('hex');
  }

  /** Writes the cache; a cache that cannot be written is reported, never fatal: it only saves time. */
  save(): string | undefined {
    if (!this.dirty) return undefined;
    const file: CacheFile = { version: this.version, entries: Object.fromEntries(this.entries) };
    try {
      mkdirSync(path.dirname(this.location), { recursive: true });
      writeFileSafely(this.location, JSON.stringify(file), { noLinks: true });
      this.dirty = false;
      return undefined;
    } catch (error) {
      return error instanceof WriteError ? error.message : `cannot write the cache ${this.location}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
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
  return createHash('sha256').update(text).digest('hex');
}

function sameDigest(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

const SEVERITIES: ReadonlySet<unknown> = new Set(['error', 'warning', 'info']);

/** An entry as this version writes it: anything else (an older layout, a hand edit, corruption) is skipped. */
function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  if (typeof entry.content !== 'string' || typeof entry.settings !== 'string' || typeof entry.checksum !== 'string') return false;
  const result = entry.result as Record<string, unknown> | null;
  if (typeof result !== 'object' || result === null) return false;
  if (typeof result.filePath !== 'string' || typeof result.format !== 'string' || typeof result.reason !== 'string') return false;
  return Array.isArray(result.diagnostics) && result.diagnostics.every(isDiagnostic);
}

function isDiagnostic(value: unknown): value is Diagnostic {
  if (typeof value !== 'object' || value === null) return false;
  const d = value as Record<string, unknown>;
  const positions = [d.line, d.column, d.endLine, d.endColumn].every((n) => Number.isInteger(n) && (n as number) >= 1);
  return typeof d.ruleId === 'string' && SEVERITIES.has(d.severity) && typeof d.message === 'string' && typeof d.path === 'string' && positions;
}

/**
 * This machine's key for signing cache entries: 32 random bytes in the user's cache directory (outside any
 * repository), created once, readable by the user only. Without a usable home, a key for this run only:
 * the cache then saves nothing across runs, but is never trusted blindly.
 */
export function machineKey(): Buffer {
  const directory = path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'hplint');
  const file = path.join(directory, 'cache-key');
  try {
    const existing = readFileSync(file, 'utf8').trim();
    if (/^[0-9a-f]{64}$/.test(existing)) return Buffer.from(existing, 'hex');
  } catch {
    // None yet: made below.
  }
  const key = randomBytes(32);
  try {
    mkdirSync(directory, { recursive: true, mode: 0o700 });
    const fd = openSync(file, 'wx', 0o600);
    try {
      writeSync(fd, key.toString('hex'));
    } finally {
      closeSync(fd);
    }
  } catch {
    // Another run made it meanwhile (use theirs next time), or there is nowhere to keep it.
  }
  return key;
}
