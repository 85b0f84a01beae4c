import { chmodSync, existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Replaces a file's content atomically: the new text goes to a temporary file beside it, which is renamed
 * over the original, so an interrupted `--fix` never leaves a half-written config. The file's mode is kept
 * (a new file gets 0644).
 */
export function writeFileAtomic(file: string, text: string): void {
  const mode = existsSync(file) ? statSync(file).mode : 0o644;
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.hplint-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { mode });
    chmodSync(temporary, mode);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
