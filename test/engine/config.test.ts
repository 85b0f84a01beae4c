import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigFinder, isIgnored, loadConfig, mergeSettings, settingsFor } from '../../src/engine/config.js';
import { presetSettings } from '../../src/engine/presets.js';
import type { AnyRule } from '../../src/engine/rule.js';
import { RULES } from '../../src/rules/index.js';
import { dedent } from '../helpers/lint.js';

function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), 'hplint-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), text);
  }
  return root;
}

function loadError(name: string, text: string): string {
  const root = project({ [name]: text });
  try {
    loadConfig(path.join(root, name), RULES);
  } catch (error) {
    const message = (error as Error).message;
    return message.slice(message.indexOf(name));
  }
  return 'no error';
}

const rule = (severity: 'error' | 'warning' | 'info', id = `r-${severity}`) => ({ id, meta: { severity } }) as unknown as AnyRule;

describe('presets', () => {
  it('are generated from rule metadata', () => {
    const rules = [rule('error'), rule('warning'), rule('info')];
    expect(presetSettings('recommended', rules)).toEqual({ 'r-error': 'error', 'r-warning': 'warning', 'r-info': 'info' });
    expect(presetSettings('strict', rules)).toEqual({ 'r-error': 'error', 'r-warning': 'error', 'r-info': 'info' });
    expect(presetSettings('all', rules)).toEqual({ 'r-error': 'error', 'r-warning': 'warning', 'r-info': 'warning' });
  });
});

describe('loadConfig', () => {
  it('reads extends, rules, overrides and ignores', () => {
    const root = project({
      'hplint.config.yaml': dedent(`
        extends: strict
        rules:
          learning-rate-range: [warning, {fineTuneLowDivisor: 10}]
          dropout-before-batchnorm: off
        overrides:
          - files: ["experiments/**"]
            rules: {learning-rate-range: info}
        ignores: ["vendor/**"]
      `),
    });
    const config = loadConfig(path.join(root, 'hplint.config.yaml'), RULES)!;
    expect(config).toMatchObject({ extends: 'strict', ignores: ['vendor/**'] });
    const base = settingsFor(config, path.join(root, 'a.yaml'), RULES);
    expect(base['learning-rate-range']).toEqual(['warning', { fineTuneLowDivisor: 10 }]);
    expect(base['dropout-before-batchnorm']).toBe('off');
    expect(base['batch-size-extremes']).toBe('error');
    // A bare severity in an override keeps the options set before it.
    expect(settingsFor(config, path.join(root, 'experiments/x/a.yaml'), RULES)['learning-rate-range']).toEqual(['info', { fineTuneLowDivisor: 10 }]);
    expect(isIgnored(config, path.join(root, 'vendor/a.yaml'))).toBe(true);
    expect(isIgnored(config, path.join(root, 'configs/a.yaml'))).toBe(false);
  });

  it('reads the hplint key of package.json, and nothing from one without it', () => {
    const root = project({ 'package.json': '{"name": "x", "hplint": {"extends": "all"}}', 'other/package.json': '{"name": "y"}' });
    expect(loadConfig(path.join(root, 'package.json'), RULES)).toMatchObject({ extends: 'all' });
    expect(loadConfig(path.join(root, 'other/package.json'), RULES)).toBeUndefined();
  });

  it('gives clear errors with positions', () => {
    expect(loadError('hplint.config.yaml', 'rules:\n  learning-rate-rnage: off\n')).toBe(
      'hplint.config.yaml:2:24: unknown rule "learning-rate-rnage" (see `hplint rules`)',
    );
    expect(loadError('hplint.config.yaml', 'rules:\n  kernel-size: loud\n')).toBe(
      'hplint.config.yaml:2:16: rule "kernel-size": the severity must be one of off, info, warning, error, not "loud"',
    );
    expect(loadError('.hplintrc.json', '{\n  "rules": {\n    "learning-rate-range": ["error", {"fineTuneLowDivisor": 0}]\n  }\n}\n')).toBe(
      '.hplintrc.json:3:28: rule "learning-rate-range": invalid options: /fineTuneLowDivisor must be >= 1',
    );
    expect(loadError('hplint.config.yaml', 'extends: relaxed\n')).toBe('hplint.config.yaml:1:10: extends must be one of recommended, strict, all');
    expect(loadError('hplint.config.yaml', 'rule: {}\n')).toBe('hplint.config.yaml:1:7: unknown key "rule" in the config (allowed: extends, rules, overrides, ignores)');
    expect(loadError('hplint.config.yaml', 'overrides:\n  - rules: {}\n')).toBe("hplint.config.yaml:2:5: overrides.0 must have required property 'files'");
    expect(loadError('hplint.config.yaml', 'ignores: vendor\n')).toBe('hplint.config.yaml:1:10: ignores must be a list');
    expect(loadError('hplint.config.yaml', 'rules: [\n')).toMatch(/^hplint\.config\.yaml:2:1: /);
    expect(loadError('package.json', '{"hplint": {"rules": {"nope": "off"}}}')).toBe('package.json:1:31: unknown rule "nope" (see `hplint rules`)');
  });
});

describe('mergeSettings', () => {
  it('lets later settings win and keeps options under a bare severity', () => {
    expect(mergeSettings({ a: ['warning', { x: 1 }], b: 'info' }, { a: 'error', b: ['warning', { y: 2 }] })).toEqual({
      a: ['error', { x: 1 }],
      b: ['warning', { y: 2 }],
    });
  });
});

describe('ConfigFinder', () => {
  it('finds the nearest config upward, in the documented order', () => {
    const root = project({
      'package.json': '{"hplint": {"extends": "all"}}',
      'hplint.config.yml': 'extends: strict\n',
      'team/.hplintrc.json': '{"extends": "recommended"}',
      'team/configs/a.yaml': '',
      'b.yaml': '',
    });
    const finder = new ConfigFinder(RULES);
    expect(finder.configFor(path.join(root, 'team/configs/a.yaml'))?.filePath).toBe(path.join(root, 'team/.hplintrc.json'));
    expect(finder.configFor(path.join(root, 'b.yaml'))?.filePath).toBe(path.join(root, 'hplint.config.yml'));
  });

  it('finds none where there is none', () => {
    const root = project({ 'a.yaml': '' });
    const found = new ConfigFinder(RULES).configFor(path.join(root, 'a.yaml'));
    // The temp directory has no config above it unless the machine has one at / or /tmp.
    expect(found === undefined || !found.filePath.startsWith(root)).toBe(true);
  });
});
