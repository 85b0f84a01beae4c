#!/usr/bin/env node
// Tests the package as users get it (run by .ci/run after `npm test`, or `npm run test:pack`): packs the
// built tree, installs the tarball into a fresh temporary project and runs there, from the installed
// package only,
//   - the tarball's contents: no source maps, a LICENSE, no install-time or `prepare` script;
//   - the install: size of node_modules (≤ 15 MB), no TF.js / TypeScript / ESLint pulled in;
//   - the README's Quick start shell lines and its Library example, exactly as the README shows them;
//   - the schema export (the JSON file and `hplintSchema`);
//   - the ESLint plugin in ESLint 10 and 9.15 (the oldest version claimed) with ESM, CommonJS and
//     TypeScript configs, and a type check of TypeScript configs (defineConfig, tseslint.config,
//     ESLint.Plugin, Linter.Config[]) against the published declarations.
// Packages come from npm's cache when they are there (--prefer-offline); eslint@9.15 and jiti may need
// the registry once. Exit 0 when everything holds; otherwise every failure is listed and it exits 1.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createProject, diskUsage, npmInstall, pack } from './lib/package-install.mjs';

const root = join(import.meta.dirname, '..');
const MAX_INSTALL_MB = 15;
const ESLINT_OLDEST = '9.15.0';
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const failures = [];
const work = mkdtempSync(join(tmpdir(), 'hplint-pack-'));
const project = join(work, 'project');

function check(what, condition, detail = '') {
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${what}${detail ? ` — ${detail}` : ''}`);
  if (!condition) failures.push(what);
}

/** Runs a command; returns { code, out } with stdout and stderr together, never throws. */
function run(command, args, options = {}) {
  try {
    const out = execFileSync(command, args, { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, ...options });
    return { code: 0, out };
  } catch (error) {
    return { code: error.status ?? 2, out: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

/** The fenced code blocks of a README section, by language. */
function codeBlocks(readme, heading, language) {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no section "${heading}"`);
  const end = readme.indexOf('\n## ', start + heading.length + 2);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);
}

try {
  // ---- the tarball ------------------------------------------------------------------------------
  if (!statSync(join(root, 'dist/bundle/hplint.cjs'), { throwIfNoEntry: false })) throw new Error('dist/ is not built: run `npm run build` first');
  const { tarball, files: packedFiles } = pack(root, work);
  const files = packedFiles.map((f) => f.path);
  check('the tarball ships no source maps', !files.some((f) => f.endsWith('.map')), files.filter((f) => f.endsWith('.map')).slice(0, 3).join(', '));
  check('the tarball ships a LICENSE', files.includes('LICENSE'));
  check('the tarball ships no TypeScript sources', !files.some((f) => f.startsWith('src/')));
  const scripts = Object.keys(pkg.scripts ?? {});
  const installTime = ['preinstall', 'install', 'postinstall', 'prepare'].filter((s) => scripts.includes(s));
  check('package.json has no install-time or prepare script', installTime.length === 0, installTime.join(', '));

  // ---- a CLI user's install -----------------------------------------------------------------------
  createProject(project);
  const started = Date.now();
  const installOutput = npmInstall(project, tarball);
  const megabytes = diskUsage(join(project, 'node_modules')) / 2 ** 20;
  check(`npm install hplint: node_modules ≤ ${MAX_INSTALL_MB} MB on disk`, megabytes <= MAX_INSTALL_MB, `${megabytes.toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  check('npm install hplint runs no install script', !/install-scripts|postinstall|node-pre-gyp/.test(installOutput), installOutput.trim().split('\n')[0] ?? '');
  const heavy = ['@tensorflow', 'typescript', 'eslint', '@typescript-eslint'].filter((name) => statSync(join(project, 'node_modules', name), { throwIfNoEntry: false }));
  check('the install pulls in no TF.js, TypeScript or ESLint', heavy.length === 0, heavy.join(', '));

  // ---- the README, as written ---------------------------------------------------------------------
  const readme = readFileSync(join(project, 'node_modules/hplint/README.md'), 'utf8');
  const [quickStart] = codeBlocks(readme, '## Quick start', 'sh');
  for (const line of quickStart.split('\n').map((l) => l.replace(/\s+#.*$/, '').trim()).filter(Boolean)) {
    if (line.startsWith('npm install')) continue; // done above, from the tarball
    const result = run('sh', ['-c', line]);
    check(`quick start: ${line}`, result.code === 0 && !/internal error|Error:/.test(result.out), result.out.trim().split('\n').at(-1));
  }
  const cache = join(project, 'node_modules/.cache/hplint');
  check('the CLI wrote its code cache in node_modules/.cache/hplint', statSync(cache, { throwIfNoEntry: false })?.isDirectory() === true);
  const fixedConfig = readFileSync(join(project, 'train.yaml'), 'utf8');
  check('quick start: --fix-unsafe wrote the suggested values', /learningRate: 0\.01/.test(fixedConfig) && /batchSize: 32/.test(fixedConfig), fixedConfig.trim());
  const [library] = codeBlocks(readme, '## Library', 'js');
  writeFileSync(join(project, 'library.mjs'), library);
  const lib = run('node', ['library.mjs']);
  check('README library example runs', lib.code === 0 && /learning-rate-range/.test(lib.out) && /learningRate: 0\.01/.test(lib.out), lib.out.trim().split('\n')[0]);

  writeFileSync(
    join(project, 'schema.mjs'),
    `import schema from 'hplint/schema/hplint.schema.json' with { type: 'json' };
import { hplintSchema } from 'hplint';
console.log(schema.type, Object.keys(schema.properties).includes('optimizer'), JSON.stringify(schema.properties) === JSON.stringify(hplintSchema.properties));`,
  );
  const schema = run('node', ['schema.mjs']);
  check('schema export: the JSON file and hplintSchema agree', schema.out.trim() === 'object true true', schema.out.trim());
  const cliSchema = run('npx', ['hplint', 'schema']);
  check('hplint schema prints the same schema', cliSchema.code === 0 && JSON.parse(cliSchema.out).properties?.optimizer !== undefined);

  // ---- the ESLint plugin --------------------------------------------------------------------------
  const versionOf = (name) => pkg.devDependencies[name];
  npmInstall(project, `eslint@${versionOf('eslint')}`, `eslint9@npm:eslint@${ESLINT_OLDEST}`, `typescript-eslint@${versionOf('typescript-eslint')}`, `typescript@${versionOf('typescript')}`, 'jiti@^2');
  const training = `import * as tf from '@tensorflow/tfjs';
const model = tf.sequential();
model.add(tf.layers.dense({ units: 10, inputShape: [784], activation: 'softmax' }));
model.compile({ optimizer: tf.train.adam(0.5), loss: 'categoricalCrossentropy' });
`;
  mkdirSync(join(project, 'src'));
  writeFileSync(join(project, 'src/train.js'), training);
  writeFileSync(join(project, 'src/train.ts'), training.replace('const model =', 'const model: tf.Sequential ='));
  const configs = {
    'eslint.config.js': `import hplint from 'hplint/eslint-plugin';
export default [hplint.configs.recommended];
`,
    'eslint.config.cjs': `const hplint = require('hplint/eslint-plugin');
module.exports = [hplint.configs.recommended];
`,
    // ESLint 9.15 has no eslint/config (defineConfig came in 9.22): the oldest version gets Linter.Config[].
    'eslint.config.ts': `import type { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import hplint from 'hplint/eslint-plugin';
const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } }, hplint.configs.recommended];
export default config;
`,
  };
  const eslints = { [`ESLint ${ESLINT_OLDEST}`]: 'node_modules/eslint9/bin/eslint.js', [`ESLint ${versionOf('eslint')}`]: 'node_modules/eslint/bin/eslint.js' };
  for (const [eslintName, bin] of Object.entries(eslints)) {
    for (const [configName, text] of Object.entries(configs)) {
      writeFileSync(join(project, configName), text);
      const flags = configName.endsWith('.ts') && eslintName.includes(ESLINT_OLDEST) ? ['--flag', 'unstable_ts_config'] : [];
      const targets = configName.endsWith('.ts') ? ['src/train.ts', 'src/train.js'] : ['src/train.js'];
      const result = run('node', [bin, '--config', configName, ...flags, '--format', 'json', ...targets]);
      let messages = [];
      try {
        messages = JSON.parse(result.out).flatMap((file) => file.messages.map((m) => `${file.filePath.split('/').at(-1)} ${m.ruleId}`));
      } catch {
        messages = [result.out.trim().split('\n').slice(0, 3).join(' ')];
      }
      const expected = targets.map((t) => `${t.split('/').at(-1)} hplint/learning-rate-range`).sort();
      messages.sort();
      check(`${eslintName}, ${configName}: the plugin reports on ${targets.join(' and ')}`, JSON.stringify(messages) === JSON.stringify(expected), messages.join('; '));
      rmSync(join(project, configName));
    }
  }

  // The README's own plugin configs, as written, in the current ESLint (defineConfig needs ESLint 9.22+).
  const readmeConfigs = [...codeBlocks(readme, '## ESLint plugin for TF.js code', 'js'), ...codeBlocks(readme, '## ESLint plugin for TF.js code', 'ts')];
  for (const text of readmeConfigs) {
    const configName = /^\/\/ (eslint\.config\.\w+)/.exec(text)?.[1];
    if (!configName) throw new Error(`a README plugin config does not start with its file name: ${text.split('\n')[0]}`);
    writeFileSync(join(project, configName), text);
    const result = run('node', [eslints[`ESLint ${versionOf('eslint')}`], '--config', configName, '--format', 'json', 'src/train.js']);
    let rules = [];
    try {
      rules = JSON.parse(result.out).flatMap((file) => file.messages.map((m) => m.ruleId)).filter((id) => id?.startsWith('hplint/'));
    } catch {
      rules = [result.out.trim().split('\n').slice(0, 3).join(' ')];
    }
    check(`README's ${configName} runs the plugin in ESLint ${versionOf('eslint')}`, rules.includes('hplint/learning-rate-range'), rules.join('; '));
    rmSync(join(project, configName));
  }

  // TypeScript configs type-check against the published declarations (ESM and CommonJS).
  writeFileSync(
    join(project, 'types.ts'),
    `import type { ESLint, Linter } from 'eslint';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import hplint from 'hplint/eslint-plugin';

export const plugin: ESLint.Plugin = hplint;
export const flat: Linter.Config[] = [hplint.configs.recommended, { plugins: { hplint } }];
export const defined = defineConfig([{ files: ['**/*.ts'], extends: [hplint.configs.recommended] }, { plugins: { hplint }, rules: { 'hplint/learning-rate-range': 'error' } }]);
export const typescriptEslint = tseslint.config(...tseslint.configs.recommended, hplint.configs.recommended, { plugins: { hplint } });
`,
  );
  writeFileSync(join(project, 'types-cjs.cts'), `import hplint = require('hplint/eslint-plugin');\nimport type { ESLint, Linter } from 'eslint';\nexport const plugin: ESLint.Plugin = hplint;\nexport const config: Linter.Config = hplint.configs.recommended;\n`);
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: ['types.ts', 'types-cjs.cts'] }),
  );
  const tsc = run('node', ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json']);
  check('TypeScript configs type-check (defineConfig, tseslint.config, ESLint.Plugin, Linter.Config, require)', tsc.code === 0, tsc.out.trim().split('\n').slice(0, 4).join(' | '));
} catch (error) {
  failures.push(error.message);
  console.error(`FAIL ${error.message}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

console.log(failures.length === 0 ? '\nthe packed package works as installed' : `\n${failures.length} failure(s)`);
process.exit(failures.length === 0 ? 0 : 1);
