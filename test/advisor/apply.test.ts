import { describe, expect, it } from 'vitest';
import { advise } from '../../src/advisor/advise.js';
import { applyAdvice } from '../../src/advisor/apply.js';
import { lintText } from '../../src/rules/index.js';
import { dedent } from '../helpers/lint.js';
import { adviseFixture, fixtureText } from './helpers.js';

describe('--apply: a copy with the suggested values', () => {
  it('replaces written values in place: comments, layout and other keys byte for byte', () => {
    const text = dedent(`
      # RMSprop run
      optimizer:
        name: rmsprop
        learningRate: 0.5   # too hot
        momentum: 0.5
      training: { batchSize: 32 }
    `);
    const outcome = applyAdvice(text, advise(text, { filePath: 'a.yaml' }));
    expect(outcome.output).toBe(dedent(`
      # RMSprop run
      optimizer:
        name: rmsprop
        learningRate: 0.005   # too hot
        momentum: 0.9
      training: { batchSize: 32 }
    `));
    expect(outcome.applied.map((s) => s.parameter)).toEqual(['optimizer.learningRate', 'optimizer.momentum']);
    expect(outcome.manual).toEqual([]);
    expect(outcome.remaining).toEqual([]);
  });

  it('the real divergence run: the copy lints clean of learning-rate-range', () => {
    const text = fixtureText('divergence.config.yaml');
    const outcome = applyAdvice(text, adviseFixture('divergence.config.yaml', 'divergence.tfjs.json'));
    expect(outcome.output).toBe(text.replace('learningRate: 0.5', 'learningRate: 0.005'));
    expect(lintText(outcome.output, { filePath: 'copy.yaml' }).diagnostics.filter((d) => d.ruleId === 'learning-rate-range')).toEqual([]);
  });

  it('adds what the file lacks in hplint\'s own YAML (the §5.3 schedule), keeping its comments; plateau-policy and learning-rate-range then stay silent', () => {
    const text = fixtureText('plateau.config.yaml');
    const outcome = applyAdvice(text, adviseFixture('plateau.config.yaml', 'plateau.csv'));
    expect(outcome.applied.map((s) => s.parameter)).toEqual(['schedule', 'optimizer.learningRate']);
    const schedule = 'schedule: { type: reduceOnPlateau, monitor: val_loss, factor: 0.5, patience: 10, minLearningRate: 0.000048828125 }\n';
    expect(outcome.output).toBe(text.replace('learningRate: 0.5 #', 'learningRate: 0.05 #') + schedule);
    expect(outcome.remaining).toEqual([]);
    const rules = lintText(outcome.output, { filePath: 'copy.yaml' }).diagnostics.map((d) => d.ruleId);
    expect(rules).not.toContain('plateau-policy');
    expect(rules).not.toContain('learning-rate-range');
  });

  it('overfitting: early stopping added under training, and early-stopping-missing is gone', () => {
    const text = fixtureText('overfitting.config.yaml');
    const outcome = applyAdvice(text, adviseFixture('overfitting.config.yaml', 'overfitting.history.json'));
    expect(outcome.output).toContain('  epochs: 60\n  earlyStopping: { monitor: val_loss, patience: 10 }\n');
    expect(outcome.remaining).toEqual([]);
  });

  it('two outputs: the ink head reweighted, the comment on its line kept', () => {
    const outcome = applyAdvice(fixtureText('two-outputs.config.yaml'), adviseFixture('two-outputs.config.yaml', 'two-outputs.history.json'));
    expect(outcome.output).toContain('  - { name: meanSquaredError, output: out2, weight: 0.0027 } # the ink head\n');
  });

  it('in other formats only values the file writes are changed; the rest is left to do by hand', () => {
    const text = '{\n  "learning_rate": 0.5,\n  "num_train_epochs": 60,\n  "eval_strategy": "epoch"\n}\n';
    const advice = advise(text, { filePath: 'training_args.json' });
    const outcome = applyAdvice(text, advice);
    expect(outcome.output).toBe('{\n  "learning_rate": 0.005,\n  "num_train_epochs": 60,\n  "eval_strategy": "epoch"\n}\n');
    expect(outcome.manual.map((s) => s.parameter)).toEqual(advice.suggestions.filter((s) => s.parameter !== 'optimizer.learningRate').map((s) => s.parameter));
  });
});
