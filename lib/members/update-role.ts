import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Tx } from "@/db/client";
import { memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { ROLE_RANK, ROLES, type Role } from "@/lib/auth/permissions";
import { assertCan, type OrgCtx } from "@/lib/context";
import { conflict, forbidden, fromZod, notFound } from "@/lib/http/errors";

export const UpdateRoleInput = z.object({ userId: z.uuid(), role: z.enum(ROLES) });
export type UpdateRoleInput = z.input<typeof UpdateRoleInput>;

/**
 * Serializes membership changes within one organization. Without it two owners
 * demoting or removing each other lock their member rows in opposite order and
 * Postgres aborts one with a deadlock (a 500) instead of the CONFLICT below.
 * NO KEY UPDATE does not block inserts that reference the organization.
 */
export async function lockOrgMemberships(tx: Tx, orgId: string): Promise<void> {
  await tx.execute(sql`select id from organizations where id = ${orgId} for no key update`);
}

/** Locks the org's memberships and refuses a change that would leave it without an owner. */
export async function assertOwnerRemains(tx: Tx, orgId: string, leavingUserId: string): Promise<void> {
  const owners = await tx.execute<{ user_id: string }>(
    sql`select user_id from memberships where org_id = ${orgId} and role = 'owner' for update`,
  );
  if (owners.rows.every((r) => r.user_id === leavingUserId)) {
    throw conflict("An organization needs at least one owner. Make someone else owner first.");
  }
}

/** Checks that the acting user outranks both the member's current and new role where owners are involved. */
export function assertMayManage(ctx: OrgCtx, current: Role, next?: Role): void {
  if (ctx.actor.type !== "user") return;
  const mine = ROLE_RANK[ctx.actor.role];
  if (ROLE_RANK[current] > mine || (next && ROLE_RANK[next] > mine)) {
    throw forbidden("Only an owner can change an owner's membership or make someone owner.");
  }
}

export async function updateRole(ctx: OrgCtx, input: UpdateRoleInput): Promise<{ userId: string; role: Role }> {
  assertCan(ctx, "member.update_role");
  const parsed = UpdateRoleInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const { userId, role } = parsed.data;
  return ctx.db.transaction(async (tx) => {
    await lockOrgMemberships(tx, ctx.orgId);
    const [member] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)))
      .for("update");
    if (!member) throw notFound("Member");
    assertMayManage(ctx, member.role, role);
    if (member.role === role) return { userId, role };
    if (member.role === "owner") await assertOwnerRemains(tx, ctx.orgId, userId);
    await tx.update(memberships).set({ role }).where(and(eq(memberships.orgId, ctx.orgId), eq(memberships.userId, userId)));
    await recordAudit(tx, ctx.actor, {
      orgId: ctx.orgId,
      action: "member.update_role",
      resourceType: "member",
      resourceId: userId,
      before: { role: member.role },
      after: { role },
    });
    return { userId, role };
  });
}
