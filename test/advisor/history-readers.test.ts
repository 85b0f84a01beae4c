import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryError, pointsOf, readHistory } from '../../src/advisor/history/index.js';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/histories');
const fixture = (name: string) => readHistory(readFileSync(path.join(FIXTURES, name), 'utf8'), name);
const values = (text: string, name: string, metric: string) => pointsOf(readHistory(text, name), metric).map((p) => p.value);

describe('Keras History.history JSON', () => {
  it('reads one row per epoch, epochs from 0', () => {
    const history = readHistory('{"loss": [2.3, 1.1, 0.7], "val_loss": [2.2, 1.3, 0.9], "accuracy": [0.1, 0.6, 0.8]}', 'h.json');
    expect(history.format).toBe('keras');
    expect(history.metrics).toEqual(['loss', 'val_loss', 'accuracy']);
    expect(history.rows.map((r) => r.epoch)).toEqual([0, 1, 2]);
    expect(history.rows[1]!.values).toEqual({ loss: 1.1, val_loss: 1.3, accuracy: 0.6 });
  });

  it("reads Python json.dump's bare NaN and Infinity tokens, but not inside strings", () => {
    expect(values('{"loss": [2.3, NaN, Infinity, -Infinity]}', 'h.json', 'loss')).toEqual([2.3, Number.NaN, Infinity, -Infinity]);
    expect(readHistory('{"NaN_loss": [1, NaN]}', 'h.json').metrics).toEqual(['NaN_loss']);
  });

  it('reads the real overfitting run: 60 epochs of loss, val_loss, acc, val_acc', () => {
    const history = fixture('overfitting.history.json');
    expect(history.rows).toHaveLength(60);
    expect([...history.metrics].sort()).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
  });
});

describe('TF.js History JSON', () => {
  it('unwraps {epoch, history} and reads null (JSON.stringify of NaN) as NaN', () => {
    const history = readHistory('{"epoch": [0, 1], "history": {"loss": [0.9, null]}}', 'tfjs.json');
    expect(history.format).toBe('tfjs');
    expect(pointsOf(history, 'loss').map((p) => p.value)).toEqual([0.9, Number.NaN]);
  });

  it('reads the real divergence run', () => {
    const history = fixture('divergence.tfjs.json');
    expect(history.format).toBe('tfjs');
    expect(history.rows).toHaveLength(12);
  });
});

describe('Keras CSVLogger CSV', () => {
  it('reads the epoch column and nan/inf as Python writes them', () => {
    const history = readHistory('epoch,loss,val_loss\n0,2.3,2.2\n1,nan,inf\n', 'log.csv');
    expect(history.format).toBe('keras-csv');
    expect(history.rows.map((r) => r.epoch)).toEqual([0, 1]);
    expect(history.rows[1]!.values).toEqual({ loss: Number.NaN, val_loss: Infinity });
  });

  it('reads the real plateau run', () => {
    const history = fixture('plateau.csv');
    expect(history.rows).toHaveLength(40);
    expect(history.metrics).toEqual(['acc', 'loss', 'val_acc', 'val_loss']);
  });

  it('reports a malformed epoch with its line', () => {
    expect(() => readHistory('epoch,loss\n0,1\nx,2\n', 'log.csv')).toThrow(new HistoryError('log.csv:3: the epoch column holds "x", not a whole number'));
  });
});

describe('HuggingFace trainer_state.json', () => {
  const history = fixture('hf-trainer_state.json');

  it('has one row per logged step, training and evaluation entries of a step merged, the summary entry skipped', () => {
    expect(history.format).toBe('hf');
    expect(history.rows).toHaveLength(16);
    expect(history.rows[1]).toEqual({ epoch: 0, step: 100, values: { grad_norm: 2.7364, learning_rate: 0.00004375, loss: 0.4825, eval_accuracy: 0.76, eval_loss: 0.52 } });
    expect(history.metrics).not.toContain('train_loss');
  });

  it('turns fractional progress into 0-based epochs: 0.5 and 1.0 are epoch 0, 1.5 is epoch 1', () => {
    expect(history.rows.slice(0, 3).map((r) => [r.step, r.epoch])).toEqual([[50, 0], [100, 0], [150, 1]]);
  });
});

describe('Lightning metrics.csv', () => {
  const history = fixture('lightning-metrics.csv');

  it('keeps one row per epoch: the *_epoch column (named without the suffix) over its *_step twin', () => {
    expect(history.format).toBe('lightning');
    expect(history.rows).toHaveLength(16);
    expect(history.rows[0]).toEqual({ epoch: 0, values: { train_loss: 1.0877, val_loss: 0.9, val_acc: 0.7, 'lr-Adam': 0.001 } });
    expect(history.metrics).toEqual(['train_loss', 'val_loss', 'val_acc', 'lr-Adam']);
  });
});

describe('errors', () => {
  it.each([
    ['{"loss": [1, 2', 'h.json', /^h\.json: not valid JSON/],
    ['{"model": "resnet"}', 'h.json', /^h\.json: not a training history/],
    ['epoch,loss\n', 'h.csv', /^h\.csv: the history has no logged epochs$/],
    ['{"loss": []}', 'h.json', /^h\.json: not a training history/],
    ['', 'h.csv', /^h\.csv: the CSV file is empty$/],
  ])('%s → a HistoryError naming the file', (text, name, message) => {
    expect(() => readHistory(text, name)).toThrow(HistoryError);
    expect(() => readHistory(text, name)).toThrow(message);
  });
});
