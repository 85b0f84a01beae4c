import { describe, expect, it } from 'vitest';
import { comparePaired, holm, incompleteBeta, mean, pairedInterval, pairedPValue, std, studentTCdf, studentTQuantile, summarize, verdictOf } from '../../src/bench/stats.js';

describe('descriptive statistics', () => {
  it('computes the mean and the sample standard deviation', () => {
    expect(mean([1, 2, 3, 4])).toBe(2.5);
    expect(std([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138, 3);
    expect(std([5])).toBe(0);
    expect(summarize([0.9, 0.92])).toEqual({ mean: 0.91, std: expect.closeTo(0.01414, 4), values: [0.9, 0.92] });
  });
});

describe('Student t', () => {
  it('matches the incomplete beta at known points', () => {
    expect(incompleteBeta(0.5, 1, 1)).toBeCloseTo(0.5, 10);
    expect(incompleteBeta(0.5, 2, 3)).toBeCloseTo(0.6875, 10);
  });

  it('reproduces the t table (two-sided 95%)', () => {
    expect(studentTQuantile(0.975, 1)).toBeCloseTo(12.706, 2);
    expect(studentTQuantile(0.975, 2)).toBeCloseTo(4.303, 3);
    expect(studentTQuantile(0.975, 4)).toBeCloseTo(2.776, 3);
    expect(studentTQuantile(0.975, 10)).toBeCloseTo(2.228, 3);
    expect(studentTQuantile(0.975, 1000)).toBeCloseTo(1.962, 3);
    expect(studentTCdf(0, 5)).toBeCloseTo(0.5, 12);
  });
});

describe('paired comparison', () => {
  it('is the mean of the per-seed differences with a Student-t interval on n − 1 degrees of freedom', () => {
    // Differences 1, 2, 3, 4, 5: mean 3, sd √2.5, se √0.5; t(0.975, 4) = 2.776.
    const [lo, hi] = pairedInterval([1, 2, 3, 4, 5]) ?? [Number.NaN, Number.NaN];
    expect(lo).toBeCloseTo(3 - studentTQuantile(0.975, 4) * Math.sqrt(0.5), 10);
    expect(hi).toBeCloseTo(3 + 1.9632, 3);
    expect(pairedInterval([1])).toBeNull();
  });

  it('pairs by seed: a shared seed effect cancels, so the interval is much narrower than the arms’ spread', () => {
    // Seeds differ by up to 10 points, the advice adds 1 point ± 0.1 on every seed.
    const baseline = [0.8, 0.85, 0.9, 0.75, 0.82];
    const advised = [0.811, 0.859, 0.911, 0.76, 0.83];
    const result = comparePaired(baseline, advised, true);
    expect(result.paired).toBe(true);
    expect(result.mean).toBeCloseTo(0.0102, 4);
    expect(result.ci95![0]).toBeGreaterThan(0.005);
    expect(result.differences).toHaveLength(5);
  });

  it('signs the differences so that positive means the advice helped when lower is better', () => {
    const result = comparePaired([60, 60, 60, 61], [25, 30, 28, 27], false);
    expect(result.mean).toBeCloseTo(32.75, 10);
    expect(result.ci95![0]).toBeGreaterThan(0);
  });

  it('refuses arms of different lengths (an unpaired seed)', () => {
    expect(() => comparePaired([1, 2], [1], true)).toThrow(/one baseline per advised run/);
  });

  it('gives the two-sided p-value of the paired t-test', () => {
    // t = 3 / √0.5 = 4.243 on 4 df: p = 0.0132.
    expect(pairedPValue([1, 2, 3, 4, 5])).toBeCloseTo(0.0132, 3);
    expect(pairedPValue([0, 0, 0])).toBe(1);
  });
});

describe('Holm correction', () => {
  it('multiplies the i-th smallest p by m − i and keeps the order monotone, in the input order', () => {
    expect(holm([0.01, 0.04, 0.03, 0.005])).toEqual([0.03, 0.06, 0.06, 0.02]);
    expect(holm([0.5, 0.9])).toEqual([1, 1]);
  });
});

describe('verdicts', () => {
  const minimal = 0.005;
  it('validates when the whole interval is above the minimal effect', () => {
    expect(verdictOf([0.006, 0.02], minimal)).toBe('validated');
    expect(verdictOf([0.001, 0.02], minimal)).toBe('inconclusive');
  });

  it('finds no effect when the interval lies inside ± the minimal effect', () => {
    expect(verdictOf([-0.004, 0.0045], minimal)).toBe('no-effect');
    // Below zero but smaller than the minimal effect: not worth a change either way.
    expect(verdictOf([-0.0045, -0.001], minimal)).toBe('no-effect');
  });

  it('contradicts the advice when the interval is below zero', () => {
    expect(verdictOf([-0.02, -0.001], minimal)).toBe('contradicted');
  });

  it('is inconclusive otherwise, and without an interval', () => {
    expect(verdictOf([-0.01, 0.03], minimal)).toBe('inconclusive');
    expect(verdictOf(null, minimal)).toBe('inconclusive');
  });
});
