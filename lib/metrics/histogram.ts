/**
 * Mergeable log-bucket latency histogram (DDSketch-style). Bucket i holds values
 * in (γ^(i-1), γ^i]; reporting the bucket's midpoint 2γ^i/(γ+1) is within
 * α = (γ-1)/(γ+1) ≈ 1 % of any value in it, so every percentile computed from a
 * merged histogram is within 1 % relative error of the true sample percentile's
 * bucket — safely inside the 2 % the product promises. See docs/decisions/0003.
 */
export const GAMMA = 1.02;
const LN_GAMMA = Math.log(GAMMA);
/** Values at or below this (ms) share the lowest bucket; sub-microsecond detail is noise. */
const FLOOR_MS = 0.001;

export type Histogram = Record<string, number>;

export function bucketIndex(ms: number): number {
  return Math.ceil(Math.log(Math.max(ms, FLOOR_MS)) / LN_GAMMA);
}

export function bucketValue(index: number): number {
  return (2 * Math.pow(GAMMA, index)) / (GAMMA + 1);
}

export function addToHistogram(hist: Histogram, ms: number, count = 1): void {
  const key = String(bucketIndex(ms));
  hist[key] = (hist[key] ?? 0) + count;
}

export function mergeHistograms(a: Histogram, b: Histogram): Histogram {
  const out: Histogram = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + Number(v);
  return out;
}

/** The q-quantile (0..1) by the nearest-rank method over bucket counts; null when empty. */
export function quantile(hist: Histogram, q: number): number | null {
  const entries = Object.entries(hist)
    .map(([k, v]) => [Number(k), Number(v)] as const)
    .filter(([, v]) => v > 0)
    .sort((x, y) => x[0] - y[0]);
  const total = entries.reduce((s, [, v]) => s + v, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (const [index, count] of entries) {
    seen += count;
    if (seen >= rank) return bucketValue(index);
  }
  return bucketValue(entries[entries.length - 1]![0]);
}

/** Readable latency ranges for a histogram chart (upper edges in ms; the last is open). */
export const DISPLAY_EDGES_MS = [10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000, 10_000, 30_000, 60_000];

/**
 * A log-bucket histogram regrouped into DISPLAY_EDGES_MS ranges (by each bucket's upper
 * bound γ^i), with every range present (zero when empty) so the chart's axis is stable.
 */
export function displayBins(hist: Histogram | null, edges = DISPLAY_EDGES_MS): { label: string; upperMs: number | null; count: number }[] {
  const bins = [...edges.map((e) => ({ upperMs: e as number | null, count: 0 })), { upperMs: null as number | null, count: 0 }];
  for (const [k, v] of Object.entries(hist ?? {})) {
    const upper = Math.pow(GAMMA, Number(k));
    const at = edges.findIndex((e) => upper <= e * (1 + 1e-9));
    bins[at === -1 ? edges.length : at]!.count += Number(v);
  }
  const fmt = (v: number) => (v >= 1000 ? `${v / 1000} s` : `${v} ms`);
  return bins.map((b, i) => ({ ...b, label: b.upperMs === null ? `> ${fmt(edges.at(-1)!)}` : i === 0 ? `≤ ${fmt(b.upperMs)}` : `${fmt(edges[i - 1]!)}–${fmt(b.upperMs)}` }));
}
