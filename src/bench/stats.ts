/**
 * The statistics of a scenario: mean, standard deviation, the paired Student-t interval of the per-seed
 * differences between the advised and the baseline arm (oriented so that a positive effect means the
 * advice helped), Holm's correction over the scenarios, and the four verdicts. Pure functions, no TF.js.
 */

export interface Summary {
  readonly mean: number;
  readonly std: number;
  readonly values: readonly number[];
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

/**
 * The paired comparison of issue 16: both arms of a seed share the seed (initialisation, dropout masks,
 * shuffling, training subset), so the effect is the mean of the per-seed differences and its interval is
 * Student's t with n − 1 degrees of freedom. Null with fewer than two pairs.
 */
export function pairedInterval(differences: readonly number[], confidence = 0.95): readonly [number, number] | null {
  if (differences.length < 2) return null;
  const m = mean(differences);
  const se = std(differences) / Math.sqrt(differences.length);
  if (se === 0) return [m, m];
  const half = studentTQuantile(1 - (1 - confidence) / 2, differences.length - 1) * se;
  return [m - half, m + half];
}

/** Two-sided p-value of the paired t-test of "mean difference = 0"; 1 with fewer than two pairs. */
export function pairedPValue(differences: readonly number[]): number {
  if (differences.length < 2) return 1;
  const se = std(differences) / Math.sqrt(differences.length);
  const m = mean(differences);
  if (se === 0) return m === 0 ? 1 : 0;
  return 2 * (1 - studentTCdf(Math.abs(m / se), differences.length - 1));
}

/**
 * Holm's step-down correction of a family of p-values (family-wise error rate): the i-th smallest p is
 * multiplied by (m − i), made monotone, capped at 1. Returned in the input order.
 */
export function holm(pValues: readonly number[]): number[] {
  const order = pValues.map((p, i) => ({ p, i })).sort((a, b) => a.p - b.p);
  const adjusted = new Array<number>(pValues.length);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, p * (pValues.length - rank)));
    adjusted[i] = running;
  });
  return adjusted;
}

export type Verdict = 'validated' | 'no-effect' | 'contradicted' | 'inconclusive';

export interface Comparison {
  /** Mean of the per-seed differences advised − baseline, signed so that positive = the advice helped. */
  readonly mean: number;
  /** Paired Student-t 95% interval of `mean`; null with fewer than two pairs. */
  readonly ci95: readonly [number, number] | null;
  readonly paired: true;
  /** Per-seed differences (same sign convention), in seed order. */
  readonly differences: readonly number[];
  /** Two-sided paired t-test p-value of "no difference". */
  readonly p: number;
}

/** Pairs the arms by position (callers pass both in seed order) and signs the differences. */
export function comparePaired(baseline: readonly number[], advised: readonly number[], higherIsBetter: boolean): Comparison {
  if (baseline.length !== advised.length) throw new Error(`paired comparison needs one baseline per advised run (${baseline.length} vs ${advised.length})`);
  const sign = higherIsBetter ? 1 : -1;
  const differences = advised.map((a, i) => sign * (a - (baseline[i] as number)));
  return { mean: mean(differences), ci95: pairedInterval(differences), paired: true, differences, p: pairedPValue(differences) };
}

/**
 * The verdicts of issue 16, against the minimal effect a scenario declares in advance: `validated` when
 * the whole interval is above it; `no-effect` when it lies inside ± it (even if it excludes zero: a
 * difference smaller than the minimal effect is not worth a config change either way); `contradicted`
 * when it lies below zero (and reaches past − the minimal effect); `inconclusive` otherwise, including
 * fewer than two seeds.
 */
export function verdictOf(ci95: readonly [number, number] | null, minimalEffect: number): Verdict {
  if (ci95 === null) return 'inconclusive';
  const [lo, hi] = ci95;
  if (lo > minimalEffect) return 'validated';
  if (lo > -minimalEffect && hi < minimalEffect) return 'no-effect';
  if (hi < 0) return 'contradicted';
  return 'inconclusive';
}
