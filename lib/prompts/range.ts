/** The ranges the per-version metrics offer, ending now. */
export const METRIC_RANGES = ["24h", "7d", "30d"] as const;
const HOURS: Record<(typeof METRIC_RANGES)[number], number> = { "24h": 24, "7d": 168, "30d": 720 };

export function metricRange(key: string | undefined, now = Date.now()): { key: (typeof METRIC_RANGES)[number]; label: string; from: Date; to: Date } {
  const k = (METRIC_RANGES as readonly string[]).includes(key ?? "") ? (key as (typeof METRIC_RANGES)[number]) : "7d";
  return { key: k, label: `last ${k}`, from: new Date(now - HOURS[k] * 3_600_000), to: new Date(now + 60_000) };
}
