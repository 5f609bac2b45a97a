import "server-only";
import { eq } from "drizzle-orm";
import { requestIds } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";

/** Whether the project has ever received a request (the dashboard's first-run check). */
export async function hasAnyRequest(ctx: ProjectCtx): Promise<boolean> {
  assertCan(ctx, "requests.read");
  const [row] = await ctx.db.select({ id: requestIds.id }).from(requestIds).where(eq(requestIds.projectId, ctx.projectId)).limit(1);
  return Boolean(row);
}
