import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { invites, memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type OrgCtx } from "@/lib/context";
import { fromZod, notFound } from "@/lib/http/errors";
import { assertMayManage, assertOwnerRemains, lockOrgMemberships } from "./update-role";

export async function removeMember(ctx: OrgCtx, input: { userId: string }): Promise<void> {
  assertCan(ctx, "member.remove");
  const parsed = z.object({ userId: z.uuid() }).safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { userId } = parsed.data;
  await ctx.db.transaction(async (tx) => {
    await lockOrgMemberships(tx, ctx.orgId);
    const [member] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)))
      .for("update");
    if (!member) throw notFound("Member");
    assertMayManage(ctx, member.role);
    if (member.role === "owner") await assertOwnerRemains(tx, ctx.orgId, userId);
    await tx.delete(memberships).where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, action: "member.remove", resourceType: "member", resourceId: userId, before: { role: member.role } });
  });
}

export async function revokeInvite(ctx: OrgCtx, input: { inviteId: string }): Promise<void> {
  assertCan(ctx, "member.invite");
  const parsed = z.object({ inviteId: z.uuid() }).safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.orgId, ctx.orgId), eq(invites.id, parsed.data.inviteId)))
      .returning({ id: invites.id, role: invites.role });
    if (!row) throw notFound("Invite");
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, action: "invite.revoke", resourceType: "invite", resourceId: row.id, before: { role: row.role } });
  });
}
