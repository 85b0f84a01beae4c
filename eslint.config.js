// @ts-check
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * hplint's layers, lowest first: data flows source → model → knowledge → adapters → engine → rules →
 * {formatters, advisor, bench, eslint-plugin} → cli. A layer imports only from layers below it; the four
 * consumers of the rules sit side by side and do not import each other. src/version.ts, src/usage-error.ts, src/write-file.ts
 * and src/render/ are root utilities any layer may use (they import no layer); src/index.ts, the library
 * entry, may import anything and nothing imports it. CONTRIBUTING.md draws the same picture.
 */
export const LAYERS = [['source'], ['model'], ['knowledge'], ['adapters'], ['engine'], ['rules'], ['formatters', 'advisor', 'bench', 'eslint-plugin'], ['cli']];

/**
 * Sibling imports the layering allows, each for a stated reason: the advisor reads the evidence file the bench
 * writes, so it shares the bench's type of that file.
 */
const SIBLING_EXCEPTIONS = { advisor: { bench: ['./evidence-format.ts'] } };

/** `import-x/no-restricted-paths` zones: each layer's directory may not import from any directory above it, nor from a sibling. */
function layerZones() {
  const dir = (name) => `./src/${name}`;
  return LAYERS.flatMap((group, level) =>
    group.flatMap((name) => {
      const above = LAYERS.slice(level + 1).flat();
      const siblings = group.filter((other) => other !== name);
      return [
        ...(above.length > 0
          ? [{ target: dir(name), from: above.map(dir), message: `${name} is below ${above.join(', ')} in hplint's layers (see CONTRIBUTING.md): pass what it needs down, or move the code.` }]
          : []),
        ...siblings.map((sibling) => ({
          target: dir(name),
          from: dir(sibling),
          except: SIBLING_EXCEPTIONS[name]?.[sibling] ?? [],
          message: `${name} and ${sibling} are siblings in hplint's layers (see CONTRIBUTING.md): share code through a lower layer.`,
        })),
      ];
    }),
  ).concat([
    { target: './src', from: './src/index.ts', message: 'src/index.ts is the library entry: nothing inside hplint imports it.' },
    {
      target: ['./src/version.ts', './src/usage-error.ts', './src/write-file.ts', './src/render'],
      from: LAYERS.flat().map(dir),
      message: 'Root utilities (version, usage-error, write-file, render) are usable by every layer, so they import none.',
    },
  ]);
}

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'test/fixtures/', 'bench-out/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // Sources import `./x.js` and the file is `x.ts` (NodeNext): resolve as TypeScript does, and parse the
      // imported modules as TypeScript so that no-cycle can follow them.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js'], extensionAlias: { '.js': ['.ts', '.js'] } })],
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
    },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layerZones() }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
);
