import "server-only";
import { and, asc, desc, eq, gt, isNull } from "drizzle-orm";
import { invites, memberships, users } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { assertCan, can, type OrgCtx } from "@/lib/context";

export type Member = { userId: string; name: string; email: string; role: Role; joinedAt: Date };
export type PendingInvite = { id: string; role: Role; createdAt: Date; expiresAt: Date };

export async function listMembers(ctx: OrgCtx): Promise<{ members: Member[]; invites: PendingInvite[] }> {
  assertCan(ctx, "member.read");
  const members = await ctx.db
    .select({ userId: users.id, name: users.name, email: users.email, role: memberships.role, joinedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, ctx.orgId))
    .orderBy(asc(memberships.createdAt));
  // Pending invites are only shown to those who can manage them.
  const pending = can(ctx.actor, "member.invite")
    ? await ctx.db
        .select({ id: invites.id, role: invites.role, createdAt: invites.createdAt, expiresAt: invites.expiresAt })
        .from(invites)
        .where(and(eq(invites.orgId, ctx.orgId), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())))
        .orderBy(desc(invites.createdAt))
    : [];
  return { members, invites: pending };
}
