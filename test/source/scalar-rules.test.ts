import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { mayReadDifferently, yamlOptionsFor } from '../../src/source/scalar-rules.js';
import type { ScalarRules } from '../../src/source/scalar-rules.js';

const read = (text: string, rules: ScalarRules): unknown => parse(text, yamlOptionsFor(rules));
const value = (scalar: string, rules: ScalarRules): unknown => (read(`v: ${scalar}\n`, rules) as { v: unknown }).v;

describe('scalar rules of each loader', () => {
  it('PyYAML (YAML 1.1): a float needs a dot and a signed exponent, so 1e-5 and 1.0e5 are strings', () => {
    expect(value('1e-5', 'pyyaml')).toBe('1e-5');
    expect(value('1.0e5', 'pyyaml')).toBe('1.0e5');
    expect(value('2E-8', 'pyyaml')).toBe('2E-8');
    expect(value('1.0e-5', 'pyyaml')).toBe(1e-5);
    expect(value('.5', 'pyyaml')).toBe(0.5);
    expect(value('3.', 'pyyaml')).toBe(3);
    expect(value('1_000.5', 'pyyaml')).toBe(1000.5);
  });

  it('PyYAML: underscores, octal, hex, binary and sexagesimal ints; yes/no/on/off are booleans, y/n are not', () => {
    expect(value('55_000', 'pyyaml')).toBe(55000);
    expect(value('017', 'pyyaml')).toBe(15);
    expect(value('0x1F', 'pyyaml')).toBe(31);
    expect(value('0b101', 'pyyaml')).toBe(5);
    expect(value('1:30', 'pyyaml')).toBe(90);
    expect(value('0o17', 'pyyaml')).toBe('0o17');
    for (const yes of ['yes', 'Yes', 'YES', 'on', 'On', 'true', 'True']) expect(value(yes, 'pyyaml'), yes).toBe(true);
    for (const no of ['no', 'NO', 'off', 'Off', 'false', 'FALSE']) expect(value(no, 'pyyaml'), no).toBe(false);
    expect(value('y', 'pyyaml')).toBe('y');
    expect(value('n', 'pyyaml')).toBe('n');
    expect(value('~', 'pyyaml')).toBeNull();
    expect(value('.inf', 'pyyaml')).toBe(Infinity);
  });

  it('PyYAML merges `<<` keys and keeps dates as text', () => {
    expect(read('base: &b {x: 1}\nderived:\n  <<: *b\n  y: 2\n', 'pyyaml')).toEqual({ base: { x: 1 }, derived: { x: 1, y: 2 } });
    expect(value('2001-12-14', 'pyyaml')).toBe('2001-12-14');
  });

  it('OmegaConf and jsonargparse: 1e-5 and 1.0e5 are floats; the rest is YAML 1.1', () => {
    expect(value('1e-5', 'pyyaml-exponent-floats')).toBe(1e-5);
    expect(value('1.0e5', 'pyyaml-exponent-floats')).toBe(1e5);
    expect(value('55_000', 'pyyaml-exponent-floats')).toBe(55000);
    expect(value('off', 'pyyaml-exponent-floats')).toBe(false);
  });

  it('YAML 1.2 core: exponents are numbers, yes and 55_000 are strings', () => {
    expect(value('1e-5', 'yaml-1.2')).toBe(1e-5);
    expect(value('yes', 'yaml-1.2')).toBe('yes');
    expect(value('55_000', 'yaml-1.2')).toBe('55_000');
  });

  it('a file is parsed again only when some scalar may read differently; every divergent scalar is caught', () => {
    const plain = 'optimizer:\n  name: adam\n  learningRate: 0.001\ntraining: { batchSize: 32, epochs: 10 }\n';
    expect(mayReadDifferently(plain, 'pyyaml')).toBe(false);
    expect(mayReadDifferently('lr: 1e-5\n', 'yaml-1.2')).toBe(false);
    const divergent = ['1e-5', '-2E8', '1.0e5', '55_000', '1__0', '0x1_F', '017', '0o17', '0b101', '1:30', 'yes', 'Off', 'ON', '[on, off]'];
    for (const scalar of divergent) {
      const text = `v: ${scalar}\n`;
      expect(read(text, 'pyyaml'), scalar).not.toEqual(read(text, 'yaml-1.2'));
      expect(mayReadDifferently(text, 'pyyaml'), scalar).toBe(true);
    }
    expect(mayReadDifferently('a: &a {x: 1}\nb:\n  <<: *a\n', 'pyyaml')).toBe(true);
  });
});
