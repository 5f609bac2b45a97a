import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { memberships } from "@/db/schema";
import { AppError } from "@/lib/http/errors";

/** Assigned reviewers must be members of the organization who may review (reviewer or above). */
export async function checkReviewers(db: DbOrTx, orgId: string, reviewers: string[]): Promise<string[]> {
  const unique = [...new Set(reviewers)];
  if (unique.length === 0) return unique;
  const rows = await db
    .select({ userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), inArray(memberships.userId, unique)));
  const ok = new Set(rows.filter((r) => r.role !== "viewer").map((r) => r.userId));
  const issues = unique.flatMap((id, i) => (ok.has(id) ? [] : [{ path: `reviewers.${i}`, message: "Not a member of this organization with the reviewer role or above." }]));
  if (issues.length) throw new AppError("UNPROCESSABLE_ENTITY", `Some reviewers cannot review here. ${issues[0]!.path}: ${issues[0]!.message}`, issues);
  return unique;
}
