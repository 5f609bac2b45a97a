import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { unauthorized } from "@/lib/http/errors";

export async function sessionUserEmail(userId: string): Promise<string> {
  const [u] = await getDb().select({ email: users.email }).from(users).where(eq(users.id, userId));
  if (!u) throw unauthorized("Your account no longer exists.");
  return u.email;
}
