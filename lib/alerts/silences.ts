import "server-only";
import { and, desc, eq, gt, lte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { alertSilences } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { actorLabel, assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod, notFound } from "@/lib/http/errors";
import { assertId, findRule } from "./rule-rows";
import { SilenceInput, type Silence } from "./schemas";

type SilenceRow = typeof alertSilences.$inferSelect;
const toSilence = (r: SilenceRow): Silence => ({
  id: r.id, ruleId: r.ruleId, matchers: r.matchers, startsAt: r.startsAt, endsAt: r.endsAt, comment: r.comment, createdBy: r.createdBy, createdAt: r.createdAt,
});

/** The project's silences, newest first; `active` keeps those in force at `now`. */
export async function listSilences(ctx: ProjectCtx, opts: { active?: boolean; now?: Date } = {}): Promise<Silence[]> {
  assertCan(ctx, "alerts.read");
  const now = opts.now ?? new Date();
  const where = [eq(alertSilences.projectId, ctx.projectId), ...(opts.active ? [lte(alertSilences.startsAt, now), gt(alertSilences.endsAt, now)] : [])];
  const rows = await ctx.db.select().from(alertSilences).where(and(...where)).orderBy(desc(alertSilences.createdAt), desc(alertSilences.id)).limit(500);
  return rows.map(toSilence);
}

/** Silences a rule, label values (exact matches, all must hold), or both, from startsAt (default now) to endsAt. */
export async function createSilence(ctx: ProjectCtx, input: unknown): Promise<Silence> {
  assertCan(ctx, "alerts.write");
  const parsed = SilenceInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const s = parsed.data;
  return ctx.db.transaction(async (tx) => {
    if (s.ruleId) await findRule(tx, ctx.projectId, s.ruleId);
    const [row] = await tx
      .insert(alertSilences)
      .values({ projectId: ctx.projectId, ruleId: s.ruleId ?? null, matchers: s.matchers, startsAt: s.startsAt ?? new Date(), endsAt: s.endsAt, comment: s.comment, createdBy: actorLabel(ctx.actor) })
      .returning();
    const silence = toSilence(row!);
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "alert_silence.create", resourceType: "alert_silence", resourceId: silence.id, after: silence });
    return silence;
  });
}

/** Ends a silence now (kept for the record); ending one already over changes nothing. */
export async function expireSilence(ctx: ProjectCtx, id: string): Promise<Silence> {
  assertCan(ctx, "alerts.write");
  assertId(id, "Silence");
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx.select().from(alertSilences).where(and(eq(alertSilences.projectId, ctx.projectId), eq(alertSilences.id, id))).for("update");
    if (!row) throw notFound("Silence");
    const now = new Date();
    if (row.endsAt <= now) return toSilence(row);
    const endsAt = row.startsAt > now ? row.startsAt : now;
    const [updated] = await tx.update(alertSilences).set({ endsAt }).where(and(eq(alertSilences.projectId, ctx.projectId), eq(alertSilences.id, id))).returning();
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "alert_silence.expire", resourceType: "alert_silence", resourceId: id, before: { endsAt: row.endsAt }, after: { endsAt } });
    return toSilence(updated!);
  });
}

/** The silences in force at `now` (for the evaluator). */
export async function activeSilences(db: DbOrTx, projectId: string, now: Date): Promise<Silence[]> {
  const rows = await db.select().from(alertSilences).where(and(eq(alertSilences.projectId, projectId), lte(alertSilences.startsAt, now), gt(alertSilences.endsAt, now)));
  return rows.map(toSilence);
}

/** A silence covers an instance when its rule (if named) is this one and every matcher equals the instance's label. */
export function silences(s: Pick<Silence, "ruleId" | "matchers">, ruleId: string, labels: Record<string, string>): boolean {
  if (s.ruleId && s.ruleId !== ruleId) return false;
  return Object.entries(s.matchers).every(([k, v]) => labels[k] === v);
}
