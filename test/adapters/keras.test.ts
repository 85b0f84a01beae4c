import { describe, expect, it } from 'vitest';
import { kerasAdapter } from '../../src/adapters/keras.js';
import { layerType, snakeToCamel } from '../../src/adapters/keras-model.js';
import { fixText } from '../../src/engine/fix.js';
import { readConfig } from '../../src/engine/lint.js';
import { lintText, RULES } from '../../src/rules/index.js';
import { resolveRules } from '../../src/engine/settings.js';
import { corpusFiles, corpusText, withoutShared } from '../helpers/shared.js';
import { fixture, goldenPath, goldenYaml } from './golden.js';

const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

/** Keras 3 `to_json()` objects carry `module` and `registered_name`. */
const k3 = (module: string, className: string, config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  module,
  class_name: className,
  config,
  registered_name: null,
  ...extra,
});
const tensor = (layer: string) => ({ class_name: '__keras_tensor__', config: { shape: [null, 8], dtype: 'float32', keras_history: [layer, 0, 0] } });
const node = (...layers: string[]) => ({ args: layers.length === 1 ? [tensor(layers[0]!)] : [layers.map(tensor)], kwargs: {} });

/** Keras 3 functional model, written with its layers out of graph order. */
const KERAS3_FUNCTIONAL = json(
  k3('keras', 'Functional', {
    name: 'functional',
    trainable: true,
    layers: [
      k3('keras.layers', 'Dense', { name: 'head', units: 3, activation: 'softmax' }, { name: 'head', inbound_nodes: [node('drop')] }),
      k3('keras.layers', 'InputLayer', { name: 'in', batch_shape: [null, 8] }, { name: 'in', inbound_nodes: [] }),
      k3('keras.layers', 'Dropout', { name: 'drop', rate: 0.3 }, { name: 'drop', inbound_nodes: [node('hidden')] }),
      k3(
        'keras.layers',
        'Dense',
        {
          name: 'hidden',
          units: 16,
          activation: 'relu',
          kernel_regularizer: k3('keras.regularizers', 'L2', { l2: 1e-4 }),
        },
        { name: 'hidden', inbound_nodes: [node('in')] },
      ),
    ],
    input_layers: [['in', 0, 0]],
    output_layers: [['head', 0, 0]],
  }),
);

/** Keras 2 functional model: list-form inbound nodes, two heads, a merge, and a nested Sequential. */
const KERAS2_FUNCTIONAL = json({
  class_name: 'Model',
  config: {
    name: 'model',
    layers: [
      { name: 'merge', class_name: 'Concatenate', config: { name: 'merge' }, inbound_nodes: [[['a', 0, 0, {}], ['block', 0, 0, {}]]] },
      { name: 'x', class_name: 'InputLayer', config: { name: 'x', batch_input_shape: [null, 4] }, inbound_nodes: [] },
      { name: 'a', class_name: 'Dense', config: { name: 'a', units: 8, activation: 'relu' }, inbound_nodes: [[['x', 0, 0, {}]]] },
      {
        name: 'block',
        class_name: 'Sequential',
        config: {
          name: 'block',
          layers: [
            { class_name: 'Dense', config: { name: 'b1', units: 8 } },
            { class_name: 'BatchNormalization', config: { name: 'b2', momentum: 0.99 } },
          ],
        },
        inbound_nodes: [[['x', 0, 0, {}]]],
      },
      { name: 'out', class_name: 'Dense', config: { name: 'out', units: 1, activation: 'sigmoid' }, inbound_nodes: [[['merge', 0, 0, {}]]] },
    ],
    input_layers: [['x', 0, 0]],
    output_layers: [['out', 0, 0]],
  },
  keras_version: '2.15.0',
  backend: 'tensorflow',
});

/** Keras 2 with `config.layers`, a legacy optimizer (decay, lr) and a training config in the HDF5 wrapper. */
const HDF5_WRAPPER = json({
  model_config: {
    class_name: 'Sequential',
    config: {
      name: 'sequential',
      layers: [
        { class_name: 'Conv2D', config: { name: 'conv', filters: 32, kernel_size: [3, 3], activation: 'linear', batch_input_shape: [null, 28, 28, 1] } },
        { class_name: 'LeakyReLU', config: { name: 'act', alpha: 0.3 } },
        { class_name: 'GRU', config: { name: 'gru', units: 32, dropout: 0.1, recurrent_dropout: 0.2 } },
        { class_name: 'Dense', config: { name: 'out', units: 10, activation: 'softmax' } },
      ],
    },
  },
  training_config: {
    optimizer_config: { class_name: 'SGD', config: { lr: 0.05, momentum: 0.9, nesterov: true, decay: 1e-4 } },
    loss: 'categorical_crossentropy',
  },
});

describe('keras adapter', () => {
  describe('names', () => {
    it.each([
      ['Conv2D', 'conv2d'],
      ['BatchNormalization', 'batchNormalization'],
      ['LSTM', 'lstm'],
      ['SimpleRNN', 'simpleRNN'],
      ['MaxPooling3D', 'maxPooling3d'],
      ['GlobalAveragePooling2D', 'globalAveragePooling2d'],
      ['LeakyReLU', 'leakyReLU'],
      ['PReLU', 'prelu'],
      ['TimeDistributed', 'timeDistributed'],
    ])('%s → %s', (name, expected) => {
      expect(layerType(name)).toBe(expected);
    });

    it('camel-cases snake_case keys', () => {
      expect(snakeToCamel('recurrent_dropout')).toBe('recurrentDropout');
      expect(snakeToCamel('binary_crossentropy')).toBe('binaryCrossentropy');
    });
  });

  describe('detection', () => {
    it('claims Keras topologies and their HDF5 wrapper, nothing else', () => {
      expect(kerasAdapter.detect(JSON.parse(KERAS3_FUNCTIONAL))).toBe(0.95);
      expect(kerasAdapter.detect(JSON.parse(HDF5_WRAPPER))).toBe(0.95);
      expect(kerasAdapter.detect({ class_name: 'Sequential', config: [] })).toBe(0.95);
      expect(kerasAdapter.detect({ class_name: 'Sequential' })).toBe(0);
      expect(kerasAdapter.detect({ modelTopology: { class_name: 'Sequential', config: [] } })).toBe(0);
      expect(kerasAdapter.detect({ optimizer: { name: 'adam' } })).toBe(0);
    });
  });

  describe.skipIf(withoutShared('keras adapter: golden views of real to_json() files from ../shared/corpus/keras'))('golden views of real models', () => {
    it('Keras 2 Sequential whose config is a bare layer list (corpus: 0xDaksh)', async () => {
      await expect(goldenYaml(corpusText('keras', '0xDaksh__Credit-Card-Fraud__model.json'))).toMatchFileSnapshot(goldenPath('keras', 'keras2-bare-list'));
    });

    it('wrappers keep the inner layer in `layer` (corpus: 3jacksonsmith)', async () => {
      await expect(goldenYaml(corpusText('keras', '3jacksonsmith__biderectional_LSTM_pos_tag__model.json'))).toMatchFileSnapshot(
        goldenPath('keras', 'wrappers'),
      );
    });
  });

  describe('golden canonical config and source map', () => {
    it('Keras 2 Sequential whose config is a bare layer list', async () => {
      await expect(goldenYaml(fixture('keras', 'keras2-bare-list.json'))).toMatchFileSnapshot(goldenPath('keras', 'fixture-keras2-bare-list'));
    });

    it('wrappers keep the inner layer in `layer`', async () => {
      await expect(goldenYaml(fixture('keras', 'bidirectional-tagger.json'))).toMatchFileSnapshot(goldenPath('keras', 'fixture-wrappers'));
    });

    it('Keras 3 functional: layers follow {args, kwargs} inbound nodes, not file order', async () => {
      await expect(goldenYaml(KERAS3_FUNCTIONAL)).toMatchFileSnapshot(goldenPath('keras', 'keras3-functional'));
    });

    it('Keras 2 functional: list-form inbound nodes, a merge and an inlined nested Sequential', async () => {
      await expect(goldenYaml(KERAS2_FUNCTIONAL)).toMatchFileSnapshot(goldenPath('keras', 'keras2-functional'));
    });

    it('HDF5 wrapper with a legacy SGD config (lr, decay) and a loss', async () => {
      await expect(goldenYaml(HDF5_WRAPPER)).toMatchFileSnapshot(goldenPath('keras', 'hdf5-wrapper'));
    });
  });

  describe('functional order', () => {
    const names = (text: string) => readConfig(text).config?.model?.layers?.map((l) => l.name);

    it('puts every layer after the layers it reads from', () => {
      expect(names(KERAS3_FUNCTIONAL)).toEqual(['in', 'hidden', 'drop', 'head']);
      expect(names(KERAS2_FUNCTIONAL)).toEqual(['x', 'a', 'b1', 'b2', 'merge', 'out']);
    });

    it('survives a cycle or unknown inbound names by falling back to file order', () => {
      const cyclic = json({
        class_name: 'Functional',
        config: {
          layers: [
            { name: 'p', class_name: 'Dense', config: { name: 'p' }, inbound_nodes: [[['q', 0, 0, {}]]] },
            { name: 'q', class_name: 'Dense', config: { name: 'q' }, inbound_nodes: [[['p', 0, 0, {}], ['ghost', 0, 0, {}]]] },
          ],
        },
      });
      expect(names(cyclic)).toEqual(['p', 'q']);
    });
  });

  describe('transfer learning', () => {
    it('freezes every layer of a nested model saved with trainable: false, pointing at that key', () => {
      const text = json(
        k3('keras', 'Functional', {
          name: 'transfer',
          layers: [
            k3('keras.layers', 'InputLayer', { name: 'image', batch_shape: [null, 96, 96, 3] }, { name: 'image', inbound_nodes: [] }),
            k3(
              'keras',
              'Functional',
              {
                name: 'base',
                trainable: false,
                layers: [
                  k3('keras.layers', 'Conv2D', { name: 'c1', filters: 8, kernel_size: [3, 3], trainable: true }, { name: 'c1', inbound_nodes: [] }),
                  k3('keras.layers', 'BatchNormalization', { name: 'bn', trainable: true }, { name: 'bn', inbound_nodes: [node('c1')] }),
                ],
              },
              { name: 'base', inbound_nodes: [node('image')] },
            ),
            k3('keras.layers', 'Dense', { name: 'head', units: 2, activation: 'softmax', trainable: true }, { name: 'head', inbound_nodes: [node('base')] }),
          ],
        }),
      );
      const read = readConfig(text);
      expect(read.config?.model?.layers?.map((l) => [l.name, l.trainable])).toEqual([
        ['image', undefined],
        ['c1', false],
        ['bn', false],
        ['head', true],
      ]);
      expect(read.sources.get('/model/layers/1/trainable')).toEqual(['config', 'layers', 1, 'config', 'trainable']);
    });
  });

  describe('end to end, positions in the original file', () => {
    it('reports a wrapped LSTM by its path inside the wrapper', () => {
      const text = json({
        class_name: 'Sequential',
        config: { layers: [{ class_name: 'Bidirectional', config: { layer: { class_name: 'LSTM', config: { units: 8, dropout: 0.7 } } } }] },
      });
      const [d] = lintText(text).diagnostics.filter((x) => x.ruleId === 'dropout-range');
      expect(d?.path).toBe('/model/layers/0/layer/dropout');
      expect([d!.line, d!.column, text.split('\n')[d!.line - 1], text.slice(...d!.range)]).toEqual([12, 26, '              "dropout": 0.7', '0.7']);
    });

    it('reports coupled kernel L2 from a Keras 3 regularizer object', () => {
      const text = json({
        class_name: 'Sequential',
        config: { layers: [k3('keras.layers', 'Dense', { units: 4, kernel_regularizer: k3('keras.regularizers', 'L2', { l2: 0.01 }) })] },
      });
      const [d] = lintText(text).diagnostics.filter((x) => x.ruleId === 'weight-decay-range');
      expect([d?.path, d?.line, d?.column, text.slice(...d!.range)]).toEqual(['/model/layers/0/kernelRegularizer/l2', 14, 21, '0.01']);
    });

    it('keeps activation layers where they stand and reads the HDF5 training config', () => {
      const read = readConfig(HDF5_WRAPPER);
      const layers = read.config?.model?.layers ?? [];
      expect(layers.map((l) => [l.type, l.activation])).toEqual([
        ['conv2d', 'linear'],
        ['leakyReLU', undefined],
        ['gru', undefined],
        ['dense', 'softmax'],
      ]);
      expect(read.config?.losses).toEqual([{ name: 'categoricalCrossentropy' }]);
    });
  });

  describe.skipIf(withoutShared('keras adapter: positions in a real to_json() file from ../shared/corpus/keras'))('end to end, positions in a real model', () => {
    it('reports the 0.525 and 0.625 dropout rates at their keys (corpus: AleisterAR)', () => {
      const text = corpusText('keras', 'AleisterAR__Emotion-Classification-Simbolo-__model__model.json');
      const result = lintText(text, { filePath: 'model.json' });
      expect(result.format).toBe('keras');
      const dropout = result.diagnostics.filter((d) => d.ruleId === 'dropout-range');
      expect(dropout.map((d) => [d.path, d.line, d.column, text.slice(...d.range)])).toEqual([
        ['/model/layers/10/rate', 1, 3528, '0.525'],
        ['/model/layers/13/rate', 1, 4234, '0.625'],
      ]);
    });
  });

  describe('fixes', () => {
    const dropoutThenNorm = (layers: unknown[]) => json({ class_name: 'Functional', config: { layers } });
    const unsafeFix = (text: string) => fixText(text, {}, resolveRules(RULES, { 'dropout-range': 'off' }), 'unsafe').output;

    it('moves a Sequential dropout after its batch normalization in the file itself', () => {
      const text = json({
        class_name: 'Sequential',
        config: { layers: [{ class_name: 'Dropout', config: { rate: 0.2 } }, { class_name: 'BatchNormalization', config: {} }] },
      });
      expect(JSON.parse(unsafeFix(text)).config.layers.map((l: { class_name: string }) => l.class_name)).toEqual(['BatchNormalization', 'Dropout']);
    });

    it('never reorders a functional model, whose file order is not its graph order', () => {
      const text = dropoutThenNorm([
        { name: 'bn', class_name: 'BatchNormalization', config: { name: 'bn' }, inbound_nodes: [[['drop', 0, 0, {}]]] },
        { name: 'drop', class_name: 'Dropout', config: { name: 'drop', rate: 0.2 }, inbound_nodes: [] },
      ]);
      expect(lintText(text).diagnostics.map((d) => d.ruleId)).toEqual(['dropout-before-batchnorm']);
      expect(unsafeFix(text)).toBe(text);
    });
  });

  describe.skipIf(withoutShared('keras adapter: every real model of ../shared/corpus/keras'))('corpus', () => {
    /** The Keras files of ../shared/corpus/keras that are bare `to_json()` output; the rest are TF.js model.json. */
    const BARE = [
      '0xDaksh__Credit-Card-Fraud__model.json',
      '3jacksonsmith__biderectional_LSTM_pos_tag__model.json',
      '4vedi__Emotion-Recognition-system__model.json',
      'Ahmed-Farouk-Ibrahim__Apple-Disease-Classification-Project__model__model.json',
      'AhmetHamzaEmra__Intelegent_Lock__model__model.json',
      'AleisterAR__Emotion-Classification-Simbolo-__model__model.json',
    ];

    it.each(corpusFiles('keras'))('reads %s with the right format and its layers', (file) => {
      const read = readConfig(corpusText('keras', file), { filePath: file });
      expect(read.format).toBe(BARE.includes(file) ? 'keras' : 'tfjs');
      const layers = read.config?.model?.layers ?? [];
      // Only the weights-only file (modelTopology: null) has no layers.
      expect(layers.length > 0).toBe(!file.startsWith('0fakhri'));
      expect(layers.every((l) => typeof l.type === 'string')).toBe(true);
    });
  });
});
