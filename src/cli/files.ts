import { statSync } from 'node:fs';
import path from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../usage-error.js';

export interface Target {
  readonly path: string;
  /** Named on the command line: always read, even when it turns out not to be a config. */
  readonly explicit: boolean;
}

/** Configs, and training code (scripts and notebooks that import no framework are skipped after a text search). */
const CONFIG_FILES = '**/*.{yaml,yml,json,py,ipynb}';
/** Never configs, and often not YAML-readable (JSON with comments): skipped when searching directories. */
const DIRECTORY_IGNORES = [
  '**/node_modules/**',
  '**/.git/**',
  '**/dist/**',
  '**/package.json',
  '**/package-lock.json',
  '**/tsconfig*.json',
  '**/jsconfig*.json',
  '**/.eslintrc*',
  '**/.vscode/**',
  '**/.ipynb_checkpoints/**',
  '**/.venv/**',
  '**/site-packages/**',
];

/**
 * Expands command-line operands: a file is read as named; a directory is searched for YAML/JSON, Python and notebooks; a glob
 * is matched. A missing path is a usage error (exit 2), as a typo should not pass silently in CI.
 */
export async function expandTargets(operands: readonly string[], cwd: string): Promise<Target[]> {
  const seen = new Set<string>();
  const targets: Target[] = [];
  const add = (file: string, explicit: boolean) => {
    const key = path.resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ path: file, explicit });
  };
  for (const operand of operands) {
    if (isDynamicPattern(operand)) {
      const matches = await glob(operand, { cwd, ignore: ['**/node_modules/**', '**/.git/**'], dot: false });
      if (matches.length === 0) throw new UsageError(`no files match the pattern "${operand}"`);
      for (const match of matches.sort()) add(match, true);
      continue;
    }
    let stats;
    try {
      stats = statSync(path.resolve(cwd, operand));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(code === 'ENOENT' ? `no such file or directory: ${operand}` : `cannot read ${operand} (${code ?? 'unknown error'})`);
    }
    if (stats.isDirectory()) {
      const matches = await glob(CONFIG_FILES, { cwd: path.resolve(cwd, operand), ignore: DIRECTORY_IGNORES, dot: false });
      for (const match of matches.sort()) add(path.join(operand, match), false);
    } else {
      add(operand, true);
    }
  }
  return targets;
}
