import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { memberships, organizations, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { hashPassword } from "@/lib/auth/password";
import type { Actor } from "@/lib/context";
import { conflict, fromZod, isUniqueViolation } from "@/lib/http/errors";
import { acceptInviteInTx } from "@/lib/members/accept-invite";
import { SignUpInput } from "./schemas";

export type SignUpResult = { userId: string; orgId: string };

/**
 * Creates an account. With an invite token the user joins that organization with
 * the invited role; without one they get a new organization and own it.
 */
export async function signUp(db: Db, input: SignUpInput): Promise<SignUpResult> {
  const parsed = SignUpInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error, "Check the sign-up form.");
  const { name, email, password, inviteToken } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    return await db.transaction(async (tx) => {
      const existing = await tx.select({ id: users.id }).from(users).where(sql`lower(${users.email}) = ${email}`);
      if (existing.length > 0) throw conflict("An account with this email already exists. Sign in instead.");
      const [user] = await tx.insert(users).values({ name, email, passwordHash }).returning({ id: users.id });
      const userId = user!.id;
      const actor: Actor = { type: "user", userId, email, role: "owner" };
      if (inviteToken) {
        const { orgId } = await acceptInviteInTx(tx, { userId, email, token: inviteToken });
        return { userId, orgId };
      }
      const [org] = await tx.insert(organizations).values({ name: `${name}'s organization` }).returning();
      await tx.insert(memberships).values({ orgId: org!.id, userId, role: "owner" });
      await recordAudit(tx, actor, { orgId: org!.id, action: "org.create", resourceType: "org", resourceId: org!.id, after: { name: org!.name } });
      await recordAudit(tx, actor, { orgId: org!.id, action: "member.add", resourceType: "member", resourceId: userId, after: { email, role: "owner" } });
      return { userId, orgId: org!.id };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("An account with this email already exists. Sign in instead.");
    throw err;
  }
}
