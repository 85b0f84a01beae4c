import { describe, expect, it } from 'vitest';
import { normalizeConfig, toNumber } from '../../src/model/normalize.js';
import { dotPathToPointer, parsePointer, pointer, pointerToDotPath } from '../../src/model/pointer.js';

describe('normalizeConfig', () => {
  it('keeps valid values and turns numeric strings into numbers', () => {
    expect(normalizeConfig({ optimizer: { name: 'adam', learningRate: '1e-3' }, training: { batchSize: 32 } })).toEqual({
      config: { optimizer: { name: 'adam', learningRate: 0.001 }, training: { batchSize: 32 } },
      typeProblems: [],
      unknownKeys: [],
    });
  });

  it('sets aside values of the wrong type with their paths', () => {
    const { config, typeProblems } = normalizeConfig({ training: { batchSize: 2.5, epochs: 'ten' }, model: { layers: 'dense' } });
    expect(config).toEqual({ training: {}, model: {} });
    expect(typeProblems).toEqual([
      { path: '/training/batchSize', expected: 'a whole number', value: 2.5 },
      { path: '/training/epochs', expected: 'a number', value: 'ten' },
      { path: '/model/layers', expected: 'a list', value: 'dense' },
    ]);
  });

  it('keeps list indexes stable when an item is broken', () => {
    const { config, typeProblems } = normalizeConfig({ model: { layers: [42, { type: 'dense' }] } });
    expect(config.model?.layers).toEqual([{}, { type: 'dense' }]);
    expect(typeProblems).toEqual([{ path: '/model/layers/0', expected: 'a mapping', value: 42 }]);
  });

  it('collects unknown keys with the keys allowed there', () => {
    const { unknownKeys } = normalizeConfig({ optimizer: { learningrate: 0.1 } });
    expect(unknownKeys).toEqual([{ path: '/optimizer/learningrate', key: 'learningrate', known: expect.arrayContaining(['learningRate', 'momentum']) }]);
  });

  it('accepts a kernel size as a number or a list, and nothing else', () => {
    expect(normalizeConfig({ model: { layers: [{ kernelSize: [1, 7] }, { kernelSize: 3 }] } }).typeProblems).toEqual([]);
    expect(normalizeConfig({ model: { layers: [{ kernelSize: 'big' }] } }).typeProblems).toHaveLength(1);
  });

  it('never lets __proto__ reach a prototype', () => {
    const loose = JSON.parse('{"__proto__": {"polluted": true}, "optimizer": {"__proto__": {"x": 1}}}');
    const { config, unknownKeys } = normalizeConfig(loose);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(unknownKeys.map((k) => k.key)).toEqual(['__proto__', '__proto__']);
  });

  it('treats a non-mapping document as an empty config with one problem', () => {
    expect(normalizeConfig([1, 2]).typeProblems).toEqual([{ path: '', expected: 'a mapping', value: [1, 2] }]);
  });
});

describe('toNumber', () => {
  it.each([
    ['1e-3', 0.001],
    [' 0.5 ', 0.5],
    ['.5', 0.5],
    ['-2', -2],
    [7, 7],
  ])('%j → %d', (input, expected) => expect(toNumber(input)).toBe(expected));

  it.each(['', 'abc', '1e', '0x10', 'Infinity', null, true])('%j is not a number', (input) => expect(toNumber(input)).toBeUndefined());
});

describe('pointers', () => {
  it('escape and parse RFC 6901 segments', () => {
    expect(pointer('a/b', 'c~d', 0)).toBe('/a~1b/c~0d/0');
    expect(parsePointer('/a~1b/c~0d/0')).toEqual(['a/b', 'c~d', 0]);
    expect(parsePointer('')).toEqual([]);
  });

  it('convert to and from the dot paths users write', () => {
    expect(pointerToDotPath('/model/layers/2/rate')).toBe('model.layers.2.rate');
    expect(dotPathToPointer('optimizer.learningRate')).toBe('/optimizer/learningRate');
  });
});
