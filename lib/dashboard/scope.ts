import "server-only";
import { parseFilters, type RequestFilters } from "@/lib/metrics/filters";
import { resolveRange, type Interval, type Preset } from "./range";

export type RangeInfo = { preset: Preset | null; from: string; to: string; interval: Interval; previousFrom: string; previousTo: string };

/** What every dashboard view reads from the URL: the range, its filters, the previous period's, and the chart interval. */
export function dashboardScope(search: URLSearchParams) {
  const range = resolveRange(search, Date.now());
  const rest = new URLSearchParams(search);
  for (const k of ["from", "to", "range", "cursor", "q"]) rest.delete(k);
  const base = parseFilters(rest);
  const filters: RequestFilters = { ...base, from: range.from, to: range.to };
  const previousFilters: RequestFilters = { ...base, from: range.previous.from, to: range.previous.to };
  // Per-user numbers are kept by the hour: a user filter charts in hours at least.
  const interval: Interval = base.userId && (range.interval === "1m" || range.interval === "5m") ? "1h" : range.interval;
  const info: RangeInfo = {
    preset: range.preset,
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    interval,
    previousFrom: range.previous.from.toISOString(),
    previousTo: range.previous.to.toISOString(),
  };
  return { range, filters, previousFilters, interval, info };
}
