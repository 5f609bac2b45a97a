import "server-only";
import { nanosToNumber } from "@/lib/cost/money";
import { MEASURE_COLUMNS } from "./tiers";

/** One aggregated row as SQL answers it: bigint sums as text, float sums as numbers. */
export type SumsRow = {
  requests: string;
  errors: string;
  input_tokens: string;
  output_tokens: string;
  cached_input_tokens: string;
  reasoning_tokens: string;
  cost_nanos: string;
  unpriced: string;
  ttft_count: string;
  retried: string;
  fallbacks: string;
  cache_hits: string;
  duration_sum_ms: number;
  ttft_sum_ms: number;
};

export type Quantiles = { p50: number | null; p90: number | null; p95: number | null; p99: number | null };

export type MetricsGroup = {
  key: string;
  requests: number;
  errors: number;
  errorRate: number;
  latencyMs: { avg: number | null } & Quantiles;
  ttftMsAvg: number | null;
  costUsd: number;
  costNanos: string;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  reasoningTokens: number;
  unpriced: number;
  retryRate: number;
  fallbackRate: number;
  cacheHitRate: number;
  scores: Record<string, { avg: number; count: number }>;
};

export type MetricsPoint = {
  t: string;
  requests: number;
  errors: number;
  errorRate: number;
  latencyMs: { p50: number | null; p95: number | null; p99: number | null };
  ttftMsAvg: number | null;
  costUsd: number;
  inputTokens: number;
  outputTokens: number;
};

/** Rows summed as SQL would: integer sums exactly (BigInt), the millisecond sums as floats. */
export function sumRows(rows: SumsRow[]): SumsRow {
  const out = Object.fromEntries(MEASURE_COLUMNS.map((c) => [c, c.endsWith("_ms") ? 0 : "0"])) as SumsRow;
  const acc = out as unknown as Record<string, string | number>;
  for (const r of rows) {
    for (const c of MEASURE_COLUMNS) {
      const v = (r as unknown as Record<string, string | number>)[c]!;
      acc[c] = typeof v === "number" ? (acc[c] as number) + v : (BigInt(acc[c] as string) + BigInt(v)).toString();
    }
  }
  return out;
}

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
/** The sum stays exact (text → BigInt) until this one conversion to a JSON number. */
const usd = (nanos: string) => nanosToNumber(BigInt(nanos));

export function toGroup(key: string, r: SumsRow, q: Quantiles, scores: MetricsGroup["scores"]): MetricsGroup {
  const requests = Number(r.requests);
  const errors = Number(r.errors);
  const ttftCount = Number(r.ttft_count);
  return {
    key,
    requests,
    errors,
    errorRate: rate(errors, requests),
    latencyMs: { avg: requests > 0 ? r.duration_sum_ms / requests : null, ...q },
    ttftMsAvg: ttftCount > 0 ? r.ttft_sum_ms / ttftCount : null,
    costUsd: usd(r.cost_nanos),
    costNanos: BigInt(r.cost_nanos).toString(),
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
    cachedInputTokens: Number(r.cached_input_tokens),
    reasoningTokens: Number(r.reasoning_tokens),
    unpriced: Number(r.unpriced),
    retryRate: rate(Number(r.retried), requests),
    fallbackRate: rate(Number(r.fallbacks), requests),
    cacheHitRate: rate(Number(r.cache_hits), requests),
    scores,
  };
}

export function toPoint(t: string, r: SumsRow, q: Quantiles): MetricsPoint {
  const requests = Number(r.requests);
  const errors = Number(r.errors);
  return {
    t,
    requests,
    errors,
    errorRate: rate(errors, requests),
    latencyMs: { p50: q.p50, p95: q.p95, p99: q.p99 },
    ttftMsAvg: Number(r.ttft_count) > 0 ? r.ttft_sum_ms / Number(r.ttft_count) : null,
    costUsd: usd(r.cost_nanos),
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
  };
}
