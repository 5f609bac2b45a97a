import "server-only";
import { and, eq } from "drizzle-orm";
import { flags } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { lockFlag } from "./change";
import { bumpRevision, lockRevision } from "./revision";
import { toFlag } from "./rows";

export type DeleteFlagInput = { key: string; ifVersion?: number };

/** Deletes a flag; SDKs then answer their callers' defaults (FLAG_NOT_FOUND). The audit row keeps the definition. */
export async function deleteFlag(ctx: ProjectCtx, input: DeleteFlagInput): Promise<void> {
  assertCan(ctx, "flags.write");
  await ctx.db.transaction(async (tx) => {
    await lockRevision(tx, ctx.projectId);
    const row = await lockFlag(tx, ctx.projectId, input.key, input.ifVersion);
    await tx.delete(flags).where(and(eq(flags.projectId, ctx.projectId), eq(flags.key, input.key)));
    await bumpRevision(tx, ctx.projectId);
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "flag.delete", resourceType: "flag", resourceId: input.key, before: toFlag(row) });
  });
}
