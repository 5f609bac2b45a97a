import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { invites, memberships } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { AppError, conflict } from "@/lib/http/errors";
import { sha256 } from "./tokens";

export type AcceptInput = { userId: string; email: string; token: string };

const invalid = () => new AppError("NOT_FOUND", "This invite link is not valid. Ask an admin of the organization for a new one.");

/** Consumes an invite inside the caller's transaction; an invite works exactly once. */
export async function acceptInviteInTx(tx: Tx, input: AcceptInput): Promise<{ orgId: string }> {
  const [invite] = await tx.select().from(invites).where(eq(invites.tokenHash, sha256(input.token)));
  if (!invite || invite.revokedAt) throw invalid();
  if (invite.acceptedAt) throw conflict("This invite link has already been used. Ask for a new one.");
  if (invite.expiresAt.getTime() < Date.now()) throw conflict("This invite link has expired. Ask for a new one.");
  const [existing] = await tx
    .select()
    .from(memberships)
    .where(and(eq(memberships.orgId, invite.orgId), eq(memberships.userId, input.userId)));
  if (existing) throw conflict("You are already a member of this organization.");
  // The conditional update is what makes a link single-use under concurrency.
  const used = await tx
    .update(invites)
    .set({ acceptedAt: new Date(), acceptedBy: input.userId })
    .where(and(eq(invites.orgId, invite.orgId), eq(invites.id, invite.id), isNull(invites.acceptedAt)))
    .returning({ id: invites.id });
  if (used.length === 0) throw conflict("This invite link has already been used. Ask for a new one.");
  await tx.insert(memberships).values({ orgId: invite.orgId, userId: input.userId, role: invite.role });
  await recordAudit(tx, { type: "user", userId: input.userId, email: input.email, role: invite.role }, {
    orgId: invite.orgId,
    action: "member.add",
    resourceType: "member",
    resourceId: input.userId,
    after: { email: input.email, role: invite.role, inviteId: invite.id },
  });
  return { orgId: invite.orgId };
}

/** For a signed-in user following an invite link. */
export async function acceptInvite(db: Db, input: AcceptInput): Promise<{ orgId: string }> {
  return db.transaction((tx) => acceptInviteInTx(tx, input));
}
