import { describe, expect, it } from 'vitest';
import { compare, incompleteBeta, mean, std, studentTCdf, studentTQuantile, summarize, verdictOf, welchInterval } from '../../src/bench/stats.js';

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

describe('Welch interval', () => {
  it('matches a hand computation', () => {
    // a: mean 3, var 2.5 (n 5); b: mean 1, var 2/3 (n 4). se² = 0.5 + 1/6; df = (2/3)² / (0.5²/4 + (1/6)²/3).
    const [lo, hi] = welchInterval([1, 2, 3, 4, 5], [0, 1, 1, 2]) ?? [Number.NaN, Number.NaN];
    const df = (2 / 3) ** 2 / (0.25 / 4 + 1 / 36 / 3);
    expect(df).toBeCloseTo(6.194, 3);
    const half = studentTQuantile(0.975, df) * Math.sqrt(2 / 3);
    expect(lo).toBeCloseTo(2 - half, 10);
    expect(hi).toBeCloseTo(2 + half, 10);
    expect(half).toBeCloseTo(1.985, 2);
  });

  it('is null with fewer than two values and a point with no spread', () => {
    expect(welchInterval([1], [1, 2])).toBeNull();
    expect(welchInterval([0.9, 0.9], [0.8, 0.8])).toEqual([expect.closeTo(0.1, 12), expect.closeTo(0.1, 12)]);
  });
});

describe('verdicts', () => {
  const options = { higherIsBetter: true, minEffect: 0.005 };

  it('validates when the whole interval is above zero', () => {
    const result = compare([0.1, 0.12, 0.11], [0.9, 0.91, 0.9], options);
    expect(result.verdict).toBe('validated');
    expect(result.effect).toBeCloseTo(0.7933, 4);
  });

  it('does not validate advice that is worse, and says so', () => {
    expect(compare([0.9, 0.91, 0.9], [0.5, 0.52, 0.51], options).verdict).toBe('not-validated');
  });

  it('does not validate advice that makes no difference worth having', () => {
    expect(compare([0.900, 0.901, 0.902], [0.9005, 0.9015, 0.9010], options).verdict).toBe('not-validated');
  });

  it('is inconclusive when the interval spans a useful benefit and zero', () => {
    expect(compare([0.80, 0.90, 0.85], [0.82, 0.95, 0.88], options).verdict).toBe('inconclusive');
    expect(verdictOf(null, 0)).toBe('inconclusive');
  });

  it('orients the effect so that positive means better when lower is better', () => {
    const result = compare([60, 60, 60, 61], [25, 30, 28, 27], { higherIsBetter: false, minEffect: 1 });
    expect(result.effect).toBeCloseTo(32.75, 10);
    expect(result.ci95?.[0]).toBeGreaterThan(0);
    expect(result.verdict).toBe('validated');
  });
});
