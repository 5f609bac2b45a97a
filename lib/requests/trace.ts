import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { requests } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { nanosToNumber } from "@/lib/cost/money";
import { fromZod, notFound } from "@/lib/http/errors";
import { toItem, type RequestItem } from "./item";

export const TraceId = z.string().min(1).max(128);

/** Traces larger than this are answered with their first spans only (by start time). */
export const MAX_TRACE_SPANS = 5_000;

export type Trace = {
  traceId: string;
  spans: RequestItem[];
  /** Spans whose parent is not in the trace (no parent, or a parent never sent). */
  rootIds: string[];
  totals: { spans: number; durationMs: number; costUsd: number; costNanos: string; unpriced: number; errors: number; inputTokens: number; outputTokens: number };
  truncated: boolean;
};

/** Every span of a trace, oldest first, with the links to draw its tree. Served by requests_trace_idx. */
export async function getTrace(ctx: ProjectCtx, traceId: string): Promise<Trace> {
  assertCan(ctx, "requests.read");
  const parsed = TraceId.safeParse(traceId);
  if (!parsed.success) throw fromZod(parsed.error);
  const rows = await ctx.db
    .select()
    .from(requests)
    .where(and(eq(requests.projectId, ctx.projectId), eq(requests.traceId, parsed.data)))
    .orderBy(asc(requests.startTime), asc(requests.id))
    .limit(MAX_TRACE_SPANS + 1);
  if (rows.length === 0) throw notFound("This trace");
  const kept = rows.slice(0, MAX_TRACE_SPANS);
  const ids = new Set(kept.map((r) => r.id));
  let costNanos = 0n;
  let unpriced = 0;
  let errors = 0;
  let inputTokens = 0;
  let outputTokens = 0;
  let first = Infinity;
  let last = -Infinity;
  for (const r of kept) {
    if (r.costNanos === null) unpriced += 1;
    else costNanos += r.costNanos;
    if (r.status === "error") errors += 1;
    inputTokens += r.inputTokens ?? 0;
    outputTokens += r.outputTokens ?? 0;
    first = Math.min(first, r.startTime.getTime());
    last = Math.max(last, r.endTime.getTime());
  }
  return {
    traceId: parsed.data,
    spans: kept.map(toItem),
    rootIds: kept.filter((r) => r.parentId === null || !ids.has(r.parentId)).map((r) => r.id),
    totals: { spans: kept.length, durationMs: last - first, costUsd: nanosToNumber(costNanos), costNanos: costNanos.toString(), unpriced, errors, inputTokens, outputTokens },
    truncated: rows.length > MAX_TRACE_SPANS,
  };
}
