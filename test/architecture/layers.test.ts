import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering of eslint.config.js, exercised through ESLint's API on files that exist only in memory: an
 * upward import, a sibling import or a cycle fails `npm run lint`, the imports the architecture allows pass.
 */
const ROOT = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The layering problems ESLint reports for `code` as if it were the file at `file` (relative to the root). */
async function layering(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages.filter((m) => m.ruleId?.startsWith('import-x/')).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the layering lint', () => {
  it('rejects a low layer importing a high one', async () => {
    expect(await layering('src/model/upward.ts', "import { main } from '../cli/main.js';\nexport const probe = main;\n")).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*"\.\.\/cli\/main\.js".* model is below .*cli in hplint's layers/),
    ]);
    expect(await layering('src/engine/upward.ts', "import { RULES } from '../rules/index.js';\nexport const probe = RULES;\n")).toEqual([
      expect.stringMatching(/^import-x\/no-restricted-paths: .*engine is below rules/),
    ]);
  });

  it('rejects siblings importing each other, and anything importing the library entry', async () => {
    expect(await layering('src/formatters/sibling.ts', "import { advise } from '../advisor/advise.js';\nexport const probe = advise;\n")).toEqual([
      expect.stringMatching(/formatters and advisor are siblings/),
    ]);
    expect(await layering('src/cli/entry.ts', "import { lintFiles } from '../index.js';\nexport const probe = lintFiles;\n")).toEqual([
      expect.stringMatching(/src\/index\.ts is the library entry/),
    ]);
  });

  it('keeps the root utilities free of layers', async () => {
    expect(await layering('src/render/down.ts', "import { LIMITS } from '../source/limits.js';\nexport const probe = LIMITS;\n")).toEqual([
      expect.stringMatching(/Root utilities .* import none/),
    ]);
  });

  it('accepts imports downward, of root utilities, and the stated sibling exception', async () => {
    const cli = "import { lintWith } from '../engine/lint.js';\nimport { VERSION } from '../version.js';\nimport { plural } from '../render/text.js';\nexport const probe = [lintWith, VERSION, plural];\n";
    expect(await layering('src/cli/down.ts', cli)).toEqual([]);
    const advisor = "import type { Evidence } from '../bench/evidence-format.js';\nexport type Probe = Evidence;\n";
    expect(await layering('src/advisor/evidence-reader.ts', advisor)).toEqual([]);
  });

  it('rejects an import cycle', async () => {
    const file = 'src/engine/suppressions.ts';
    const cyclic = readFileSync(path.join(ROOT, file), 'utf8') + "import { lintWith } from './lint.js';\nexport const probe = lintWith;\n";
    expect(await layering(file, cyclic)).toEqual([expect.stringMatching(/^import-x\/no-cycle: /)]);
  });
});
