import "server-only";
import { flags } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { conflict } from "@/lib/http/errors";
import { parseFlag } from "./change";
import { bumpRevision, lockRevision } from "./revision";
import { toColumns, toFlag, toRecord } from "./rows";
import type { FlagRecord } from "./schemas";

/** Creates a flag from a full definition (the SDK's `Flag`); 409 when the key is taken. */
export async function createFlag(ctx: ProjectCtx, input: unknown): Promise<FlagRecord> {
  assertCan(ctx, "flags.write");
  const flag = parseFlag(input);
  return ctx.db.transaction(async (tx) => {
    await lockRevision(tx, ctx.projectId);
    const [row] = await tx
      .insert(flags)
      .values({ projectId: ctx.projectId, key: flag.key, ...toColumns(flag) })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict(`This project already has a flag "${flag.key}". Change it with PATCH /api/v1/flags/${flag.key}.`);
    await bumpRevision(tx, ctx.projectId);
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "flag.create", resourceType: "flag", resourceId: flag.key, after: toFlag(row) });
    return toRecord(row);
  });
}
