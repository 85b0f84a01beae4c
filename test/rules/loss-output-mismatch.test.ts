import { describe, expect, it } from 'vitest';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string) => diagnosticsOf('loss-output-mismatch', dedent(yaml)).map(brief);
const model = (...layers: string[]) => `model:\n  layers:\n${layers.map((l) => `    - ${l}\n`).join('')}`;
const losses = (...terms: string[]) => `losses:\n${terms.map((t) => `  - ${t}\n`).join('')}`;

describe('loss-output-mismatch', () => {
  describe('valid', () => {
    it.each([
      ['softmax with categorical cross-entropy', model('{ type: dense, units: 10, activation: softmax }') + losses('{ name: categoricalCrossentropy }')],
      ['one sigmoid unit with binary cross-entropy', model('{ type: dense, units: 1, activation: sigmoid }') + losses('{ name: binaryCrossentropy }')],
      ['several sigmoid units with binary cross-entropy (multi-label)', model('{ type: dense, units: 5, activation: sigmoid }') + losses('{ name: bce }')],
      ['a linear output with a from-logits loss', model('{ type: dense, units: 10 }') + losses('{ name: sparseCategoricalCrossentropy, fromLogits: true }')],
      ['one sigmoid unit with categorical cross-entropy (the edge of "more than one unit")', model('{ type: dense, units: 1, activation: sigmoid }') + losses('{ name: crossEntropy }')],
      ['relu outside a regression task', model('{ type: dense, units: 1, activation: relu }') + losses('{ name: mse }')],
    ])('accepts %s', (_name, yaml) => {
      expect(check(yaml)).toEqual([]);
    });

    it('stays silent when the output activation or the term it applies to is unknown', () => {
      expect(check(model('{ type: customHead, units: 10 }') + losses('{ name: bce }'))).toEqual([]);
      expect(check(model('{ type: activation }') + losses('{ name: bce, fromLogits: true }'))).toEqual([]);
      expect(check(model('{ type: dense, name: main, units: 10, activation: softmax }') + losses('{ name: bce, output: aux }'))).toEqual([]);
      expect(check(losses('{ name: bce, fromLogits: true }'))).toEqual([]);
    });
  });

  describe('invalid', () => {
    it('reports a multi-unit softmax with binary cross-entropy on the loss, suggesting categorical cross-entropy in the file\'s spelling', () => {
      const [d] = diagnosticsOf('loss-output-mismatch', model('{ type: dense, units: 64, activation: relu }', '{ type: dense, units: 10, activation: softmax }') + losses('{ name: binaryCrossentropy }'));
      expect(brief(d!)).toBe(
        '4:45-4:52 warning Softmax output with binary cross-entropy ("binaryCrossentropy"): softmax makes the outputs compete (they sum to 1) while binary cross-entropy scores each as an independent probability.',
      );
      expect(d!.suggestion).toEqual({
        path: '/losses/0/name',
        value: 'categoricalCrossentropy',
        description: 'Use categorical cross-entropy (categoricalCrossentropy) with the softmax output.',
        edits: [{ op: 'set', path: '/losses/0/name', value: 'categoricalCrossentropy' }],
      });
      const names = ['binary_crossentropy', 'BinaryCrossentropy', 'BCELoss', 'bce'].map((name) => diagnosticsOf('loss-output-mismatch', model('{ type: dense, units: 3, activation: softmax }') + losses(`{ name: ${name} }`))[0]!.suggestion?.value);
      expect(names).toEqual(['categorical_crossentropy', 'CategoricalCrossentropy', 'CrossEntropyLoss', 'cce']);
    });

    it('explains a softmax over one unit, and rewrites a standalone softmax layer', () => {
      const [d] = diagnosticsOf('loss-output-mismatch', model('{ type: dense, units: 1 }', '{ type: softmax }') + losses('{ name: bce }'));
      expect(brief(d!)).toBe('4:7-4:24 warning Softmax output with binary cross-entropy ("bce"): a softmax over one unit always outputs 1, so nothing can be learned.');
      expect(d!.suggestion?.edits).toEqual([
        { op: 'set', path: '/model/layers/1/type', value: 'activation' },
        { op: 'set', path: '/model/layers/1/activation', value: 'sigmoid' },
      ]);
    });

    it('reports a sigmoid over two units with categorical cross-entropy, suggesting softmax', () => {
      expect(check(model('{ type: dense, units: 2, activation: sigmoid }') + losses('{ name: categorical_crossentropy }'))).toEqual([
        '3:44-3:51 warning Sigmoid output over 2 units with categorical cross-entropy ("categorical_crossentropy"): the outputs are not a distribution over the classes, which the loss expects.',
      ]);
    });

    it('reports softmax fed to a fromLogits loss on fromLogits, suggesting false', () => {
      const [d] = diagnosticsOf('loss-output-mismatch', model('{ type: dense, units: 10 }', '{ type: softmax }') + losses('{ name: sparseCategoricalCrossentropy, fromLogits: true }'));
      expect(brief(d!)).toBe(
        '6:56-6:60 warning The output layer applies softmax, but loss "sparseCategoricalCrossentropy" takes logits and applies softmax again: it reads probabilities as logits, and the gradients shrink.',
      );
      expect(d!.suggestion).toEqual({
        path: '/losses/0/fromLogits',
        value: false,
        description: 'Set losses.0.fromLogits to false: the output is already softmax.',
        edits: [{ op: 'set', path: '/losses/0/fromLogits', value: false }],
      });
    });

    it('reads logits from the loss name and suggests a linear output', () => {
      const [d] = diagnosticsOf('loss-output-mismatch', model('{ type: dense, units: 1, activation: sigmoid }') + losses('{ name: BCEWithLogitsLoss }'));
      expect(brief(d!)).toBe(
        '3:44-3:51 warning The output layer applies sigmoid, but loss "BCEWithLogitsLoss" takes logits and applies sigmoid again: it reads probabilities as logits, and the gradients shrink.',
      );
      expect(d!.suggestion).toMatchObject({ path: '/model/layers/0/activation', value: 'linear' });
    });

    it('reports relu where the output must go negative: logits, or a regression target', () => {
      expect(check(model('{ type: dense, units: 10, activation: relu }') + losses('{ name: crossEntropy, fromLogits: true }'))).toEqual([
        '3:45-3:49 warning The output layer applies relu, but loss "crossEntropy" takes logits, which must be able to go negative; relu clips them at 0.',
      ]);
      expect(check('data: { task: regression }\n' + model('{ type: dense, units: 1, activation: relu }') + losses('{ name: mse }'))).toEqual([
        '4:44-4:48 warning A relu output for a regression task cannot predict negative targets, and a unit stuck at 0 stops learning; regression outputs are linear.',
      ]);
    });

    it('reports one activation once, however many terms it fails', () => {
      expect(check(model('{ type: dense, units: 3, activation: relu }') + losses('{ name: bce, fromLogits: true }', '{ name: binaryCrossentropy, fromLogits: true, weight: 0.5 }'))).toHaveLength(1);
    });

    it('looks inside a wrapper and matches terms by output name', () => {
      const yaml = model('{ type: timeDistributed, name: out, layer: { type: dense, units: 5, activation: relu } }') + losses('{ name: cce, fromLogits: true, output: out }', '{ name: cce, fromLogits: true, output: aux }');
      const found = diagnosticsOf('loss-output-mismatch', yaml);
      expect(found.map((d) => d.path)).toEqual(['/model/layers/0/layer/activation']);
      expect(found[0]!.line).toBe(3);
    });
  });
});
