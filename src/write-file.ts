import { randomBytes } from 'node:crypto';
import { closeSync, fchmodSync, fchownSync, fstatSync, fsyncSync, ftruncateSync, lstatSync, openSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';

/** A file hplint was asked to write and could not: the message names the file and the reason. */
export class WriteError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot write ${file}: ${reason}`);
    this.name = 'WriteError';
  }
}

export interface WriteOptions {
  /** The text hplint read from the file: if the file holds anything else now, it is left alone. */
  readonly expected?: string;
  /**
   * Refuse a path that is a symlink instead of writing its target: for files hplint names itself (the
   * cache), where a link found in a checkout could point anywhere.
   */
  readonly noLinks?: boolean;
}

/**
 * The one way hplint writes a file (`--fix`, `-o`, `advise --apply --out`, `--cache`):
 * - through a symlink to the file it points to, so the link stays a link;
 * - into a temporary file with a random name created exclusively (`wx`: a planted file or symlink makes it
 *   fail, never redirects it) in the target's own directory, then renamed over the target, so a crash never
 *   leaves a half-written config; the target's mode is kept;
 * - in place when the target has other hard links, so every name keeps seeing the same file;
 * - never over a read-only file, and never over an edit saved after hplint read the file (`expected`);
 * - straight into a device or a pipe (`-o /dev/stdout`), which has no file to replace.
 * Failures are WriteErrors that say which file and why.
 */
export function writeFileSafely(file: string, text: string, options: WriteOptions = {}): void {
  if (options.noLinks && isLink(file)) throw new WriteError(file, 'it is a symbolic link; it was not written through');
  const target = realTarget(file);
  const existing = statOrUndefined(target, file);
  if (existing?.isDirectory()) throw new WriteError(file, 'it is a directory');
  if (existing && !existing.isFile()) {
    // A device or a pipe (`-o /dev/stdout`): there is no file to replace, only a stream to write.
    writeStream(target, file, text);
    return;
  }
  if (existing && (existing.mode & 0o222) === 0) throw new WriteError(file, 'the file is read-only; it was not rewritten');
  if (existing && existing.nlink > 1) {
    unchangedSince(target, file, options.expected);
    writeInPlace(target, file, text);
    return;
  }
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(8).toString('hex')}.hplint.tmp`);
  try {
    const fd = openOrFail(temporary, file, existing ? existing.mode & 0o7777 : 0o644);
    try {
      if (existing) keepMetadata(fd, existing);
      writeAll(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    unchangedSince(target, file, options.expected);
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error instanceof WriteError ? error : new WriteError(file, reasonOf(error));
  }
}

/** The replaced file's mode, and its owner when hplint runs as root (a pre-commit hook in a container, say). */
function keepMetadata(fd: number, existing: Stats): void {
  fchmodSync(fd, existing.mode & 0o7777);
  if (process.getuid?.() === 0) fchownSync(fd, existing.uid, existing.gid);
}

/** The file a path names, through any symlinks; a new file's path with its directory resolved. */
function realTarget(file: string): string {
  try {
    return realpathSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new WriteError(file, reasonOf(error));
  }
  if (isLink(file)) throw new WriteError(file, 'it is a symbolic link to a missing file');
  try {
    return path.join(realpathSync(path.dirname(path.resolve(file))), path.basename(file));
  } catch (error) {
    throw new WriteError(file, reasonOf(error));
  }
}

function isLink(file: string): boolean {
  try {
    return lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

function statOrUndefined(target: string, file: string): Stats | undefined {
  try {
    return statSync(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new WriteError(file, reasonOf(error));
  }
}

function openOrFail(temporary: string, file: string, mode: number): number {
  try {
    return openSync(temporary, 'wx', mode);
  } catch (error) {
    throw new WriteError(file, reasonOf(error));
  }
}

function unchangedSince(target: string, file: string, expected: string | undefined): void {
  if (expected === undefined) return;
  let now: string | undefined;
  try {
    now = readFileSync(target, 'utf8');
  } catch {
    now = undefined;
  }
  if (now !== expected) throw new WriteError(file, 'it changed since hplint read it; it was not rewritten (run hplint again)');
}

/** For a file with several hard links: truncate and write the same inode (not atomic, but no link breaks). */
function writeInPlace(target: string, file: string, text: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(target, 'r+');
    if (!fstatSync(fd).isFile()) throw new WriteError(file, 'not a regular file');
    ftruncateSync(fd, 0);
    writeAll(fd, text);
    fsyncSync(fd);
  } catch (error) {
    throw error instanceof WriteError ? error : new WriteError(file, reasonOf(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function writeStream(target: string, file: string, text: string): void {
  try {
    const fd = openSync(target, 'w');
    try {
      writeAll(fd, text, false);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    throw new WriteError(file, reasonOf(error));
  }
}

function writeAll(fd: number, text: string, positioned = true): void {
  const bytes = Buffer.from(text, 'utf8');
  let written = 0;
  while (written < bytes.length) written += writeSync(fd, bytes, written, bytes.length - written, positioned ? written : null);
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'it is a directory',
  ENOENT: 'no such directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'a file with the temporary name appeared meanwhile',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EXDEV: 'cross-device rename',
  EPIPE: 'the reader closed the pipe',
};

/** A person's reason for a failed system call, with its code for searching. */
export function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === undefined) return error instanceof Error ? error.message : String(error);
  return REASONS[code] ? `${REASONS[code]} (${code})` : code;
}

/**
 * The input that `output` is (the same name, a symlink to it or a hard link of it), if any: `-o` and `--out`
 * must never overwrite what the run reads.
 */
export function inputAt(output: string, inputs: readonly string[]): string | undefined {
  let written: Stats;
  try {
    written = statSync(output);
  } catch {
    // Nothing there yet (or nothing readable): it cannot be an input that was read.
    return inputs.find((input) => path.resolve(input) === path.resolve(output));
  }
  return inputs.find((input) => {
    if (path.resolve(input) === path.resolve(output)) return true;
    try {
      const read = statSync(input);
      return read.dev === written.dev && read.ino === written.ino;
    } catch {
      return false;
    }
  });
}
