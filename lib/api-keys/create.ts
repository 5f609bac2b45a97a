import "server-only";
import { apiKeys } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { hashSecret, newKeyPair, secretPrefix } from "./material";
import { CreateApiKeyInput } from "./schemas";

export type CreatedApiKey = { id: string; name: string; publicKey: string; secretKey: string; createdAt: Date };

/** Creates a key pair. The secret is in this answer only; the database keeps its hash. */
export async function createApiKey(ctx: ProjectCtx, input: CreateApiKeyInput): Promise<CreatedApiKey> {
  assertCan(ctx, "api_key.create");
  const parsed = CreateApiKeyInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { publicKey, secretKey } = newKeyPair();
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        projectId: ctx.projectId,
        name: parsed.data.name,
        publicKey,
        secretHash: hashSecret(secretKey),
        secretPrefix: secretPrefix(secretKey),
        createdBy: ctx.actor.type === "user" ? ctx.actor.userId : null,
      })
      .returning({ id: apiKeys.id, createdAt: apiKeys.createdAt });
    await recordAudit(tx, ctx.actor, {
      orgId: ctx.orgId,
      projectId: ctx.projectId,
      action: "api_key.create",
      resourceType: "api_key",
      resourceId: row!.id,
      after: { name: parsed.data.name, publicKey, secretPrefix: secretPrefix(secretKey) },
    });
    return { id: row!.id, name: parsed.data.name, publicKey, secretKey, createdAt: row!.createdAt };
  });
}
