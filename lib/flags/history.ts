import "server-only";
import { and, desc, eq, lt } from "drizzle-orm";
import type { Flag } from "@sextant/sdk";
import { auditLog } from "@/db/schema";
import { assertCan, type ProjectCtx } from "@/lib/context";

export type FlagChange = {
  id: number;
  action: string;
  actor: string;
  actorType: string;
  at: Date;
  before: Flag | null;
  after: Flag | null;
};

/**
 * One flag's changes from the audit log, newest first. Anyone who may read flags may read
 * their history (the org-wide audit log stays owner/admin): it holds only the definitions,
 * which the reader can already see. A deleted and re-created key shows both lives.
 */
export async function flagHistory(ctx: ProjectCtx, input: { key: string; before?: number; limit?: number }): Promise<{ changes: FlagChange[]; nextCursor: number | null }> {
  assertCan(ctx, "flags.read");
  const limit = Math.min(Math.max(input.limit ?? 50, 1), 200);
  const where = [
    eq(auditLog.orgId, ctx.orgId),
    eq(auditLog.projectId, ctx.projectId),
    eq(auditLog.resourceType, "flag"),
    eq(auditLog.resourceId, input.key),
    ...(input.before ? [lt(auditLog.id, input.before)] : []),
  ];
  const rows = await ctx.db.select().from(auditLog).where(and(...where)).orderBy(desc(auditLog.id)).limit(limit + 1);
  const changes = rows.slice(0, limit).map((r) => ({
    id: r.id,
    action: r.action,
    actor: r.actorLabel,
    actorType: r.actorType,
    at: r.createdAt,
    before: (r.before as Flag | null) ?? null,
    after: (r.after as Flag | null) ?? null,
  }));
  return { changes, nextCursor: rows.length > limit ? (changes.at(-1)?.id ?? null) : null };
}
