// The statistics of the variant comparison (issue 7): confidence intervals, the
// two-proportion z-test for rates and Welch's t-test for means, each with a minimum
// sample before any verdict. Pure functions over counts and moments, no I/O, so both the
// server and the tests use exactly these; checked against textbook values in stats.test.ts.

/** Two-sided 95 %: every interval and test here uses this level. */
export const ALPHA = 0.05;
const Z_975 = 1.959963984540054;

/** Below these, a comparison says "not enough data yet" instead of a verdict. */
export const MIN_SAMPLE = {
  /** Requests per variant before comparing a rate; plus at least 5 events and 5 non-events in all. */
  rate: 100,
  /** Observations per variant before comparing a mean (a common rule of thumb for the t-test). */
  mean: 30,
} as const;

/** Complementary error function, Chebyshev fit (Numerical Recipes `erfcc`): relative error < 1.2e-7. */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? r : 2 - r;
}

/** Standard normal cumulative distribution Φ(x). */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

/** ln Γ(x) for x > 0 (Lanczos, g = 7, n = 9): ~15 significant digits. */
function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const y = x - 1;
  let a = c[0]!;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz, Numerical Recipes `betacf`). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    for (const aa of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + aa * d;
      if (Math.abs(d) < tiny) d = tiny;
      c = 1 + aa / c;
      if (Math.abs(c) < tiny) c = tiny;
      d = 1 / d;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-14) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** Student's t cumulative distribution with `df` degrees of freedom (df may be fractional, as Welch's is). */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** The t value with P(T ≤ t) = p, by bisection on the cdf (only used for 95 % intervals). */
export function studentTQuantile(p: number, df: number): number {
  let lo = -1e3;
  let hi = 1e3;
  for (let i = 0; i < 200 && hi - lo > 1e-12; i++) {
    const mid = (lo + hi) / 2;
    if (studentTCdf(mid, df) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export type Interval = { low: number; high: number };

/** Wilson score interval of a proportion (good near 0 % and 100 %, where error rates live). */
export function wilsonInterval(events: number, n: number): Interval | null {
  if (n <= 0) return null;
  const p = events / n;
  const z2 = Z_975 * Z_975;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z_975 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Sample moments of one variant's values: count, mean and sample variance (n − 1). */
export type Moments = { n: number; mean: number; variance: number };

/** t-based interval of a mean; null below two observations. */
export function meanInterval(m: Moments): Interval | null {
  if (m.n < 2) return null;
  const half = studentTQuantile(1 - ALPHA / 2, m.n - 1) * Math.sqrt(m.variance / m.n);
  return { low: m.mean - half, high: m.mean + half };
}

export type TestResult = { statistic: number; pValue: number; df?: number; difference: number; interval: Interval };

/** Two-proportion z-test (pooled standard error), two-sided; the interval of b − a is the unpooled Wald one. */
export function twoProportionTest(a: { events: number; n: number }, b: { events: number; n: number }): TestResult | null {
  if (a.n <= 0 || b.n <= 0) return null;
  const pa = a.events / a.n;
  const pb = b.events / b.n;
  const pooled = (a.events + b.events) / (a.n + b.n);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.n + 1 / b.n));
  const difference = pb - pa;
  const seDiff = Math.sqrt((pa * (1 - pa)) / a.n + (pb * (1 - pb)) / b.n);
  const interval = { low: difference - Z_975 * seDiff, high: difference + Z_975 * seDiff };
  if (se === 0) return { statistic: 0, pValue: 1, difference, interval };
  const z = difference / se;
  return { statistic: z, pValue: 2 * (1 - normalCdf(Math.abs(z))), difference, interval };
}

/** Welch's unequal-variances t-test of b − a, two-sided, with the Welch–Satterthwaite degrees of freedom. */
export function welchTest(a: Moments, b: Moments): TestResult | null {
  if (a.n < 2 || b.n < 2) return null;
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const difference = b.mean - a.mean;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { statistic: 0, pValue: difference === 0 ? 1 : 0, df: a.n + b.n - 2, difference, interval: { low: difference, high: difference } };
  const df = (va + vb) ** 2 / (va ** 2 / (a.n - 1) + vb ** 2 / (b.n - 1));
  const t = difference / se;
  const half = studentTQuantile(1 - ALPHA / 2, df) * se;
  return { statistic: t, pValue: 2 * studentTCdf(-Math.abs(t), df), df, difference, interval: { low: difference - half, high: difference + half } };
}

export type Verdict =
  | { kind: "insufficient"; reason: string }
  | { kind: "significant" | "not_significant"; test: TestResult; alpha: number };

/**
 * A plain verdict on a rate: not enough data below the minimum sample, otherwise
 * significant when p < alpha. `alpha` is lowered (Bonferroni) when several variants are
 * each compared with the same baseline.
 */
export function compareRates(a: { events: number; n: number }, b: { events: number; n: number }, alpha = ALPHA): Verdict {
  const fewest = Math.min(a.n, b.n);
  if (fewest < MIN_SAMPLE.rate) return { kind: "insufficient", reason: `needs ${MIN_SAMPLE.rate} requests per variant (has ${fewest})` };
  const events = a.events + b.events;
  const nonEvents = a.n + b.n - events;
  if (Math.min(events, nonEvents) < 5) return { kind: "insufficient", reason: `needs at least 5 ${events < 5 ? "events" : "non-events"} in all (has ${Math.min(events, nonEvents)})` };
  const test = twoProportionTest(a, b)!;
  return { kind: test.pValue < alpha ? "significant" : "not_significant", test, alpha };
}

/** A plain verdict on a mean (Welch), with the same minimum-sample rule. */
export function compareMeans(a: Moments, b: Moments, alpha = ALPHA): Verdict {
  const fewest = Math.min(a.n, b.n);
  if (fewest < MIN_SAMPLE.mean) return { kind: "insufficient", reason: `needs ${MIN_SAMPLE.mean} values per variant (has ${fewest})` };
  const test = welchTest(a, b)!;
  return { kind: test.pValue < alpha ? "significant" : "not_significant", test, alpha };
}

/** Sample moments of a list of numbers (for tests and small in-memory samples). */
export function momentsOf(values: number[]): Moments {
  const n = values.length;
  const mean = n ? values.reduce((s, v) => s + v, 0) / n : 0;
  const variance = n > 1 ? values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { n, mean, variance };
}
