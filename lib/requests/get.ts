import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { requestBodies, requestIds, requests, scores } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { readOverrides } from "@/lib/cost/overrides/load";
import { fromZod, notFound } from "@/lib/http/errors";
import { describeCost, type CostExplanation } from "./explain";
import { toItem, type RequestItem } from "./item";

export const RequestId = z.string().min(1).max(128);

export type RequestScore = {
  id: string;
  name: string;
  value: number | boolean | string | null;
  dataType: string;
  source: string;
  comment: string | null;
  createdAt: string;
};

export type RequestDetail = RequestItem & { input: unknown; output: unknown; scores: RequestScore[]; cost: CostExplanation };

function scoreValue(s: typeof scores.$inferSelect): RequestScore["value"] {
  if (s.dataType === "boolean") return s.valueNumber === null ? null : s.valueNumber !== 0;
  if (s.dataType === "categorical") return s.valueText;
  return s.valueNumber;
}

/** One request with its bodies, scores and cost explanation. The id registry names the partition to read. */
export async function getRequest(ctx: ProjectCtx, id: string): Promise<RequestDetail> {
  assertCan(ctx, "requests.read");
  const parsed = RequestId.safeParse(id);
  if (!parsed.success) throw fromZod(parsed.error);
  const [registered] = await ctx.db
    .select({ startTime: requestIds.startTime })
    .from(requestIds)
    .where(and(eq(requestIds.projectId, ctx.projectId), eq(requestIds.id, parsed.data)));
  if (!registered) throw notFound("This request");
  const at = registered.startTime;
  const [[row], [body], scoreRows, overrides] = await Promise.all([
    ctx.db
      .select()
      .from(requests)
      .where(and(eq(requests.projectId, ctx.projectId), eq(requests.startTime, at), eq(requests.id, parsed.data))),
    ctx.db
      .select({ input: requestBodies.input, output: requestBodies.output })
      .from(requestBodies)
      .where(and(eq(requestBodies.projectId, ctx.projectId), eq(requestBodies.startTime, at), eq(requestBodies.requestId, parsed.data))),
    ctx.db
      .select()
      .from(scores)
      .where(and(eq(scores.projectId, ctx.projectId), eq(scores.requestId, parsed.data)))
      .orderBy(asc(scores.createdAt), asc(scores.id)),
    readOverrides(ctx.db, ctx.projectId),
  ]);
  // Registered but gone: its partition was dropped by retention.
  if (!row) throw notFound("This request");
  const item = toItem(row);
  return {
    ...item,
    input: body?.input ?? null,
    output: body?.output ?? null,
    scores: scoreRows.map((s) => ({
      id: s.id,
      name: s.name,
      value: scoreValue(s),
      dataType: s.dataType,
      source: s.source,
      comment: s.comment,
      createdAt: s.createdAt.toISOString(),
    })),
    cost: describeCost(row, overrides),
  };
}
