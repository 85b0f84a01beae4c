import { describe, expect, it } from 'vitest';
import type { DocumentFacts } from '../../src/engine/rule.js';
import { runRules } from '../../src/engine/lint.js';
import { resolveRules } from '../../src/engine/settings.js';
import { RULES } from '../../src/rules/index.js';
import { brief, dedent, diagnosticsOf } from '../helpers/lint.js';

const check = (yaml: string, setting?: Parameters<typeof diagnosticsOf>[2]) => diagnosticsOf('unknown-key', dedent(yaml), setting).map(brief);

describe('unknown-key', () => {
  describe('valid', () => {
    it('every key known, including $schema and wrapped layers', () => {
      expect(
        check(`
          $schema: ./node_modules/hplint/schema/hplint.schema.json
          optimizer: { name: adam, learningRate: 1.0e-3 }
          model:
            layers:
              - { type: bidirectional, layer: { type: lstm, units: 32, recurrentDropout: 0.0 } }
        `),
      ).toEqual([]);
    });

    it('search dimensions and loss terms with all their keys', () => {
      expect(check('search: { strategy: random, trials: 4, space: [{ parameter: optimizer.learningRate, min: 0.001, max: 0.1, scale: log }] }\n')).toEqual([]);
      expect(check('losses: [{ name: focal, weight: 1.0, gamma: 2.0, alpha: 0.25, fromLogits: true }]\n')).toEqual([]);
    });

    it('other formats are not checked (their unknown keys are just other settings)', () => {
      const facts = (format: DocumentFacts['format']): DocumentFacts => ({
        format,
        rawScalar: () => undefined,
        defaultOf: () => undefined,
        typeProblems: [],
        unknownKeys: [{ path: '/optimizer/lerningRate', key: 'lerningRate', known: ['name', 'learningRate'] }],
        tags: [],
      });
      const rules = resolveRules(RULES.filter((r) => r.id === 'unknown-key'));
      expect(runRules({}, facts('hf'), rules)).toEqual([]);
      expect(runRules({}, facts('native'), rules)).toHaveLength(1);
    });
  });

  describe('invalid', () => {
    it('a typo, with the closest key', () => {
      const [d, ...rest] = diagnosticsOf('unknown-key', 'optimizer:\n  name: adam\n  lerningRate: 0.1\n');
      expect(rest).toEqual([]);
      expect(brief(d!)).toBe('3:16-3:19 warning Unknown key "lerningRate" in optimizer (its value is ignored): did you mean "learningRate"?');
      expect(d!.suggestion).toEqual({ path: '/optimizer/lerningRate', description: 'Rename "lerningRate" to "learningRate".' });
    });

    it('snake_case spellings and common abbreviations', () => {
      expect(check('training: { batch_size: 32 }\noptimizer: { lr: 0.01, eps: 1.0e-8 }\n')).toEqual([
        '1:25-1:27 warning Unknown key "batch_size" in training (its value is ignored): did you mean "batchSize"?',
        '2:18-2:22 warning Unknown key "lr" in optimizer (its value is ignored): did you mean "learningRate"?',
        '2:29-2:35 warning Unknown key "eps" in optimizer (its value is ignored): did you mean "epsilon"?',
      ]);
    });

    it('a key with nothing close lists the known keys; a block value is reported at its key', () => {
      expect(check('regularization:\n  dropout:\n    rate: 0.5\n')).toEqual([
        '2:3-2:10 warning Unknown key "dropout" in regularization (its value is ignored); known keys: l1, l2.',
      ]);
    });

    it('keys inside layers and at the top level', () => {
      expect(check('epochs: 10\nmodel:\n  layers:\n    - { type: dropout, rat: 0.5 }\n')).toEqual([
        '1:9-1:11 warning Unknown key "epochs" at the top level (its value is ignored): did you mean training.epochs?',
        '4:29-4:32 warning Unknown key "rat" in model.layers.0 (its value is ignored): did you mean "rate"?',
      ]);
    });

    it('a key of another section, of the same shape, is placed there; ambiguous or list-item keys are not', () => {
      const native = { inputFormat: 'native' } as const;
      const [d] = diagnosticsOf('unknown-key', 'learning_rate: 0.001\n', undefined, native);
      expect(brief(d!)).toBe('1:16-1:21 warning Unknown key "learning_rate" at the top level (its value is ignored): did you mean optimizer.learningRate?');
      expect(d!.suggestion).toEqual({ path: '/learning_rate', description: 'Move "learning_rate" to optimizer.learningRate.' });
      // patience is in schedule and in training.earlyStopping; units belongs to a layer; a mapping is no epoch
      // count; a name is too generic to guess its place.
      const found = diagnosticsOf('unknown-key', 'patience: 10\nunits: 64\nepochs: { max: 10 }\nname: resnet-run\n', undefined, native);
      expect(found.map((d) => d.message.replace(/ \(its value is ignored\); known keys: .*$/, ''))).toEqual([
        'Unknown key "patience" at the top level',
        'Unknown key "units" at the top level',
        'Unknown key "epochs" at the top level',
        'Unknown key "name" at the top level',
      ]);
      const [section] = diagnosticsOf('unknown-key', 'optimizer: { name: adam }\nearlyStopping:\n  patience: 10\n');
      expect(section!.message).toBe('Unknown key "earlyStopping" at the top level (its value is ignored): did you mean training.earlyStopping?');
    });

    it('the edit ratio is an option', () => {
      expect(check('optimizer: { lerningRate: 0.1 }\n', ['warning', { maxEditRatio: 0 }])[0]).toMatch(/known keys: name, learningRate/);
      expect(() => check('optimizer: {}\n', ['warning', { maxEditRatio: 2 }])).toThrow(/invalid options/);
    });
  });
});
