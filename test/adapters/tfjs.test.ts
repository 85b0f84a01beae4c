import { describe, expect, it } from 'vitest';
import { tfjsAdapter } from '../../src/adapters/tfjs.js';
import { readConfig } from '../../src/engine/lint.js';
import { lintText } from '../../src/rules/index.js';
import { corpusText, withoutShared } from '../helpers/shared.js';
import { fixture, goldenPath, goldenYaml } from './golden.js';

const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

const DENSE_MODEL = {
  class_name: 'Sequential',
  config: { name: 's', layers: [{ class_name: 'Dense', config: { name: 'd', units: 1, activation: 'linear', batch_input_shape: [null, 3] } }] },
  keras_version: 'tfjs-layers 4.22.0',
  backend: 'tensor_flow.js',
};

/** What `model.save()` in TF.js writes: camelCase optimizer config, a TF.js-only optimizer name. */
const TFJS_SAVED = json({
  modelTopology: DENSE_MODEL,
  format: 'layers-model',
  generatedBy: 'TensorFlow.js tfjs-layers v4.22.0',
  convertedBy: null,
  trainingConfig: {
    loss: 'meanSquaredError',
    metrics: [],
    optimizer_config: { class_name: 'RMSProp', config: { learningRate: 0.02, decay: 0.95, centered: false } },
  },
  weightsManifest: [],
});

/** A Keras 3 training config whose learning rate is a serialised schedule, two outputs with per-output weights. */
const KERAS3_SCHEDULE = json({
  modelTopology: {
    model_config: {
      class_name: 'Functional',
      config: {
        name: 'two_heads',
        layers: [
          { class_name: 'InputLayer', name: 'x', config: { name: 'x', batch_shape: [null, 4] }, inbound_nodes: [] },
          { class_name: 'Dense', name: 'cls', config: { name: 'cls', units: 5, activation: 'softmax' }, inbound_nodes: [[['x', 0, 0, {}]]] },
          { class_name: 'Dense', name: 'box', config: { name: 'box', units: 4, activation: 'linear' }, inbound_nodes: [[['x', 0, 0, {}]]] },
        ],
        output_layers: [
          ['cls', 0, 0],
          ['box', 0, 0],
        ],
      },
    },
    training_config: {
      loss: ['categorical_crossentropy', { module: 'keras.losses', class_name: 'Huber', config: { delta: 1 }, registered_name: null }],
      loss_weights: [1, 500],
      optimizer_config: {
        module: 'keras.optimizers',
        class_name: 'Adam',
        config: {
          learning_rate: {
            module: 'keras.optimizers.schedules',
            class_name: 'ExponentialDecay',
            config: { initial_learning_rate: 0.001, decay_steps: 1000, decay_rate: 0.96, staircase: true },
            registered_name: null,
          },
          beta_1: 0.9,
          beta_2: 0.999,
        },
        registered_name: null,
      },
    },
  },
  weightsManifest: [],
});

describe('tfjs adapter', () => {
  describe('detection', () => {
    it('claims any model.json with a modelTopology, null included', () => {
      expect(tfjsAdapter.detect(JSON.parse(TFJS_SAVED))).toBe(0.95);
      expect(tfjsAdapter.detect({ modelTopology: null, weightsManifest: [] })).toBe(0.95);
      expect(tfjsAdapter.detect({ modelTopology: DENSE_MODEL })).toBe(0.8);
      expect(tfjsAdapter.detect(DENSE_MODEL)).toBe(0);
    });
  });

  describe.skipIf(withoutShared('tfjs adapter: golden views of real model.json files from ../shared/corpus/keras'))('golden views of real models', () => {
    it('legacy `lr` key in a converter-written Adam (corpus: AniketDogra)', async () => {
      await expect(goldenYaml(corpusText('keras', 'AniketDogra__GuessTheDoodle__model__model.json'))).toMatchFileSnapshot(goldenPath('tfjs', 'legacy-lr'));
    });

    it('Keras 3 optimizer config, clean negative control (corpus: Andrzej1302)', async () => {
      await expect(goldenYaml(corpusText('keras', 'Andrzej1302__titanic-webnn__model__model.json'))).toMatchFileSnapshot(goldenPath('tfjs', 'keras3-optimizer'));
    });

    it('loss object with from_logits (corpus: AndreasBart)', async () => {
      await expect(goldenYaml(corpusText('keras', 'AndreasBart__voicerecognition_tf-model__model__model.json'))).toMatchFileSnapshot(
        goldenPath('tfjs', 'from-logits'),
      );
    });

    it('reads a null modelTopology as an empty config without diagnostics (corpus: 0fakhri)', () => {
      const text = corpusText('keras', '0fakhri__klasifikasi-tanaman-herbal__model__model.json');
      expect([lintText(text).format, lintText(text).diagnostics, readConfig(text).config]).toEqual(['tfjs', [], {}]);
    });
  });

  describe('golden canonical config and source map', () => {
    it('legacy `lr` key in a converter-written Adam', async () => {
      await expect(goldenYaml(fixture('tfjs', 'converter-legacy-lr.json'))).toMatchFileSnapshot(goldenPath('tfjs', 'fixture-legacy-lr'));
    });

    it('Keras 3 optimizer config, clean negative control', async () => {
      expect(lintText(fixture('tfjs', 'keras3-optimizer.json')).diagnostics).toEqual([]);
      await expect(goldenYaml(fixture('tfjs', 'keras3-optimizer.json'))).toMatchFileSnapshot(goldenPath('tfjs', 'fixture-keras3-optimizer'));
    });

    it('loss object with from_logits', async () => {
      await expect(goldenYaml(fixture('tfjs', 'from-logits-loss.json'))).toMatchFileSnapshot(goldenPath('tfjs', 'fixture-from-logits'));
    });

    it('TF.js model.save(): camelCase optimizer, RMSProp decay as rho, TF.js defaults marked', async () => {
      await expect(goldenYaml(TFJS_SAVED)).toMatchFileSnapshot(goldenPath('tfjs', 'tfjs-saved'));
    });

    it('Keras 3 schedule as learning rate, two weighted losses on two outputs', async () => {
      await expect(goldenYaml(KERAS3_SCHEDULE)).toMatchFileSnapshot(goldenPath('tfjs', 'keras3-schedule'));
    });
  });

  describe('files with nothing to check', () => {
    it('reads a null modelTopology (weights only) as an empty config without diagnostics', () => {
      const result = lintText(fixture('tfjs', 'weights-only.json'));
      expect([result.format, result.diagnostics]).toEqual(['tfjs', []]);
      expect(readConfig(fixture('tfjs', 'weights-only.json')).config).toEqual({});
    });

    it('reads a graph model (no Keras topology) as an empty config', () => {
      const graph = json({ format: 'graph-model', modelTopology: { node: [{ name: 'x', op: 'Placeholder' }] }, weightsManifest: [] });
      expect(readConfig(graph)).toMatchObject({ format: 'tfjs', config: {} });
    });
  });

  describe('defaults', () => {
    it('never invents a learning rate: TF.js leaves a missing one undefined', () => {
      const text = json({ modelTopology: DENSE_MODEL, trainingConfig: { loss: 'mse', optimizer_config: { class_name: 'Adam', config: { beta_1: 0.9 } } } });
      const read = readConfig(text);
      expect(read.config?.optimizer).toEqual({ name: 'adam', beta1: 0.9, epsilon: 1e-7 });
      expect(read.facts?.defaultOf('/optimizer/epsilon')).toEqual({ framework: 'TF.js', anchor: ['trainingConfig', 'optimizer_config', 'class_name'] });
      expect(read.facts?.defaultOf('/optimizer/learningRate')).toBeUndefined();
    });
  });

  describe('Keras 3 serialisation details', () => {
    it('reads a loss function object and a package-prefixed optimizer class', () => {
      const text = json({
        modelTopology: DENSE_MODEL,
        training_config: {
          loss: { module: 'keras.losses', class_name: 'function', config: 'binary_crossentropy', registered_name: 'binary_crossentropy' },
          optimizer_config: { class_name: 'Addons>AdamW', config: { learning_rate: 0.001, weight_decay: 0.004 } },
        },
      });
      const config = readConfig(text).config;
      expect([config?.losses, config?.optimizer]).toEqual([[{ name: 'binaryCrossentropy' }], { name: 'adamw', learningRate: 0.001, weightDecay: 0.004, decoupledWeightDecay: true }]);
    });
  });

  describe('end to end, positions in the original file', () => {
    it('reports the legacy `lr` value where it is written', () => {
      const text = json({ modelTopology: DENSE_MODEL, trainingConfig: { optimizer_config: { class_name: 'Adam', config: { lr: 0.5 } } } });
      const [d] = lintText(text).diagnostics.filter((x) => x.ruleId === 'learning-rate-range');
      expect([d?.line, d?.column, text.slice(...d!.range)]).toEqual([28, 15, '0.5']);
    });

  });

  describe.skipIf(withoutShared('tfjs adapter: positions in real model.json files from ../shared/corpus/keras'))('end to end, positions in real models', () => {
    it('reports the decayed Adam rate 2.97e-12 saved in the model (corpus: 88v88)', () => {
      const text = corpusText('keras', '88v88__number__model__model.json');
      const diagnostics = lintText(text).diagnostics.filter((d) => d.ruleId === 'learning-rate-range');
      expect(diagnostics.map((d) => [d.path, d.line, d.column, text.slice(...d.range)])).toEqual([['/optimizer/learningRate', 1, 1635, '2.969525667029238e-12']]);
      expect(diagnostics[0]?.message).toContain('Adam learning rate 2.97e-12 is below');
    });

    it('reports the 10-class softmax model trained with binary cross-entropy (corpus: AkhmadMuzanni)', () => {
      const text = corpusText('keras', 'AkhmadMuzanni__TomatoLeafDisease__public__model__model.json');
      const read = readConfig(text);
      // The softmax is a separate Activation layer after a linear Dense: the effective output activation.
      expect(read.config?.model?.layers?.slice(-2).map((l) => [l.type, l.units, l.activation])).toEqual([
        ['dense', 10, 'linear'],
        ['activation', undefined, 'softmax'],
      ]);
      expect(read.config?.losses).toEqual([{ name: 'binaryCrossentropy' }]);
      const diagnostics = lintText(text).diagnostics.filter((d) => d.ruleId === 'loss-output-mismatch');
      expect(diagnostics.map((d) => [d.line, d.column, text.slice(...d.range)])).toEqual([[1, 9919, '"softmax"']]);
      expect(diagnostics[0]?.message).toContain('binary cross-entropy');
    });
  });
});
