import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod, notFound } from "@/lib/http/errors";
import { forgetKey } from "./authenticate";

export async function revokeApiKey(ctx: ProjectCtx, input: { id: string }): Promise<void> {
  assertCan(ctx, "api_key.revoke");
  const parsed = z.object({ id: z.uuid() }).safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const revoked = await ctx.db.transaction(async (tx) => {
    const where = and(eq(apiKeys.projectId, ctx.projectId), eq(apiKeys.id, parsed.data.id));
    const [key] = await tx.select().from(apiKeys).where(where).for("update");
    if (!key) throw notFound("API key");
    if (key.revokedAt) return key;
    await tx.update(apiKeys).set({ revokedAt: new Date() }).where(and(where, isNull(apiKeys.revokedAt)));
    await recordAudit(tx, ctx.actor, {
      orgId: ctx.orgId,
      projectId: ctx.projectId,
      action: "api_key.revoke",
      resourceType: "api_key",
      resourceId: key.id,
      before: { name: key.name, publicKey: key.publicKey, secretPrefix: key.secretPrefix },
    });
    return key;
  });
  forgetKey(revoked.publicKey, revoked.secretHash);
}
