import { readdirSync, statSync } from 'node:fs';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../usage-error.js';
import { reasonOf } from '../write-file.js';

export interface Target {
  readonly path: string;
  /** Named on the command line: always read, even when it turns out not to be a config. */
  readonly explicit: boolean;
}

export interface Expansion {
  readonly targets: readonly Target[];
  /** Directories that could not be searched, as messages: reported and skipped, and the run exits 2. */
  readonly problems: readonly string[];
}

/** Configs, and training code (scripts and notebooks that import no framework are skipped after a text search). */
const CONFIG_FILE = /\.(ya?ml|json|py|ipynb)$/;
/** Never configs, and often not YAML-readable (JSON with comments): skipped when searching directories. */
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'site-packages']);
const SKIPPED_FILES = picomatch(['package.json', 'package-lock.json', 'tsconfig*.json', 'jsconfig*.json', '.eslintrc*']);

/**
 * Expands command-line operands: a file is read as named (even when its name has glob characters such as
 * `run[1].yaml`); a directory is searched for YAML/JSON, Python and notebooks; anything else is a glob. A missing path is a usage
 * error (exit 2), as a typo should not pass silently in CI.
 */
export async function expandTargets(operands: readonly string[], cwd: string): Promise<Expansion> {
  const seen = new Set<string>();
  const targets: Target[] = [];
  const problems: string[] = [];
  const add = (file: string, explicit: boolean) => {
    const key = path.resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ path: file, explicit });
  };
  for (const operand of operands) {
    const stats = statOrUndefined(path.resolve(cwd, operand), operand);
    if (!stats && isDynamicPattern(operand)) {
      const matches = await glob(operand, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], dot: false, followSymbolicLinks: false });
      if (matches.length === 0) throw new UsageError(`no files match the pattern "${operand}"`);
      for (const match of matches.sort()) add(match, true);
    } else if (!stats) {
      throw new UsageError(`no such file or directory: ${operand}`);
    } else if (stats.isDirectory()) {
      for (const match of searchDirectory(path.resolve(cwd, operand), problems, cwd)) add(path.join(operand, match), false);
    } else {
      add(operand, true);
    }
  }
  return { targets, problems };
}

function statOrUndefined(file: string, operand: string) {
  try {
    return statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UsageError(`cannot read ${operand}: ${reasonOf(error)}`);
  }
}

/**
 * The config-like files under a directory, relative to it with forward slashes, sorted. Symlinks are never
 * followed: a target inside the tree is found at its real place, one outside is not hplint's to read, and
 * a loop cannot form. Hidden entries, node_modules and dist are skipped. A directory that cannot be read is
 * reported in `problems` and skipped.
 */
function searchDirectory(root: string, problems: string[], cwd: string): string[] {
  const found: string[] = [];
  const walk = (directory: string, relative: string) => {
    let entries: Dirent[];
    try {
      entries = readdirSync(directory, { withFileTypes: true });
    } catch (error) {
      problems.push(`cannot read ${path.relative(cwd, directory) || directory}: ${reasonOf(error)}; skipped`);
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(path.join(directory, entry.name), child);
      } else if (entry.isFile() && CONFIG_FILE.test(entry.name) && !SKIPPED_FILES(entry.name)) {
        found.push(child);
      }
    }
  };
  walk(root, '');
  return found.sort();
}
