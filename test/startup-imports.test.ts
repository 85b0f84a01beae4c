import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `hplint check` starts on every commit in a pre-commit hook: it must not load TF.js, TypeScript or
 * ESLint. This walks the static import graph from the CLI entry (dynamic `import()` is how heavy modules
 * are loaded lazily, so it is not followed) and lists every package the start-up path pulls in.
 */
const SRC = path.resolve(import.meta.dirname, '../src');
const HEAVY = /^(@tensorflow\/|typescript$|eslint$|@typescript-eslint\/|mnist$|vitest|fast-check)/;

function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'";]*?\s+from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm)) {
    specifiers.push((match[1] ?? match[2])!);
  }
  return specifiers;
}

function packagesReachedFrom(entry: string): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of staticImports(file)) {
      if (specifier.startsWith('.')) visit(path.resolve(path.dirname(file), specifier).replace(/\.js$/, '.ts'));
      else packages.add(specifier);
    }
  };
  visit(entry);
  return packages;
}

describe('start-up path of hplint check', () => {
  it('imports no heavy module statically', () => {
    const packages = [...packagesReachedFrom(path.join(SRC, 'cli/main.ts'))];
    expect(packages.filter((p) => HEAVY.test(p))).toEqual([]);
    expect(packages).toContain('yaml');
  });

  it('the advise command imports no heavy module either', () => {
    const packages = [...packagesReachedFrom(path.join(SRC, 'cli/advise.ts'))];
    expect(packages.filter((p) => HEAVY.test(p))).toEqual([]);
  });

  it('the library entry does not pull in the ESLint plugin or the bench', () => {
    const packages = [...packagesReachedFrom(path.join(SRC, 'index.ts'))];
    expect(packages.filter((p) => HEAVY.test(p))).toEqual([]);
  });
});
