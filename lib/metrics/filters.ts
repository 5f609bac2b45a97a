import "server-only";
import { z } from "zod";
import { fromZod } from "@/lib/http/errors";

const DAY_MS = 86_400_000;
export const DEFAULT_RANGE_MS = DAY_MS;
export const MAX_RANGE_DAYS = 400;
const MAX_EPOCH_MS = 253_402_300_799_999;

/**
 * A point in time as a query string carries it (RFC 3339 with a zone, or epoch ms)
 * or as a verb caller already holds it (a Date). Always parses to a Date, so a
 * parsed filter set parses again to itself.
 */
const Rfc3339 = z.iso.datetime({ offset: true });
const TIME_HINT = "Use an RFC 3339 time with a zone, e.g. 2026-11-26T10:00:00Z, or epoch milliseconds.";
const Time = z.union([z.date(), z.number(), z.string()]).transform((v, ctx) => {
  let ms: number;
  if (v instanceof Date) ms = v.getTime();
  else if (typeof v === "number") ms = v;
  else if (/^\d{1,15}$/.test(v)) ms = Number(v);
  else ms = Rfc3339.safeParse(v).success ? Date.parse(v) : NaN;
  if (!Number.isFinite(ms) || ms < 0 || ms > MAX_EPOCH_MS) {
    ctx.issues.push({ code: "custom", message: TIME_HINT, input: v });
    return z.NEVER;
  }
  return new Date(ms);
});

const Value = (max: number) => z.string().min(1).max(max);
const Key = z.string().min(1).max(128);

const Fields = z.object({
  from: Time.optional(),
  to: Time.optional(),
  model: Value(128).optional(),
  provider: Value(64).optional(),
  endpoint: Value(256).optional(),
  userId: Value(256).optional(),
  sessionId: Value(256).optional(),
  environment: Value(64).optional(),
  status: z.enum(["ok", "error"]).optional(),
  errorType: Value(128).optional(),
  promptName: Value(256).optional(),
  promptVersion: z.coerce.number().int().min(1).max(1e9).optional(),
  /** Every tag must be present on the request (`tag=a&tag=b`). */
  tags: z.array(Value(128)).max(20).default([]),
  /** `metadata.<key>=<value>`: the request's metadata value, compared as text. */
  metadata: z.record(Key, Value(2_000)).default({}),
  /** `flag.<key>=<variant>`: the variant the request was served. */
  flags: z.record(Key, Value(128)).default({}),
  /**
   * Text search, for the request list only (metrics ignore it, so it is not an
   * "active" filter): id prefix, trace/session/user id, endpoint or name prefix,
   * or a substring of the error message.
   */
  q: z.string().trim().min(1).max(200).optional(),
});

/** The filters shared by the request list and the metrics: a time range (half-open, [from, to)) and exact matches. */
export const RequestFilters = Fields.transform((f, ctx) => {
  const to = f.to ?? new Date();
  const from = f.from ?? new Date(to.getTime() - DEFAULT_RANGE_MS);
  if (to.getTime() <= from.getTime()) {
    ctx.issues.push({ code: "custom", path: ["to"], message: "to must be after from.", input: f.to });
    return z.NEVER;
  }
  if (to.getTime() - from.getTime() > MAX_RANGE_DAYS * DAY_MS) {
    ctx.issues.push({ code: "custom", path: ["from"], message: `The range may span at most ${MAX_RANGE_DAYS} days.`, input: f.from });
    return z.NEVER;
  }
  return { ...f, from, to };
});
export type RequestFilters = z.output<typeof RequestFilters>;
export type RequestFiltersInput = z.input<typeof RequestFilters>;

/** The filter names a query string may carry besides `metadata.*` and `flag.*`. */
const SIMPLE = ["from", "to", "model", "provider", "endpoint", "userId", "sessionId", "environment", "status", "errorType", "promptName", "promptVersion"] as const;

/** Reads filters from a URL's query: unknown parameters (cursor, groupBy …) are left to the caller; empty values count as absent. */
export function parseFilters(searchParams: URLSearchParams): RequestFilters {
  const raw: Record<string, unknown> = { tags: [], metadata: {}, flags: {} };
  for (const name of SIMPLE) {
    const value = searchParams.get(name);
    if (value !== null && value !== "") raw[name] = value;
  }
  raw.tags = searchParams.getAll("tag").filter((t) => t !== "");
  // Blank search counts as absent, like an empty filter; otherwise it is validated (1..200).
  const q = searchParams.get("q");
  if (q !== null && q.trim() !== "") raw.q = q;
  for (const [name, value] of searchParams) {
    if (name.startsWith("metadata.")) (raw.metadata as Record<string, string>)[name.slice("metadata.".length)] = value;
    else if (name.startsWith("flag.")) (raw.flags as Record<string, string>)[name.slice("flag.".length)] = value;
  }
  return parseFilterInput(raw);
}

/** Parses filters given as an object (verbs call this on their `filters` input). */
export function parseFilterInput(input: unknown): RequestFilters {
  const parsed = RequestFilters.safeParse(input ?? {});
  if (!parsed.success) throw fromZod(parsed.error, "Some filters are invalid.");
  return parsed.data;
}

/** The names of the filters that are set, in query-string spelling (`metadata.plan`, `flag.beta`). */
export function activeFilterNames(f: RequestFilters): string[] {
  const names: string[] = SIMPLE.filter((n) => n !== "from" && n !== "to" && f[n] !== undefined);
  if (f.tags.length) names.push("tag");
  names.push(...Object.keys(f.metadata).map((k) => `metadata.${k}`));
  names.push(...Object.keys(f.flags).map((k) => `flag.${k}`));
  return names;
}
