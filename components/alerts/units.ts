import type { AlertMetric } from "@/lib/alerts/schemas";

// How the console shows and takes alert values: ratios as percent, latencies in ms,
// cost in dollars. Pure, shared by server and client components.

export const METRIC_LABELS: Record<AlertMetric, string> = {
  error_rate: "Error rate",
  request_count: "Requests",
  latency_p50: "Latency p50",
  latency_p90: "Latency p90",
  latency_p95: "Latency p95",
  latency_p99: "Latency p99",
  latency_avg: "Latency (average)",
  cost_usd: "Cost",
  tokens: "Tokens",
  score_avg: "Score (average)",
  fallback_rate: "Fallback rate",
  cache_hit_rate: "Cache hit rate",
  unpriced_count: "Unpriced requests",
};

const PERCENT: AlertMetric[] = ["error_rate", "fallback_rate", "cache_hit_rate"];
export const isPercent = (m: AlertMetric) => PERCENT.includes(m);

/** The unit a threshold is typed in: percent for ratios (the API stores 0..1). */
export function unitOf(m: AlertMetric): string {
  if (isPercent(m)) return "%";
  if (m.startsWith("latency_")) return "ms";
  if (m === "cost_usd") return "USD";
  if (m === "tokens") return "tokens";
  if (m === "score_avg") return "score";
  return "requests";
}

/** A stored value as typed in the form (0.05 → "5" for a rate), without float noise. */
export function toInput(m: AlertMetric, v: number | undefined): string {
  if (v === undefined) return "";
  return String(Number((isPercent(m) ? v * 100 : v).toPrecision(12)));
}

/** What the form typed, as the API stores it; blank is undefined, text that is not a number is NaN (the server says so). */
export function fromInput(m: AlertMetric, text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return isPercent(m) ? Number((n / 100).toPrecision(12)) : n;
}

/** A value as a person reads it, with its unit: 31.0 %, 1,893 ms, $4.18, 12,000. */
export function formatValue(m: AlertMetric, v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "no data";
  if (isPercent(m)) return `${(v * 100).toFixed(1)} %`;
  if (m.startsWith("latency_")) return `${Math.round(v).toLocaleString("en-US")} ms`;
  if (m === "cost_usd") return `$${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: v < 1 ? 4 : 2 })}`;
  if (m === "score_avg") return v.toFixed(3);
  return `${Math.round(v).toLocaleString("en-US")}${m === "tokens" ? " tokens" : ""}`;
}

/** 90 → "90 s", 300 → "5 min", 7200 → "2 h", 86400 → "1 day". */
export function duration(seconds: number): string {
  if (seconds === 0) return "0 s";
  if (seconds % 86_400 === 0) return `${seconds / 86_400} ${seconds === 86_400 ? "day" : "days"}`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** "Error rate > 5.0 % over 5 min, for 2 min". */
export function describeCondition(r: { metric: AlertMetric; condition: { op: string; threshold: number }; windowSeconds: number; forSeconds: number; scoreName?: string }): string {
  const what = r.metric === "score_avg" && r.scoreName ? `Score ${r.scoreName}` : METRIC_LABELS[r.metric];
  const hold = r.forSeconds > 0 ? `, for ${duration(r.forSeconds)}` : "";
  return `${what} ${r.condition.op} ${formatValue(r.metric, r.condition.threshold)} over ${duration(r.windowSeconds)}${hold}`;
}

/** The group an instance stands for: "model = gpt-4o", or "all requests" without groupBy. */
export function groupText(groupBy: string | null | undefined, key: string): string {
  return groupBy && key !== "" ? `${groupBy} = ${key}` : "all requests";
}
