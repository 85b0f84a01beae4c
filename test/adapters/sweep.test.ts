import { describe, expect, it } from 'vitest';
import { canonicalParameter, sweepAdapter } from '../../src/adapters/sweep.js';
import { parseSweepExpression } from '../../src/adapters/sweep-expression.js';
import { readConfig } from '../../src/engine/lint.js';
import { lintText } from '../../src/rules/index.js';
import { corpusText, withoutShared } from '../helpers/shared.js';
import { dedent } from '../helpers/lint.js';
import { fixture, goldenPath, goldenYaml } from './golden.js';

const searchOf = (text: string) => readConfig(text).config?.search;
/** Where a rule reports and on what text; messages belong to the rules' own tests, key facts are checked here. */
const located = (ruleId: string, text: string) =>
  lintText(text)
    .diagnostics.filter((d) => d.ruleId === ruleId)
    .map((d) => ({ at: `${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} @ ${text.slice(...d.range)}`, message: d.message }));

describe('sweep adapter', () => {
  describe('Hydra sweep expressions', () => {
    it.each([
      ['interval(0.0001, 0.1)', { kind: 'range', min: 0.0001, max: 0.1, scale: 'linear' }],
      ['tag(log, interval(1e-5, 1e-2))', { kind: 'range', min: 1e-5, max: 1e-2, scale: 'log' }],
      ['tag(log, int(interval(8, 512)))', { kind: 'range', min: 8, max: 512, scale: 'log' }],
      ['interval(start=0.1, end=0.5)', { kind: 'range', min: 0.1, max: 0.5, scale: 'linear' }],
      ['choice(32, 64, 128)', { kind: 'values', values: [32, 64, 128] }],
      ["choice('adam', sgd, true, null)", { kind: 'values', values: ['adam', 'sgd', true, null] }],
      ['range(1, 10, 3)', { kind: 'values', values: [1, 4, 7] }],
      ['range(5)', undefined],
      ['0.1,0.01,0.001', { kind: 'values', values: [0.1, 0.01, 0.001] }],
      ['0.001', { kind: 'fixed', value: 0.001 }],
      ['adam', { kind: 'fixed', value: 'adam' }],
      ['glob(*)', undefined],
      ['interval(0.1', undefined],
      ['range(0, 1e9)', undefined],
    ])('%s', (text, expected) => {
      expect(parseSweepExpression(text)).toEqual(expected);
    });
  });

  describe('parameter names', () => {
    it.each([
      ['lr', 'optimizer.learningRate'],
      ['lr0', 'optimizer.learningRate'],
      ['learn_rate', 'optimizer.learningRate'],
      ['model.optimizer.lr', 'optimizer.learningRate'],
      ['training.optimizer.weight_decay', 'optimizer.weightDecay'],
      ['data.batch_size', 'training.batchSize'],
      ['max_epochs', 'training.epochs'],
      ['lora_dropout', 'model.lora.dropout'],
      ['dropout', 'dropout'],
      ['model.net.lin1_size', 'model.net.lin1_size'],
    ])('%s → %s', (name, expected) => {
      expect(canonicalParameter(name)).toBe(expected);
    });
  });

  describe('detection', () => {
    it('claims W&B, Hydra and Comet sweep files, nothing else', () => {
      expect(sweepAdapter.detect({ method: 'grid', parameters: { lr: { values: [1, 2] } } })).toBe(0.95);
      expect(sweepAdapter.detect({ parameters: { lr: { min: 1, max: 2 } } })).toBe(0.6);
      expect(sweepAdapter.detect({ hydra: { sweeper: { params: { lr: 'interval(0.1, 1)' } } } })).toBe(0.95);
      expect(sweepAdapter.detect({ algorithm: 'bayes', parameters: { lr: { type: 'float', min: 0, max: 1 } } })).toBe(0.95);
      expect(sweepAdapter.detect({ parameters: { lr: 0.1 } })).toBe(0);
      expect(sweepAdapter.detect({ hydra: { run: { dir: 'out' } } })).toBe(0);
      expect(sweepAdapter.detect(['a'])).toBe(0);
    });
  });

  describe.skipIf(withoutShared('sweep adapter: golden views of real sweeps from ../shared/corpus/other'))('golden views of real sweeps', () => {
    it.each([
      ['wandb-fixed-values', '676627__deep-learning-eurosat__sweep.yaml'],
      ['wandb-11664-combinations', 'Aastha7231__cs6910_assignment1__sweep.yaml'],
      ['wandb-min-max', 'AntonRydahl__MNIST_VAE_SWEEP__sweep.yaml'],
      ['hydra-optuna', 'ashleve__lightning-hydra-template__configs__hparams_search__mnist_optuna.yaml'],
      ['comet', 'ultralytics__yolov5__utils__loggers__comet__optimizer_config.json'],
    ])('%s (corpus: %s)', async (name, file) => {
      await expect(goldenYaml(corpusText('other', file))).toMatchFileSnapshot(goldenPath('sweep', name));
    });
  });

  describe('golden canonical config and source map', () => {
    it.each([
      ['fixture-wandb-fixed-values', 'wandb-fixed-values.yaml'],
      ['fixture-wandb-grid', 'wandb-grid-large.yaml'],
      ['fixture-wandb-min-max', 'wandb-min-max.yaml'],
      ['fixture-hydra-optuna', 'hydra-optuna.yaml'],
      ['fixture-comet', 'comet-optimizer.json'],
    ])('%s (fixture: %s)', async (name, file) => {
      await expect(goldenYaml(fixture('sweep', file))).toMatchFileSnapshot(goldenPath('sweep', name));
    });

    it('W&B distributions, nested parameters and fixed values', async () => {
      const text = dedent(`
        method: random
        count: 40
        parameters:
          learning_rate: { distribution: log_uniform_values, min: 1.0e-5, max: 1.0e-2 }
          weight_decay: { distribution: q_log_uniform_values, min: 1.0e-6, max: 1.0e-3, q: 1.0e-6 }
          beta1: { distribution: log_uniform, min: -4.6, max: -0.1 }
          epochs: { distribution: int_uniform, min: 5, max: 50 }
          dropout: { distribution: uniform, min: 0.1, max: 0.5 }
          noise: { distribution: normal, mu: 0, sigma: 1 }
          optimizer:
            parameters:
              momentum: { values: [0.9, 0.99] }
              name: { value: sgd }
          batch_size: { value: 64 }
          seed: { value: 7 }
      `);
      await expect(goldenYaml(text)).toMatchFileSnapshot(goldenPath('sweep', 'wandb-distributions'));
    });

    it('Hydra basic sweeper comma lists and the old Optuna search_space', async () => {
      const basic = dedent(`
        hydra:
          sweeper:
            params:
              optimizer.lr: 0.1,0.01
              model.dropout: choice(0.1, 0.3)
              trainer.max_epochs: 20
      `);
      await expect(goldenYaml(basic)).toMatchFileSnapshot(goldenPath('sweep', 'hydra-basic'));
      const old = dedent(`
        defaults:
          - override hydra/sweeper: optuna
        hydra:
          sweeper:
            sampler:
              _target_: optuna.samplers.RandomSampler
            search_space:
              lr: { type: float, low: 1.0e-5, high: 1.0e-1, log: true }
              batch_size: { type: categorical, choices: [16, 32] }
      `);
      await expect(goldenYaml(old)).toMatchFileSnapshot(goldenPath('sweep', 'hydra-search-space'));
    });
  });

  describe('canonical search', () => {
    it('applies the Optuna sweeper defaults (TPE, 20 trials) when the file leaves them out', () => {
      const text = dedent(`
        hydra:
          sweeper:
            _target_: hydra_plugins.hydra_optuna_sweeper.optuna_sweeper.OptunaSweeper
            params:
              lr: tag(log, interval(1.0e-4, 1.0e-1))
      `);
      const read = readConfig(text);
      expect(read.config?.search).toEqual({ strategy: 'bayesian', trials: 20, space: [{ parameter: 'optimizer.learningRate', min: 1e-4, max: 0.1, scale: 'log' }] });
      expect(read.facts?.defaultOf('/search/trials')).toEqual({ framework: 'Hydra Optuna sweeper', anchor: ['hydra', 'sweeper'] });
    });

    it('reads Comet float ranges with their scaling type and a maxCombo budget', () => {
      const text = JSON.stringify({
        algorithm: 'bayes',
        spec: { maxCombo: 30 },
        parameters: {
          lr: { type: 'float', min: 1e-5, max: 1e-1, scalingType: 'loguniform' },
          wd: { type: 'float', min: 0, max: 0.1 },
          layers: { type: 'integer', min: 1, max: 4 },
        },
      });
      expect(searchOf(text)).toEqual({
        strategy: 'bayesian',
        trials: 30,
        space: [
          { parameter: 'optimizer.learningRate', min: 1e-5, max: 0.1, scale: 'log' },
          { parameter: 'optimizer.weightDecay', min: 0, max: 0.1, scale: 'linear' },
          { parameter: 'layers', min: 1, max: 4, scale: 'linear' },
        ],
      });
    });
  });

  describe('end to end, positions in the original file', () => {
    it('reports a W&B sweep whose every dimension is a list at its method', () => {
      const [d, ...rest] = located('search-grid-size', fixture('sweep', 'wandb-grid-large.yaml'));
      expect([d?.at, rest]).toEqual(['3:9-3:14 warning @ bayes', []]);
      expect(d?.message).toContain('20736 combinations');
    });

    it('reports an Optuna learning rate searched linearly over four decades', () => {
      const [d, ...rest] = located('search-log-scale', fixture('sweep', 'hydra-optuna.yaml'));
      expect([d?.at, rest]).toEqual(['18:27-18:49 warning @ interval(0.00001, 0.1)', []]);
      expect(d?.message).toContain('optimizer.learningRate is searched on a linear scale over [1e-5, 0.1]');
    });

    it('reports a W&B min/max learning rate without a distribution at its key', () => {
      const [d] = lintText(fixture('sweep', 'wandb-min-max.yaml')).diagnostics.filter((x) => x.ruleId === 'search-log-scale');
      expect([d?.path, d?.line, d?.column]).toEqual(['/search/space/0/scale', 8, 3]);
    });

    it('fills fixed Comet values so the training rules see them', () => {
      const text = fixture('sweep', 'comet-optimizer.json');
      expect(located('warmup-length', text).map((d) => d.at)).toEqual(['30:18-30:19 warning @ 6']);
      expect(located('momentum-range', text).map((d) => d.at)).toEqual(['22:18-22:21 info @ 0.5']);
    });

    it('reports a tier-3 search with the learning rate pinned by `value:`', () => {
      const text = dedent(`
        method: random
        run_cap: 30
        parameters:
          learning_rate: { value: 0.001 }
          weight_decay: { values: [0.0, 1.0e-5, 1.0e-4] }
      `);
      expect(readConfig(text).config?.optimizer).toEqual({ learningRate: 0.001 });
      const [d, ...rest] = located('search-importance-order', text);
      expect([d?.at, rest]).toEqual(['3:1-3:11 info @ parameters', []]);
      expect(d?.message).toContain('(optimizer.weightDecay) but keeps the learning rate fixed at 0.001');
    });
  });

  describe.skipIf(withoutShared('sweep adapter: positions in real sweeps from ../shared/corpus/other'))('end to end, positions in real sweeps', () => {
    it('reports the 11,664-combination W&B sweep at its method (corpus: Aastha7231)', () => {
      const [d, ...rest] = located('search-grid-size', corpusText('other', 'Aastha7231__cs6910_assignment1__sweep.yaml'));
      expect([d?.at, rest]).toEqual(['2:9-2:14 warning @ bayes', []]);
      expect(d?.message).toContain('11664 combinations');
    });

    it('reports the Optuna learning rate searched linearly over three decades (corpus: ashleve)', () => {
      const [d, ...rest] = located('search-log-scale', corpusText('other', 'ashleve__lightning-hydra-template__configs__hparams_search__mnist_optuna.yaml'));
      expect([d?.at, rest]).toEqual(['48:27-48:48 warning @ interval(0.0001, 0.1)', []]);
      expect(d?.message).toContain('optimizer.learningRate is searched on a linear scale over [1e-4, 0.1]');
    });

    it('reports a W&B min/max learning rate without a distribution at its key (corpus: AntonRydahl)', () => {
      const [d] = lintText(corpusText('other', 'AntonRydahl__MNIST_VAE_SWEEP__sweep.yaml')).diagnostics.filter((x) => x.ruleId === 'search-log-scale');
      expect([d?.path, d?.line, d?.column]).toEqual(['/search/space/0/scale', 7, 3]);
    });

    it('fills fixed Comet values so the training rules see them (corpus: yolov5 comet)', () => {
      const text = corpusText('other', 'ultralytics__yolov5__utils__loggers__comet__optimizer_config.json');
      expect(located('warmup-length', text).map((d) => d.at)).toEqual(['118:18-118:19 warning @ 5']);
      expect(located('momentum-range', text).map((d) => d.at)).toEqual(['78:18-78:21 info @ 0.6']);
    });
  });

  describe.skipIf(withoutShared('sweep adapter: every real sweep of ../shared/corpus/other'))('corpus', () => {
    it.each([
      '676627__deep-learning-eurosat__sweep.yaml',
      'AGCpr__Medical-AI-Colon-Polyp-Segmentation__sweep.yaml',
      'AaradhyaDashore__da6401_assignment_1__sweep.yaml',
      'Aastha7231__cs6910_assignment1__sweep.yaml',
      'AntonRydahl__MNIST_VAE_SWEEP__sweep.yaml',
      'BL1010__DL_assignment_1__sweep.yaml',
      'ashleve__lightning-hydra-template__configs__hparams_search__mnist_optuna.yaml',
      'ultralytics__yolov5__utils__loggers__comet__optimizer_config.json',
    ])('reads %s as a sweep with a search space', (file) => {
      const read = readConfig(corpusText('other', file), { filePath: file });
      expect(read.format).toBe('sweep');
      expect(read.config?.search?.space?.length).toBeGreaterThan(2);
      expect(typeof read.config?.search?.strategy).toBe('string');
    });
  });
});
