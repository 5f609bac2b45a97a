import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { invites, organizations } from "@/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { sha256 } from "./tokens";

export type InvitePreview = { orgName: string; role: Role; status: "open" | "used" | "expired" } | null;

/** What an invite link offers, for the page its recipient opens (knowing the token is the permission). */
export async function peekInvite(db: Db, token: string): Promise<InvitePreview> {
  if (typeof token !== "string" || token.length < 10 || token.length > 200) return null;
  const [row] = await db
    .select({ orgName: organizations.name, role: invites.role, acceptedAt: invites.acceptedAt, revokedAt: invites.revokedAt, expiresAt: invites.expiresAt })
    .from(invites)
    .innerJoin(organizations, eq(organizations.id, invites.orgId))
    .where(eq(invites.tokenHash, sha256(token)));
  if (!row || row.revokedAt) return null;
  const status = row.acceptedAt ? "used" : row.expiresAt.getTime() < Date.now() ? "expired" : "open";
  return { orgName: row.orgName, role: row.role, status };
}
