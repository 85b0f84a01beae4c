/**
 * The statistics of a scenario: mean, standard deviation, and a Welch 95% confidence interval of the
 * difference between the advised and the baseline arm, oriented so that a positive effect means the
 * advice helped. Pure functions, no TF.js.
 */

export interface Summary {
  readonly mean: number;
  readonly std: number;
  readonly values: readonly number[];
}

export type Verdict = 'validated' | 'not-validated' | 'inconclusive';

export interface Comparison {
  /** advised − baseline, sign-flipped when lower is better: positive = the advice helped. */
  readonly effect: number;
  /** 95% CI of `effect`; null when either arm has fewer than two values. */
  readonly ci95: readonly [number, number] | null;
  readonly verdict: Verdict;
}

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

/** Sample standard deviation (n − 1); 0 for a single value. */
export function std(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / (values.length - 1));
}

export function summarize(values: readonly number[]): Summary {
  return { mean: mean(values), std: std(values), values: [...values] };
}

/** Continued fraction of the regularized incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h;
}

/** ln Γ(x), Lanczos approximation (g = 7, n = 9). */
function logGamma(x: number): number {
  const g = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = g[0] as number;
  for (let i = 1; i < 9; i++) sum += (g[i] as number) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The regularized incomplete beta function I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(a, b, x)) / a : 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(T ≤ t) for Student's t with `df` degrees of freedom (df may be fractional, as in Welch's test). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The p-quantile of Student's t, by bisection on the CDF. */
export function studentTQuantile(p: number, df: number): number {
  let lo = -1e3;
  let hi = 1e3;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** Welch's 95% confidence interval of mean(a) − mean(b); null with fewer than two values on either side. */
export function welchInterval(a: readonly number[], b: readonly number[]): readonly [number, number] | null {
  if (a.length < 2 || b.length < 2) return null;
  const diff = mean(a) - mean(b);
  const va = std(a) ** 2 / a.length;
  const vb = std(b) ** 2 / b.length;
  const se = Math.sqrt(va + vb);
  if (se === 0) return [diff, diff];
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = studentTQuantile(0.975, df) * se;
  return [diff - half, diff + half];
}

/**
 * Compares the arms. `validated`: the whole interval is above 0. `not-validated`: the interval rules out
 * a benefit of `minEffect` or more (the advice is no better, or worse). `inconclusive`: neither.
 */
export function compare(
  baseline: readonly number[],
  advised: readonly number[],
  options: { higherIsBetter: boolean; minEffect: number },
): Comparison {
  const sign = options.higherIsBetter ? 1 : -1;
  const effect = sign * (mean(advised) - mean(baseline));
  const raw = welchInterval(advised, baseline);
  const ci95 = raw === null ? null : (sign === 1 ? raw : ([-raw[1], -raw[0]] as const));
  return { effect, ci95, verdict: verdictOf(ci95, options.minEffect) };
}

export function verdictOf(ci95: readonly [number, number] | null, minEffect: number): Verdict {
  if (ci95 === null) return 'inconclusive';
  if (ci95[0] > 0) return 'validated';
  if (ci95[1] < minEffect) return 'not-validated';
  return 'inconclusive';
}
