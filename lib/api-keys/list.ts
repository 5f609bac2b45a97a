import "server-only";
import { desc, eq } from "drizzle-orm";
import { apiKeys, users } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";

export type ApiKeySummary = {
  id: string;
  name: string;
  publicKey: string;
  secretPrefix: string;
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export async function listApiKeys(ctx: ProjectCtx): Promise<ApiKeySummary[]> {
  assertCan(ctx, "api_key.read");
  return ctx.db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      publicKey: apiKeys.publicKey,
      secretPrefix: apiKeys.secretPrefix,
      createdBy: users.email,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(eq(apiKeys.projectId, ctx.projectId))
    .orderBy(desc(apiKeys.createdAt));
}
