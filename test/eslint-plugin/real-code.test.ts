import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import plugin from '../../src/eslint-plugin/index.js';

/**
 * The ways real TF.js code reaches the API and trains (issue 15): the global `tf` of a `<script>` page,
 * `import { default as tf }`, the split packages, the core API's own training loop, a number as
 * `inputShape`, and fine-tuning decided by what is trained. Each case is our own code, written after
 * patterns seen in public TF.js projects.
 */
const linter = new Linter({ configType: 'flat' });

function lint(code: string, filename = 'train.js'): string[] {
  const config: Linter.Config[] = [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, plugin.configs.recommended];
  return linter.verify(code, config, filename).map((m) => `${m.line} ${m.ruleId?.replace('hplint/', '') ?? 'fatal'} ${m.message}`);
}

const ADAM_HIGH = 'learning-rate-range Adam learning rate 0.5 is above the range for training from scratch [0.001, 0.01] (GUIDE §7).';

describe('how the code reaches TF.js', () => {
  it('reads a browser script that uses the global tf of a <script> tag', () => {
    const code = `// <script src="https://cdn.jsdelivr.net/npm/@tensorflow/tfjs"></script> loads tf
const model = tf.sequential();
model.add(tf.layers.dense({ units: 1, inputShape: [1] }));
model.compile({ loss: 'meanSquaredError', optimizer: tf.train.adam(0.5) });
`;
    expect(lint(code)).toEqual([`4 ${ADAM_HIGH}`]);
  });

  it('reads the global tf when ESLint declares it (languageOptions.globals)', () => {
    const config: Linter.Config[] = [{ languageOptions: { globals: { tf: 'readonly' } } }, plugin.configs.recommended];
    const code = "const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });\nmodel.compile({ loss: 'meanSquaredError', optimizer: tf.train.adam(0.5) });\n";
    expect(linter.verify(code, config, 'page.js').map((m) => `${m.line} ${m.ruleId} ${m.message}`)).toEqual([`2 hplint/${ADAM_HIGH}`]);
  });

  it('leaves a local tf that is not TF.js alone', () => {
    const code = "const tf = makeTransforms();\nconst model = tf.sequential();\nmodel.compile({ loss: 'meanSquaredError', optimizer: tf.train.adam(0.5) });\n";
    expect(lint(code)).toEqual([]);
  });

  it('reads import { default as tf } from tfjs-node', () => {
    const code = `import { default as tf } from '@tensorflow/tfjs-node';
const model = tf.sequential();
model.add(tf.layers.dense({ units: 8, inputShape: [4], activation: 'relu' }));
model.compile({ optimizer: tf.train.adam(0.5), loss: 'meanSquaredError' });
`;
    expect(lint(code)).toEqual([`4 ${ADAM_HIGH}`]);
  });

  it('reads tfjs-layers and tfjs-core imported separately, and await import()', () => {
    const split = `import { sequential, layers } from '@tensorflow/tfjs-layers';
import { train } from '@tensorflow/tfjs-core';
const model = sequential({ layers: [layers.dense({ units: 1, inputShape: [3] })] });
model.compile({ optimizer: train.adam(0.5), loss: 'meanSquaredError' });
`;
    expect(lint(split)).toEqual([`4 ${ADAM_HIGH}`]);
    const dynamic = `const tf = await import('@tensorflow/tfjs-node-gpu');
const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });
model.compile({ optimizer: tf.train.adam(0.5), loss: 'meanSquaredError' });
`;
    expect(lint(dynamic)).toEqual([`3 ${ADAM_HIGH}`]);
  });
});

describe('core-API training', () => {
  it('reads an optimizer of tf.train stepped by minimize() in a loop', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
const a = tf.variable(tf.scalar(Math.random()));
const b = tf.variable(tf.scalar(Math.random()));
const predict = (x) => tf.tidy(() => a.mul(x).add(b));
const loss = (predictions, labels) => predictions.sub(labels).square().mean();
const LEARNING_RATE = 0.5;
const optimizer = tf.train.sgd(LEARNING_RATE);
export async function train(xs, ys, iterations) {
  for (let i = 0; i < iterations; i++) {
    optimizer.minimize(() => loss(predict(xs), ys));
    await tf.nextFrame();
  }
}
`;
    expect(lint(code)).toEqual(['7 learning-rate-range SGD learning rate 0.5 is above every range that fits this file, which does not say how it trains (up to 0.1 for training from scratch).']);
  });

  it('is quiet about an optimizer in range, and about epochs or validation it cannot see', () => {
    const code = `const optimizer = tf.train.adam(0.005);
for (let step = 0; step < 200; step++) optimizer.minimize(() => tf.losses.meanSquaredError(ys, model(xs)));
`;
    expect(lint(code)).toEqual([]);
  });

  it('reports an optimizer used by compile once, not again for a minimize() loop', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
const optimizer = tf.train.adam(0.5);
const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });
model.compile({ optimizer, loss: 'meanSquaredError' });
optimizer.minimize(() => model.predict(xs).sub(ys).square().mean());
`;
    expect(lint(code).filter((line) => line.includes('learning-rate-range'))).toEqual([`2 ${ADAM_HIGH}`]);
  });
});

describe('inputShape', () => {
  it('accepts a number: TF.js builds [null].concat(1), the shape [null, 1]', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
const model = tf.sequential();
model.add(tf.layers.dense({ units: 1, inputShape: 1 }));
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
`;
    expect(lint(code).filter((line) => line.includes('invalid-value'))).toEqual([]);
  });

  it('never reports a shape it cannot check against TF.js', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
const model = tf.sequential();
model.add(tf.layers.dense({ units: 1, inputShape: shapeOf(data) }));
model.add(tf.layers.dense({ units: 1, inputShape: 'auto' }));
model.add(tf.layers.dense({ units: 1, inputShape: [28, 28, 1.5] }));
model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
`;
    expect(lint(code).filter((line) => line.includes('invalid-value'))).toEqual([]);
  });
});

describe('fine-tuning is what is trained', () => {
  const head = (freeze: string) => `import * as tf from '@tensorflow/tfjs';
export async function train(xs, ys) {
  const base = await tf.loadLayersModel('https://example.com/mobilenet/model.json');
  ${freeze}
  const model = tf.sequential({ layers: [base, tf.layers.flatten(), tf.layers.dense({ units: 3, activation: 'softmax' })] });
  model.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy' });
  await model.fit(xs, ys, { epochs: 10, validationSplit: 0.2 });
}
`;
  const lr = (code: string) => lint(code).filter((line) => line.includes('learning-rate-range'));

  it('a head on a frozen base is from-scratch training of the head', () => {
    expect(lr(head('base.trainable = false;'))).toEqual([]);
    expect(lr(head('for (const layer of base.layers) layer.trainable = false;'))).toEqual([]);
    expect(lr(head('base.layers.forEach((layer) => { layer.trainable = false; });'))).toEqual([]);
  });

  it('a base left trainable (or partly unfrozen) inside the trained model is fine-tuning', () => {
    const expected = ['6 learning-rate-range Adam learning rate 0.005 is above the range for full fine-tuning [1e-5, 0.001] (GUIDE §4.5: 1–2 orders of magnitude below §7\'s [0.001, 0.01]; regime from pretrained: true).'];
    expect(lr(head(''))).toEqual(expected);
    expect(lr(head('for (const layer of base.layers.slice(0, -4)) layer.trainable = false;'))).toEqual(expected);
  });

  it('a model trained on embeddings of a loaded model shares no weights with it: from scratch', () => {
    const code = `import * as tf from '@tensorflow/tfjs';
const mobilenet = await tf.loadLayersModel('https://example.com/mobilenet/model.json');
const truncated = tf.model({ inputs: mobilenet.inputs, outputs: mobilenet.getLayer('conv_pw_13_relu').output });
const head = tf.sequential({ layers: [tf.layers.flatten({ inputShape: [7, 7, 256] }), tf.layers.dense({ units: 4, activation: 'softmax' })] });
head.compile({ optimizer: tf.train.adam(0.005), loss: 'categoricalCrossentropy' });
await head.fit(truncated.predict(images), labels, { epochs: 20, validationSplit: 0.2 });
`;
    expect(lr(code)).toEqual([]);
  });
});
