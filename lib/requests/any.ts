import "server-only";
import { eq } from "drizzle-orm";
import { requestIds } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";

/** Whether the project has ever received a request (the dashboard's first-run check). */
export async function hasAnyRequest(ctx: ProjectCtx): Promise<boolean> {
  assertCan(ctx, "requests.read");
  // Ordered by the primary key so the planner probes the index; unordered, it may scan the table when the project is a large share of it.
  const [row] = await ctx.db.select({ id: requestIds.id }).from(requestIds).where(eq(requestIds.projectId, ctx.projectId)).orderBy(requestIds.projectId, requestIds.id).limit(1);
  return Boolean(row);
}
