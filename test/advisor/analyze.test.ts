import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeHistory } from '../../src/advisor/analyze/index.js';
import { historyFromSeries } from '../../src/advisor/history/history.js';
import { readHistory } from '../../src/advisor/history/index.js';

const keras = (series: Record<string, number[]>) => historyFromSeries('keras', series);
/** kind@epoch, with the best epoch and terms when the finding has them (no-validation, a note on the run's logging, left out). */
const brief = (series: Record<string, number[]>) =>
  analyzeHistory(keras(series)).filter((f) => f.kind !== 'no-validation').map((f) => `${f.kind}@${f.epoch}${f.bestEpoch !== undefined ? ` best ${f.bestEpoch}` : ''}${f.terms ? ` ${f.terms.join('/')}` : ''}`);
/** A loss falling smoothly from `from` by `rate` per epoch. */
const falling = (epochs: number, from = 2, rate = 0.8) => Array.from({ length: epochs }, (_, e) => from * rate ** e);

describe('a healthy run', () => {
  it('has no findings', () => {
    expect(brief({ loss: falling(30), val_loss: falling(30, 2.1, 0.85) })).toEqual([]);
  });
});

describe('divergence (judged on the training loss)', () => {
  it('at the first NaN', () => {
    expect(brief({ loss: [2.3, 1.9, 1.7, Number.NaN, Number.NaN] })).toEqual(['divergence@3']);
  });

  it('not for a NaN or infinite validation loss while training is fine', () => {
    expect(brief({ loss: falling(6), val_loss: [2.2, 2.0, Infinity, 1.8, 1.7, 1.6] })).not.toContain('divergence@2');
  });

  it('at a blow-up past 10× the best loss so far', () => {
    const findings = analyzeHistory(keras({ loss: [2.3, 0.9, 0.5, 4.0, 60, 900] }));
    expect(findings.map((f) => [f.kind, f.epoch])).toEqual([['no-validation', 0], ['divergence', 4]]);
    expect(findings[1]!.detail).toMatch(/^loss rose from its best 0\.5 \(epoch 2\) to 900 by epoch 5/);
  });

  it('when the loss never improves on epoch 0 and ends more than 5% above it: where it first crossed', () => {
    expect(brief({ loss: [13.6, 14.0, 14.4, 14.4, 14.4] })).toEqual(['divergence@2']);
  });

  it('explains the rest away: a diverged run is not also underfitting or on a plateau', () => {
    expect(brief({ loss: [2.3, 2.3, 2.4, 2.5, 2.6, 2.6, 2.7, 2.7, 2.7, 2.7, 2.8, 2.8, 2.8] })).toEqual(['divergence@3']);
  });

  it('a validation loss rising while the training loss falls is overfitting, never divergence', () => {
    const val = [1.0, 0.7, 0.6, 0.9, 1.5, 2.5, 4.0, 7.0, 12];
    expect(brief({ loss: falling(9), val_loss: val })).toEqual(['overfitting@5 best 2']);
  });
});

describe('oscillation', () => {
  it('at the start of the first window of 8 epochs that swings up and down by 10% or more', () => {
    const loss = [2.0, 1.5, 1.2, 1.0, 1.3, 0.9, 1.25, 0.85, 1.2, 0.8, 1.15, 0.82, 0.7, 0.6];
    expect(brief({ loss })).toEqual(['oscillation@1']);
  });

  it('a jump well above the best that the run recovers from (unstable, not diverged)', () => {
    const loss = [2.0, 1.2, 0.8, 0.5, 0.4, 1.6, 1.7, 0.6, 0.35, 0.3, 0.28, 0.27];
    expect(brief({ loss, val_loss: loss.map((v) => v * 1.1) })).toEqual(['oscillation@5']);
  });

  it('not for small noise around a descent', () => {
    const loss = falling(20).map((v, e) => v * (e % 2 === 0 ? 1.02 : 0.98));
    expect(brief({ loss, val_loss: loss })).toEqual([]);
  });
});

describe('plateau (GUIDE §5.3)', () => {
  const flat = [1.0, 0.8, 0.7, 0.65, 0.66, 0.655, 0.67, 0.651, 0.66, 0.652, 0.668, 0.653, 0.66, 0.654, 0.66];

  it('at the 10th epoch without a new best on the validation loss, with the best epoch', () => {
    expect(brief({ loss: falling(15, 1, 0.95), val_loss: flat })).toEqual(['plateau@13 best 3']);
  });

  it('watches the validation accuracy when it is logged, and says so', () => {
    const accuracy = [0.5, 0.6, 0.7, 0.8, 0.81, 0.8, 0.805, 0.79, 0.8, 0.808, 0.8, 0.809, 0.8, 0.807, 0.8];
    const findings = analyzeHistory(keras({ loss: falling(15, 1, 0.95), val_loss: falling(15, 1.1, 0.95), val_accuracy: accuracy }));
    expect(findings.map((f) => [f.kind, f.epoch, f.bestEpoch, f.series])).toEqual([['plateau', 14, 4, 'val_accuracy']]);
  });

  it('an improvement smaller than 1e-4 of the best is not a new best', () => {
    const tiny = [1.0, 0.5, ...Array.from({ length: 11 }, (_, i) => 0.5 - (i + 1) * 1e-6)];
    expect(brief({ loss: falling(13, 1, 0.95), val_loss: tiny })).toEqual(['plateau@11 best 1']);
  });

  it('a slow creep is progress: no plateau while every epoch sets a small new best', () => {
    expect(brief({ loss: falling(30, 1, 0.97), val_loss: falling(30, 1.1, 0.995) })).toEqual([]);
  });

  it('a flat line (updates stopped) is a plateau however short the run', () => {
    const loss = [0.74, 0.4, 0.25, 0.2, 0.20021, 0.20025, 0.20022, 0.20023, 0.20022, 0.20022];
    expect(brief({ loss, val_loss: loss.map((v) => v + 0.02) })).toEqual(['plateau@3 best 3']);
  });

  it('says halve while the logged rate is above 1/1024 of the initial one, and stop once it is not', () => {
    const lr = (last: number) => [...Array(14).fill(1e-3), last];
    const halve = analyzeHistory(keras({ loss: falling(15, 1, 0.95), val_loss: flat, lr: lr(1e-3) }))[0]!;
    expect(halve.stop).toBeUndefined();
    expect(halve.detail).toMatch(/halve the learning rate and continue \(GUIDE §5\.3\)\.$/);
    const stop = analyzeHistory(keras({ loss: falling(15, 1, 0.95), val_loss: [...flat.slice(0, 14), 0.66], lr: [...Array(13).fill(1e-3), 1e-3 / 1024, 1e-3 / 1024] }))[0]!;
    expect(stop).toMatchObject({ kind: 'plateau', epoch: 13, stop: true });
    expect(stop.detail).toMatch(/is already 1\/1024 of its initial 0\.001: stop training \(GUIDE §5\.3\)\.$/);
  });

  it('watches the training loss when there is no validation loss (and says validation is missing)', () => {
    expect(analyzeHistory(keras({ loss: flat })).map((f) => `${f.kind}@${f.epoch}`)).toEqual(['no-validation@0', 'plateau@13']);
  });
});

describe('overfitting', () => {
  it('where the validation loss rose above its best and held there while the training loss fell', () => {
    const val = [1.0, 0.7, 0.6, 0.62, 0.64, 0.655, 0.67, 0.7, 0.75];
    expect(brief({ loss: falling(9), val_loss: val })).toEqual(['overfitting@4 best 2']);
  });

  it('not for a one-evaluation spike, nor for a rise the run recovers from', () => {
    expect(brief({ loss: falling(9), val_loss: [1.0, 0.7, 0.6, 0.9, 0.58, 0.57, 0.56, 0.55, 0.54] })).toEqual([]);
    expect(brief({ loss: falling(9), val_loss: [1.0, 0.7, 0.6, 0.55, 0.5, 0.48, 0.47, 0.46, 0.6] })).toEqual([]);
  });

  it('not when the training loss rises too (that is not memorisation)', () => {
    expect(brief({ loss: [1, 0.6, 0.5, 0.55, 0.6, 0.65, 0.7], val_loss: [1, 0.7, 0.6, 0.65, 0.7, 0.75, 0.8] })).toEqual([]);
  });

  it('a validation loss that never improves while the training loss falls 20%', () => {
    const val = [0.327, 0.326, 0.3245, 0.327, 0.325, 0.329, 0.3237, 0.33, 0.339, 0.327];
    expect(brief({ loss: falling(10, 0.29, 0.95), val_loss: val })).toEqual(['overfitting@9 best 6']);
  });
});

describe('underfitting (evidence of not learning)', () => {
  it('at the last epoch when the training loss never got 5% below its start over at least 5 epochs', () => {
    expect(brief({ loss: [2.30, 2.29, 2.27, 2.25, 2.22, 2.20], val_loss: [2.3, 2.3, 2.3, 2.3, 2.3, 2.3] })).toEqual(['underfitting@5']);
  });

  it('not for a loss that fell 10% from a large offset (it learned)', () => {
    expect(brief({ loss: [28.2, 27.5, 27, 26.4, 26, 25.6, 25.3], val_loss: [28.5, 27.6, 27, 26.5, 26.1, 25.7, 25.2] })).toEqual([]);
  });

  it('when the validation accuracy stays at its first value (one class predicted)', () => {
    const accuracy = [0.5532, 0.5532, 0.5532, 0.5532, 0.5532, 0.5532, 0.57, 0.6];
    expect(brief({ loss: falling(8, 0.7, 0.9), val_loss: falling(8, 0.7, 0.97), val_accuracy: accuracy })).toEqual(['underfitting@5']);
  });

  it('needs 5 epochs', () => {
    expect(brief({ loss: [2.3, 2.29, 2.28, 2.27], val_loss: [2.3, 2.3, 2.3, 2.3] })).toEqual([]);
  });
});

describe('loss-magnitude-gap (GUIDE §6 Tier 1)', () => {
  it('names both per-output terms, the larger first, at the first epoch they are more than 100× apart', () => {
    const findings = analyzeHistory(keras({ loss: falling(6, 500), out1_loss: [2.3, 2.0, 1.8, 1.6, 1.5, 1.4], out2_loss: [120, 150, 210, 230, 250, 240], val_out1_loss: [1, 1, 1, 1, 1, 1] })).filter((f) => f.kind !== 'no-validation');
    expect(findings.map((f) => [f.kind, f.epoch, f.terms])).toEqual([['loss-magnitude-gap', 2, ['out2', 'out1']]]);
    expect(findings[0]!.magnitudes).toEqual({ out2: 220, out1: expect.closeTo(1.7, 12) });
  });

  it('also when only the first epoch is that far apart (the scale the weights balance at the start)', () => {
    expect(brief({ loss: falling(4, 900), a_loss: [2.3, 2.2, 2.1, 2.0], b_loss: [800, 3, 2, 1] })).toEqual(['loss-magnitude-gap@0 b/a']);
  });

  it('not within 100×, and never for validation or total losses', () => {
    expect(brief({ loss: falling(6, 100), val_loss: falling(6, 1e-3, 0.9), out1_loss: falling(6, 2), out2_loss: falling(6, 150) })).toEqual([]);
  });
});

describe('the real histories (test/fixtures/histories, trained by scripts/make-histories.mjs)', () => {
  const real = (file: string) => analyzeHistory(readHistory(readFileSync(path.resolve(import.meta.dirname, '../fixtures/histories', file), 'utf8'), file));
  const summary = (file: string) => real(file).map(({ kind, epoch, bestEpoch, terms, step }) => ({ kind, epoch, ...(bestEpoch !== undefined ? { bestEpoch } : {}), ...(terms ? { terms } : {}), ...(step !== undefined ? { step } : {}) }));

  it('Adam at 0.5 diverges at epoch 1', () => {
    expect(summary('divergence.tfjs.json')).toEqual([{ kind: 'divergence', epoch: 1 }]);
  });

  it('SGD at a constant 0.5: validation accuracy (GUIDE §5.3 watches it) plateaus at epoch 22, its best at 12', () => {
    expect(summary('plateau.csv')).toEqual([{ kind: 'plateau', epoch: 22, bestEpoch: 12 }]);
    expect(real('plateau.csv')[0]!.series).toBe('val_acc');
  });

  it('200 digits overfit: validation loss 5% above its best (epoch 8) from epoch 20, and rising to the end', () => {
    expect(summary('overfitting.history.json')).toEqual([{ kind: 'overfitting', epoch: 20, bestEpoch: 8 }]);
  });

  it('SGD at 1e-4 underfits: by epoch 7 the loss is only 2% lower', () => {
    expect(summary('underfitting.history.json')).toEqual([{ kind: 'underfitting', epoch: 7 }]);
  });

  it('the ink head starts 3670× the class head', () => {
    expect(summary('two-outputs.history.json')).toEqual([{ kind: 'loss-magnitude-gap', epoch: 0, terms: ['out2', 'out1'] }]);
    expect(real('two-outputs.history.json')[0]!.detail).toMatch(/^out2_loss \(8604\) is 3670× out1_loss \(2\.345\) at the start, from epoch 0/);
  });

  it('HuggingFace: eval_loss overfits from epoch 3 (step 400), best at epoch 2', () => {
    expect(summary('hf-trainer_state.json')).toEqual([{ kind: 'overfitting', epoch: 3, bestEpoch: 2, step: 400 }]);
  });

  it('Lightning: val_loss plateaus at epoch 14, best at 4', () => {
    expect(summary('lightning-metrics.csv')).toEqual([{ kind: 'plateau', epoch: 14, bestEpoch: 4 }]);
  });
});
