import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The shared, read-only material that may sit beside the repository root (../shared): real third-party configs
 * (corpus/, with INDEX.tsv) and the SARIF 2.1.0 schema. It never enters the repository, so a clone on its own
 * has none of it: tests that need it are skipped there, with a note saying so (see `withoutShared`).
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const EXPECTED = path.resolve(ROOT, '../shared');

/** The absolute path of ../shared, or undefined when the repository stands alone. */
export const SHARED: string | undefined = existsSync(EXPECTED) ? EXPECTED : undefined;

/**
 * True when ../shared is absent, after printing a note that `what` is skipped: pass the result to
 * `describe.skipIf` / `it.skipIf`, so a skipped test is visible in the run and says what it would have checked.
 */
export function withoutShared(what: string): boolean {
  if (SHARED !== undefined) return false;
  console.warn(`[hplint tests] skipped: ${what} (needs ../shared beside the repository, not present at ${EXPECTED})`);
  return true;
}

/** A path inside ../shared; only call it from a test that `withoutShared` guards. */
export function sharedPath(...parts: string[]): string {
  if (SHARED === undefined) throw new Error(`../shared is absent (${EXPECTED}): guard this test with withoutShared()`);
  return path.join(SHARED, ...parts);
}

/** The text of a real config, ../shared/corpus/<kind>/<file> (kinds: hf, keras, lightning, other, yolo). */
export function corpusText(kind: string, file: string): string {
  return readFileSync(sharedPath('corpus', kind, file), 'utf8');
}

/** The real configs of one corpus kind, sorted; none when ../shared is absent (the guarded tests then collect nothing). */
export function corpusFiles(kind: string): string[] {
  return SHARED === undefined ? [] : readdirSync(sharedPath('corpus', kind)).sort();
}
