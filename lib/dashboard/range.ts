// The dashboard's time range: a preset relative to now, or a custom [from, to), with
// the chart interval that keeps series at a readable number of points and the
// previous period of the same length (for the change shown on every tile).

export const PRESETS = { "15m": 900_000, "1h": 3_600_000, "24h": 86_400_000, "7d": 604_800_000, "30d": 2_592_000_000 } as const;
export type Preset = keyof typeof PRESETS;
export const DEFAULT_PRESET: Preset = "24h";

export type Interval = "1m" | "5m" | "1h" | "1d";
export const INTERVAL_MS: Record<Interval, number> = { "1m": 60_000, "5m": 300_000, "1h": 3_600_000, "1d": 86_400_000 };

export type Range = { preset: Preset | null; from: Date; to: Date; interval: Interval; previous: { from: Date; to: Date } };

export function isPreset(v: unknown): v is Preset {
  return typeof v === "string" && Object.hasOwn(PRESETS, v);
}

/** The coarsest interval that still gives at least ~12 points, and never more than ~750. */
export function intervalFor(spanMs: number): Interval {
  if (spanMs <= 2 * 3_600_000) return "1m";
  if (spanMs <= 2 * 86_400_000) return "5m";
  if (spanMs <= 14 * 86_400_000) return "1h";
  return "1d";
}

function parseTime(v: string | null): Date | null {
  if (!v) return null;
  const ms = /^\d{1,15}$/.test(v) ? Number(v) : Date.parse(v);
  return Number.isFinite(ms) ? new Date(ms) : null;
}

/**
 * Reads `range=<preset>` or `from`/`to` from the URL. A custom range wins when both
 * ends parse and `to` is after `from`; anything else falls back to the default preset.
 * Preset ends are rounded to the interval so refreshes and the API agree on bins.
 */
export function resolveRange(params: URLSearchParams, now = Date.now()): Range {
  const from = parseTime(params.get("from"));
  const to = parseTime(params.get("to"));
  if (from && to && to > from) {
    const span = to.getTime() - from.getTime();
    return { preset: null, from, to, interval: intervalFor(span), previous: { from: new Date(from.getTime() - span), to: from } };
  }
  const preset = isPreset(params.get("range")) ? (params.get("range") as Preset) : DEFAULT_PRESET;
  const span = PRESETS[preset];
  const interval = intervalFor(span);
  const step = INTERVAL_MS[interval];
  const end = Math.ceil(now / step) * step;
  return { preset, from: new Date(end - span), to: new Date(end), interval, previous: { from: new Date(end - 2 * span), to: new Date(end - span) } };
}
