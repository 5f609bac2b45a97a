import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { DUMMY_HASH, verifyPassword } from "@/lib/auth/password";
import { SignInInput } from "./schemas";

export type SignedInUser = { id: string; email: string; name: string };

/** The user for these credentials, or null; the same work is done either way. */
export async function verifyCredentials(db: Db, input: unknown): Promise<SignedInUser | null> {
  const parsed = SignInInput.safeParse(input);
  if (!parsed.success) return null;
  const [user] = await db.select().from(users).where(sql`lower(${users.email}) = ${parsed.data.email}`);
  const ok = await verifyPassword(parsed.data.password, user?.passwordHash ?? DUMMY_HASH);
  return ok && user ? { id: user.id, email: user.email, name: user.name } : null;
}
