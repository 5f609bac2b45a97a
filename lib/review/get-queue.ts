import "server-only";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { loadQueue, toQueue, type Queue } from "./rows";

/** One queue of this project; 404 for an unknown id or another project's. */
export async function getQueue(ctx: ProjectCtx, id: string): Promise<Queue> {
  assertCan(ctx, "review.read");
  return toQueue(await loadQueue(ctx.db, ctx.projectId, id));
}
