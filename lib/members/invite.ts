import "server-only";
import { z } from "zod";
import { invites } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { ROLE_RANK, ROLES } from "@/lib/auth/permissions";
import { actorId, assertCan, type OrgCtx } from "@/lib/context";
import { forbidden, fromZod } from "@/lib/http/errors";
import { randomToken, sha256 } from "./tokens";

export const InviteInput = z.object({
  role: z.enum(ROLES),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export type InviteInput = z.input<typeof InviteInput>;

export type CreatedInvite = { id: string; token: string; path: string; role: string; expiresAt: Date };

/** Creates a single-use invite link; the token is returned once and stored hashed. */
export async function createInvite(ctx: OrgCtx, input: InviteInput): Promise<CreatedInvite> {
  assertCan(ctx, "member.invite");
  const parsed = InviteInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { role, expiresInDays } = parsed.data;
  if (ctx.actor.type === "user" && ROLE_RANK[role] > ROLE_RANK[ctx.actor.role]) {
    throw forbidden(`Only an owner can invite someone as ${role}.`);
  }
  const token = randomToken(24);
  const expiresAt = new Date(Date.now() + expiresInDays * 86_400_000);
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(invites)
      .values({ orgId: ctx.orgId, tokenHash: sha256(token), role, expiresAt, createdBy: ctx.actor.type === "user" ? actorId(ctx.actor) : null })
      .returning({ id: invites.id });
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, action: "invite.create", resourceType: "invite", resourceId: row!.id, after: { role, expiresAt } });
    return { id: row!.id, token, path: `/invite/${token}`, role, expiresAt };
  });
}
