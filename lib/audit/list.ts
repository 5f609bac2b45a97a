import "server-only";
import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditLog } from "@/db/schema";
import { assertCan, type OrgCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";

export const AuditQuery = z.object({
  action: z.string().max(100).optional(),
  resourceType: z.string().max(100).optional(),
  actor: z.string().max(200).optional(),
  projectId: z.uuid().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditQuery = z.input<typeof AuditQuery>;

export type AuditRow = typeof auditLog.$inferSelect;

/** Newest first, filtered; `before` is the id cursor of the last row seen. */
export async function listAudit(ctx: OrgCtx, input: AuditQuery): Promise<{ rows: AuditRow[]; nextCursor: number | null }> {
  assertCan(ctx, "audit.read");
  const parsed = AuditQuery.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const q = parsed.data;
  const where: SQL[] = [eq(auditLog.orgId, ctx.orgId)];
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.resourceType) where.push(eq(auditLog.resourceType, q.resourceType));
  if (q.actor) where.push(eq(auditLog.actorLabel, q.actor));
  if (q.projectId) where.push(eq(auditLog.projectId, q.projectId));
  if (q.before) where.push(lt(auditLog.id, q.before));
  const rows = await ctx.db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit + 1);
  const page = rows.slice(0, q.limit);
  return { rows: page, nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null };
}
