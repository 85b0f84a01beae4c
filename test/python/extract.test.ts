import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/engine/lint.js';
import { lintText } from '../../src/rules/index.js';
import { brief, dedent } from '../helpers/lint.js';

/** Python training code read into the canonical model: each pattern, with the exact range reported. */
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const lint = (text: string, filePath = 'train.py') => lintText(text, { filePath });
const found = (text: string, ruleId: string, filePath = 'train.py') => lint(text, filePath).diagnostics.filter((d) => d.ruleId === ruleId).map(brief);
const config = (text: string, filePath = 'train.py') => readConfig(text, { filePath }).config;

describe('PyTorch scripts', () => {
  const text = fixture('torch_train.py');

  it('reads nn.Sequential in order and reports the dropout that feeds batch norm at its call', () => {
    expect(found(text, 'dropout-before-batchnorm')).toEqual([
      '16:5-16:20 warning Dropout (layer 1) feeds batch normalization (layer 2): dropout shifts the variance that batch-norm statistics see, so inference behaves differently from training (GUIDE §6 Tier 3; Li et al. 2019). Put the dropout after the batch normalization.',
    ]);
    expect(found(text, 'dropout-range')).toEqual([expect.stringMatching(/^16:16-16:19 warning Dropout rate 0.8 of layer 1/)]);
  });

  it('points at the argparse default, not the use site, and says where the value flows', () => {
    expect(found(text, 'batchnorm-small-batch')).toEqual([
      expect.stringMatching(/^10:55-10:56 warning Per-device batch size 2 .* \(set through the argparse default of `--batch-size`; used by DataLoader\(batch_size=…\) at line 20\)$/),
    ]);
    expect(found(text, 'momentum-range')).toEqual([expect.stringMatching(/^11:55-11:58 info Momentum 0.5 .*used by optim.SGD\(momentum=…\) at line 21\)$/)]);
  });

  it('follows module constants to their literal', () => {
    expect(found(text, 'learning-rate-range')).toEqual([expect.stringMatching(/^7:6-7:9 warning SGD with momentum learning rate 0.5 .*\(set through `LR` \(line 7\); used by optim.SGD\(lr=…\) at line 21\)$/)]);
  });

  it('reads the scheduler, with positional arguments where torch binds them', () => {
    const read = config(text);
    expect(read?.schedule).toMatchObject({ type: 'reduceOnPlateau', factor: 0.5, patience: 100 });
    expect(config('import torch\nopt = torch.optim.SGD(params, 0.05, 0.9)\nsched = torch.optim.lr_scheduler.StepLR(opt, 30, 0.1)\n')).toMatchObject({
      optimizer: { name: 'SGD', learningRate: 0.05, momentum: 0.9 },
      schedule: { type: 'exponentialDecay', staircase: true, decaySteps: 30, decayRate: 0.1 },
    });
  });

  it('leaves an argument that is not static unknown: no torch default stands in for it', () => {
    const text = dedent(`
      import torch
      class M(torch.nn.Module):
          def configure(self):
              return torch.optim.SGD(self.parameters(), lr=self.lr, momentum=momentum_from_config())
    `);
    const read = config(text);
    expect(read?.optimizer?.learningRate).toBeUndefined();
    expect(read?.optimizer?.momentum).toBeUndefined();
    expect(read?.optimizer?.weightDecay).toBe(0);
    expect(lint(text).diagnostics).toEqual([]);
  });

  it('does not pair layers an __init__ creates one by one (their order is forward’s, which is not read)', () => {
    const text = dedent(`
      from torch import nn
      class Net(nn.Module):
          def __init__(self):
              super().__init__()
              self.drop = nn.Dropout(0.3)
              self.bn = nn.BatchNorm1d(64)
    `);
    expect(found(text, 'dropout-before-batchnorm')).toEqual([]);
    expect(config(text)?.model?.layers).toEqual([{ type: 'dropout', rate: 0.3 }, {}, { type: 'batchNormalization' }]);
  });

  it('reads conv and transposed conv strides: a kernel its stride divides is a resampling design, not judged', () => {
    const text = dedent(`
      import torch.nn as nn
      netD = nn.Sequential(
          nn.Conv2d(3, 64, 4, 2, 1, bias=False),
          nn.LeakyReLU(0.2),
          nn.Conv2d(64, 128, kernel_size=(4, 4), stride=(2, 2), padding=1),
      )
      netG = nn.Sequential(nn.ConvTranspose2d(100, 512, 4, 1, 0), nn.ConvTranspose2d(512, 3, 4, stride=2, padding=1))
      head = nn.Sequential(nn.Conv2d(3, 8, 4, padding=1))
    `);
    expect(config(text)?.model?.layers?.[0]).toEqual({ type: 'conv2d', filters: 64, kernelSize: 4, strides: 2 });
    expect(found(text, 'kernel-size')).toEqual([
      '7:51-7:52 info Kernel size 4×4 of layer 4 (conv2dTranspose) is not one GUIDE §7 recommends (1×1, 3×3, 5×5, 7×7, or 1×n / n×1 with n ≤ 7).',
      '8:38-8:39 info Kernel size 4×4 of layer 7 (conv2d) is not one GUIDE §7 recommends (1×1, 3×3, 5×5, 7×7, or 1×n / n×1 with n ≤ 7).',
    ]);
  });

  it('leaves the kernel unjudged when the stride is computed: stride 1 must not stand in for it', () => {
    const text = dedent(`
      from torch import nn
      from tensorflow import keras
      stride = 1 if small else 2
      net = nn.Sequential(nn.Conv2d(3, 8, 4, stride))
      model = keras.Sequential([keras.layers.Conv2D(8, 4, strides=stride), keras.layers.Conv2DTranspose(8, 4, 2)])
    `);
    expect(config(text)?.model?.layers?.[0]).toEqual({ type: 'conv2d', filters: 8 });
    expect(found(text, 'kernel-size')).toEqual([]);
  });

  it('takes torch\'s default batch of 1 for a training loader that sets none, at the call', () => {
    const text = dedent(`
      from torch.utils.data import DataLoader
      train_loader = DataLoader(dataset=train_set)
    `);
    expect(config(text)?.training?.batchSize).toBe(1);
    expect(found(text, 'batch-size-extremes')).toEqual([expect.stringMatching(/^2:16-2:26 info Per-device batch 1 /)]);
    // A batch sampler or **kwargs decides the batch; an evaluation loader says nothing about training.
    expect(config('from torch.utils.data import DataLoader\ntrain_loader = DataLoader(ds, batch_sampler=sampler)\n')?.training?.batchSize).toBeUndefined();
    expect(config('from torch.utils.data import DataLoader\ntrain_loader = DataLoader(ds, shuffle=True, **opts)\n')?.training?.batchSize).toBeUndefined();
    expect(config('from torch.utils.data import DataLoader\ntest_loader = DataLoader(test_set)\n')?.training?.batchSize).toBeUndefined();
  });

  it('reads a float written with a trailing dot (1., 100.) as the number, not as a syntax error', () => {
    const text = dedent(`
      import torch
      scale = 100. * 2
      opt = torch.optim.SGD(params, lr=1., momentum=.5)
    `);
    expect(found(text, 'parse-error')).toEqual([]);
    expect(config(text)?.optimizer).toMatchObject({ name: 'SGD', learningRate: 1, momentum: 0.5 });
    expect(found(text, 'momentum-range')).toEqual([expect.stringMatching(/^3:47-3:49 info Momentum 0.5 /)]);
    expect(found(text, 'learning-rate-range')).toEqual([expect.stringMatching(/^3:34-3:36 /)]);
  });

  it('takes the batch size of the training loader: the one that shuffles, or is named for training', () => {
    const text = dedent(`
      from torch.utils.data import DataLoader
      test_loader = DataLoader(test_set, batch_size=1000)
      train_loader = DataLoader(train_set, 64, shuffle=True)
    `);
    expect(config(text)?.training?.batchSize).toBe(64);
  });
});

describe('Keras scripts', () => {
  const text = fixture('keras_train.py');

  it('reads Sequential lists and .add, compile and fit, with exact positions', () => {
    expect(found(text, 'dropout-range')).toEqual([expect.stringMatching(/^9:20-9:23 warning Dropout rate 0.7 of layer 1/)]);
    expect(found(text, 'recurrent-dropout')).toEqual([expect.stringMatching(/^10:39-10:42 info Recurrent dropout 0.4 on layer 2/)]);
    expect(found(text, 'learning-rate-range')).toEqual([expect.stringMatching(/^15:51-15:54 warning Adam learning rate 0.5/)]);
    // Keras's fit(batch_size) is the global batch (one process): one example per step, a warning.
    expect(found(text, 'batch-size-extremes')).toEqual([expect.stringMatching(/^20:40-20:41 warning Effective batch size 1:/)]);
    expect(config(text)).toMatchObject({
      model: { layers: [{ type: 'dense', units: 64 }, { type: 'dropout', rate: 0.7 }, { type: 'lstm', units: 32, recurrentDropout: 0.4 }, { type: 'dense', units: 10 }] },
      training: { epochs: 100, batchSize: 1, earlyStopping: { monitor: 'val_loss', patience: 50 } },
      data: { validationSplit: 0.2 },
      losses: [{ name: 'categoricalCrossentropy' }],
    });
  });

  it('reads an optimizer given as a string, with its defaults pointed at the string', () => {
    const text = 'from tensorflow import keras\nmodel = keras.Sequential([keras.layers.Dense(1)])\nmodel.compile(optimizer="adam", loss="mse")\nmodel.fit(x, y, epochs=40)\n';
    expect(config(text)?.optimizer).toEqual({ name: 'adam', epsilon: 1e-7 });
    expect(readConfig(text, { filePath: 'train.py' }).defaults.get('/optimizer/epsilon')).toMatchObject({ anchor: ['keras', 'training_config', 'optimizer_config', 'class_name'] });
    expect(found(text, 'plateau-policy')).toEqual([expect.stringMatching(/^4:24-4:26 info A constant learning rate for 40 epochs/)]);
  });

  it('reads the last compile of a model compiled twice: it is the one that trains', () => {
    const text = 'from tensorflow import keras\nmodel = keras.Sequential([keras.layers.Dense(1)])\nmodel.compile(optimizer="sgd", loss="mse")\nmodel.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5, momentum=0.9), loss="mse")\n';
    expect(config(text)?.optimizer).toMatchObject({ name: 'sgd', learningRate: 0.5, momentum: 0.9 });
  });

  it('judges the rate of a Sequential built layer by layer, with no weights loaded, as training from scratch', () => {
    const text = (extra: string) => dedent(`
      import tensorflow as tf
      from tensorflow.keras.layers import Dense, Dropout
      model = tf.keras.Sequential()
      model.add(Dense(20, activation='relu'))
      model.add(Dropout(0.1))
      model.add(Dense(3, activation='softmax'))
      model.compile(optimizer=tf.keras.optimizers.Adam(lr=0.0005), loss='categorical_crossentropy')
      ${extra}
    `);
    expect(found(text(''), 'learning-rate-range')).toEqual([expect.stringMatching(/^7:53-7:59 warning Adam learning rate 5e-4 is below the range for training from scratch /)]);
    // Weights loaded anywhere in the file, or a layer hplint does not know, leave the regime open: 5e-4 fits fine-tuning.
    expect(found(text("model.load_weights('pretrained.h5')"), 'learning-rate-range')).toEqual([]);
    expect(found(text('base = tf.keras.models.load_model("base.keras")'), 'learning-rate-range')).toEqual([]);
    expect(found(text('').replace("model.add(Dropout(0.1))", 'model.add(MyBlock())'), 'learning-rate-range')).toEqual([]);
  });

  it('reads the optimizer and loss that compile takes by position', () => {
    const text = dedent(`
      from keras import Sequential
      from keras.layers import Dense
      from keras.optimizers import RMSprop
      model = Sequential([Dense(8, activation='relu'), Dense(1, activation='sigmoid')])
      model.compile(RMSprop(learning_rate=0.001, rho=0.9), 'binary_crossentropy', metrics=['accuracy'])
      model.fit(x, y, epochs=300, batch_size=32)
    `);
    expect(config(text)).toMatchObject({ optimizer: { name: 'rmsprop', learningRate: 0.001, rho: 0.9 }, losses: [{ name: 'binaryCrossentropy' }] });
    // 300 epochs at the rate the positional optimizer sets: reported at that literal.
    expect(found(text, 'plateau-policy')).toEqual([expect.stringMatching(/^5:37-5:42 info /)]);
  });

  it('reads a learning-rate schedule object bound to a name', () => {
    const text = dedent(`
      import tensorflow as tf
      schedule = tf.keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=1000, decay_rate=1.5)
      model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
      model.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=schedule), loss="mse")
    `);
    expect(config(text)).toMatchObject({ optimizer: { name: 'sgd', learningRate: 0.1 }, schedule: { type: 'exponentialDecay', decaySteps: 1000, decayRate: 1.5 } });
    expect(found(text, 'schedule-validity')).toEqual([expect.stringMatching(/^2:93-2:96 warning/)]);
  });

  it('reports no missing early stopping or schedule when a callback is built where hplint cannot see', () => {
    const text = 'from tensorflow import keras\nmodel = keras.Sequential([keras.layers.Dense(1)])\nmodel.compile(optimizer="adam", loss="mse")\nmodel.fit(x, y, epochs=60, validation_split=0.2, callbacks=[early_stop])\n';
    expect(lint(text).diagnostics).toEqual([]);
    expect(config(text)?.training?.earlyStopping).toEqual({});
    const seen = text.replace('callbacks=[early_stop]', 'callbacks=[keras.callbacks.ModelCheckpoint("m.h5")]');
    expect(lint(seen).diagnostics.map((d) => d.ruleId).sort()).toEqual(['early-stopping-missing', 'plateau-policy']);
  });

  it('reads Keras 2 fit_generator, and the fit of the compiled model rather than datagen.fit', () => {
    const text = dedent(`
      from keras.models import Sequential
      from keras.layers import Dense
      from keras.callbacks import ReduceLROnPlateau
      model = Sequential([Dense(10)])
      model.compile(optimizer='adam', loss='mse')
      datagen.fit(x_train)
      reduce = ReduceLROnPlateau(monitor='val_loss', patience=3, factor=0.5)
      model.fit_generator(datagen.flow(x_train, y_train), 100, 40, callbacks=[reduce])
    `);
    expect(config(text)?.training?.epochs).toBe(40);
    expect(config(text)?.schedule).toMatchObject({ type: 'reduceOnPlateau', patience: 3, factor: 0.5 });
    expect(found(text, 'plateau-policy')).toEqual([expect.stringMatching(/^7:57-7:58 info reduceOnPlateau patience 3 is below 10/)]);
  });

  it('reads callbacks bound to names', () => {
    const text = dedent(`
      import tensorflow as tf
      plateau = tf.keras.callbacks.ReduceLROnPlateau(factor=0.9, patience=3)
      callbacks = [plateau]
      model = tf.keras.Sequential([tf.keras.layers.Dense(1)])
      model.compile(optimizer="adam", loss="mse")
      model.fit(x, y, callbacks=callbacks)
    `);
    expect(config(text)?.schedule).toMatchObject({ type: 'reduceOnPlateau', factor: 0.9, patience: 3 });
    expect(found(text, 'plateau-policy').map((d) => d.slice(0, 9))).toEqual(['2:55-2:58', '2:69-2:70']);
  });

  it('reads layers imported from the Keras 2 modules that define them (keras.layers.core, .wrappers, .normalization)', () => {
    const text = dedent(`
      from keras.models import Sequential
      from keras.layers.core import Dense, Dropout
      from keras.layers.wrappers import Bidirectional
      from keras.layers.recurrent import LSTM
      from keras.optimizers import SGD
      model = Sequential()
      model.add(Bidirectional(LSTM(32, recurrent_dropout=0.3)))
      model.add(Dropout(0.5))
      model.add(Dense(2, activation='softmax'))
      model.compile(loss='categorical_crossentropy', optimizer=SGD(lr=0.1, momentum=0.9))
    `);
    expect(found(text, 'recurrent-dropout')).toEqual([expect.stringMatching(/^7:52-7:55 info Recurrent dropout 0.3 on the lstm inside layer 0/)]);
    // Every layer is a Keras layer built here: from scratch, where SGD with momentum tops out at 0.01.
    expect(found(text, 'learning-rate-range')).toEqual([expect.stringMatching(/^10:65-10:68 warning .*above the range for training from scratch/)]);
  });

  it('takes fit(batch_size) as the global batch: one example per step is a warning, not a per-device info', () => {
    const text = dedent(`
      from keras.models import Sequential
      from keras.layers import Dense
      model = Sequential([Dense(1)])
      model.compile(optimizer='rmsprop', loss='mse')
      model.fit(x, y, epochs=5, batch_size=1)
    `);
    expect(config(text)?.training).toMatchObject({ batchSize: 1, devices: 1 });
    expect(found(text, 'batch-size-extremes')).toEqual([expect.stringMatching(/^5:38-5:39 warning Effective batch size 1:/)]);
  });

  it('reads the layers of a functional model one by one, never as neighbours or as the output layer', () => {
    const text = dedent(`
      from tensorflow.keras.layers import Input, LSTM, Bidirectional, Dropout, BatchNormalization, Dense
      from tensorflow.keras.models import Model
      inp = Input(shape=(100,))
      x = Bidirectional(LSTM(64, return_sequences=True, recurrent_dropout=0.2))(inp)
      x = Dropout(0.8)(x)
      x = BatchNormalization()(x)
      out = Dense(3, activation='softmax')(x)
      model = Model(inp, out)
      model.compile(optimizer='adam', loss='binary_crossentropy')
      model.fit(x_train, y_train, epochs=5)
    `);
    expect(found(text, 'recurrent-dropout')).toEqual([expect.stringMatching(/^4:69-4:72 info Recurrent dropout 0.2 on the lstm inside layer 1/)]);
    expect(found(text, 'dropout-range')).toEqual([expect.stringMatching(/^5:13-5:16 warning Dropout rate 0.8/)]);
    // The graph's order is not read: Dropout → BatchNormalization is not paired, the last layer written is not taken for the output.
    expect(found(text, 'dropout-before-batchnorm')).toEqual([]);
    expect(found(text, 'loss-output-mismatch')).toEqual([]);
  });
});

describe('HuggingFace scripts', () => {
  const text = fixture('hf_train.py');

  it('reads TrainingArguments through a dataclass default, in the fine-tuning regime from_pretrained sets', () => {
    const read = readConfig(text, { filePath: 'train.py' });
    expect(read.note?.('/optimizer/learningRate')).toBe(' (set through the default of the dataclass field `Config.learning_rate`; used by TrainingArguments(learning_rate=…) at line 16)');
    expect(text.slice(...(() => { const r = read.document.rangeOf(read.sources.get('/optimizer/learningRate')!)!; return [r.start, r.end]; })())).toBe('1e-2');
    expect(found(text, 'warmup-length')).toEqual([expect.stringMatching(/^19:18-19:21 info A warm-up ratio of 0.6/)]);
    expect(config(text)).toMatchObject({ pretrained: true, training: { batchSize: 16, epochs: 3 } });
  });

  it('reads TRL configs and peft LoRA, and assumes no default where **kwargs may set anything', () => {
    const text = dedent(`
      from trl import SFTConfig
      from peft import LoraConfig
      lora = LoraConfig(r=8, lora_alpha=16, lora_dropout=0.7)
      args = SFTConfig(**common, learning_rate=2e-4)
    `);
    const read = config(text);
    expect(read).toMatchObject({ pretrained: true, model: { lora: { rank: 8, alpha: 16, dropout: 0.7 } }, optimizer: { learningRate: 2e-4 } });
    expect(read?.training?.batchSize).toBeUndefined();
    expect(found(text, 'dropout-range')).toEqual([expect.stringMatching(/^3:52-3:55 warning/)]);
  });

  it('does not judge a rate when the file does not say whether it fine-tunes', () => {
    const text = 'from transformers import TrainingArguments\nargs = TrainingArguments(output_dir="o", learning_rate=2e-5)\n';
    expect(config(text)?.optimizer?.learningRate).toBeUndefined();
    expect(found(text, 'learning-rate-range')).toEqual([]);
  });
});

describe('Lightning scripts', () => {
  it('reads Trainer, its callbacks and configure_optimizers', () => {
    const text = fixture('lightning_train.py');
    expect(config(text)).toMatchObject({ training: { epochs: 100, earlyStopping: { monitor: 'val_loss', patience: 40 } }, optimizer: { name: 'Adam', learningRate: 3, beta1: 0.5, beta2: 0.9 } });
    expect(found(text, 'learning-rate-range')).toEqual([expect.stringMatching(/^8:55-8:58 warning Adam learning rate 3 /)]);
    expect(found(text, 'adam-parameters').map((d) => d.slice(0, 9))).toEqual(['8:67-8:70', '8:72-8:75']);
  });

  it('counts EarlyStopping patience in validation checks when the Trainer validates every n epochs', () => {
    const script = (every: string) => `import pytorch_lightning as pl\nfrom pytorch_lightning.callbacks import EarlyStopping\nes = EarlyStopping(monitor="val_loss", patience=5)\ntrainer = pl.Trainer(max_epochs=100, check_val_every_n_epoch=${every}, callbacks=[es])\n`;
    // 5 checks 10 epochs apart: 50 epochs.
    expect(found(script('10'), 'early-stopping-patience')).toEqual([]);
    // 5 checks 2 epochs apart: 10 epochs, still GUIDE's minimum; 1 apart is the plain epoch count.
    expect(found(script('2'), 'early-stopping-patience')).toEqual([]);
    expect(found(script('1'), 'early-stopping-patience')).toEqual([expect.stringMatching(/^3:49-3:50 info Early-stopping patience 5 is below 10 epochs/)]);
    // A cadence the code computes leaves the checks per epoch unknown: no default of one per epoch stands in.
    expect(found(script('cfg.every'), 'early-stopping-patience')).toEqual([]);
  });

  it('reports a Lightning default at the callback that relies on it', () => {
    const text = 'import lightning as L\nfrom lightning.pytorch.callbacks import EarlyStopping\nes = EarlyStopping(monitor="val_loss")\ntrainer = L.Trainer(max_epochs=40, callbacks=[es])\n';
    expect(found(text, 'early-stopping-patience')).toEqual([expect.stringMatching(/^3:6-3:39 info Early-stopping patience 3 \(the Lightning default\)/)]);
  });
});

describe('files that are not training code, or not Python', () => {
  it('skips a script that imports no supported framework, saying why', () => {
    const result = lint('import numpy as np\nprint(np.zeros(3))\n');
    expect(result).toMatchObject({ format: 'unknown', diagnostics: [], reason: expect.stringContaining('imports no supported framework') });
  });

  it('reports a Python 2 print statement as the first syntax error, at the statement', () => {
    const text = 'import torch\nif ready:\n    print "starting"\nprint type(x), type(y)\n';
    expect(found(text, 'parse-error')).toEqual(['3:5-3:10 error a Python 2 print statement (Python 3 needs print(...))']);
  });

  it('reads a file whose last line holds only indentation (no newline after it) as valid Python', () => {
    // Editors leave such a line after `main()` in an `if __name__ == "__main__":` block; Python skips it.
    const text = 'import torch\nif __name__ == "__main__":\n    opt = torch.optim.SGD(params, lr=1.0)\n        \n        ';
    expect(found(text, 'parse-error')).toEqual([]);
    expect(found(text, 'learning-rate-range')).toEqual([expect.stringMatching(/^3:38-3:41 /)]);
    expect(found('import torch\nclass A:\n    def f(self):\n        pass\n            ', 'parse-error')).toEqual([]);
  });

  it('reports a syntax error as parse-error with its position, never a crash', () => {
    const result = lint('import torch\nopt = torch.optim.SGD(params, lr=0.1\nprint(opt)\n');
    expect(result.diagnostics.map(brief)).toEqual([expect.stringMatching(/^3:1-3:\d+ error invalid Python syntax/)]);
    expect(result.diagnostics[0]!.ruleId).toBe('parse-error');
  });

  it('reads Python 3.12 syntax (match, type parameters, nested f-strings)', () => {
    const text = dedent(`
      import torch
      type Pair[T] = tuple[T, T]
      def first[T](xs: list[T]) -> T:
          return xs[0]
      match mode:
          case {"lr": float(lr)} if lr > 0:
              print(f"{lr=} {'a' + f'{mode}'}")
          case _:
              pass
      opt = torch.optim.Adam(params, lr=0.5)
    `);
    expect(found(text, 'parse-error')).toEqual([]);
    expect(found(text, 'learning-rate-range')).toHaveLength(1);
  });

  it('bounds huge files like configs', () => {
    const result = lintText('import torch\n' + '#'.repeat(2000), { filePath: 'big.py', maxFileSize: 1024 });
    expect(result.diagnostics.map((d) => d.ruleId)).toEqual(['parse-error']);
  });
});

describe('keyword names from the script', () => {
  it('keep `__proto__=` an ordinary key: the virtual config and the canonical model keep their prototypes', () => {
    const text = 'from transformers import AutoModel, TrainingArguments\nmodel = AutoModel.from_pretrained("bert-base-uncased")\nargs = TrainingArguments(output_dir="o", __proto__={"x": 1}, learning_rate=0.5)\n';
    const read = config(text) as Record<string, unknown>;
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect((read.optimizer as Record<string, unknown>).learningRate).toBe(0.5);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});
