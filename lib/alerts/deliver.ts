import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Db, DbOrTx } from "@/db/client";
import { alertDeliveries, notificationChannels } from "@/db/schema";
import { decryptSecret, UnreadableSecret } from "./secret";
import { postJson, type SendResult } from "./send";

/** Waits after the 1st, 2nd … failed attempt; after the last, the delivery is `failed`. */
export const BACKOFF_SECONDS = [30, 120, 600, 1800, 7200];
export const MAX_ATTEMPTS = BACKOFF_SECONDS.length + 1;
/** A claimed delivery is not claimed again for this long (longer than the send timeout). */
const LEASE_MS = 60_000;

export type NewDelivery = { projectId: string; ruleId: string | null; channelId: string; groupKey: string | null; kind: "firing" | "resolved" | "test"; payload: unknown };

/** Adds a delivery to the outbox, in the caller's transaction: it is sent only if that commits. */
export async function enqueueDelivery(tx: DbOrTx, d: NewDelivery, now: number): Promise<number> {
  const [row] = await tx
    .insert(alertDeliveries)
    .values({ ...d, status: "pending", nextAttemptAt: new Date(now) })
    .returning({ id: alertDeliveries.id });
  return row!.id;
}

type Claimed = { project_id: string; id: string | number; channel_id: string; payload: unknown; attempts: number };

export type DeliveryOutcome = { id: number; status: "sent" | "pending" | "failed"; result: SendResult };

async function sendOne(db: Db, d: Claimed, now: number): Promise<DeliveryOutcome> {
  const id = Number(d.id);
  const [channel] = await db
    .select()
    .from(notificationChannels)
    .where(and(eq(notificationChannels.projectId, d.project_id), eq(notificationChannels.id, d.channel_id)));
  let result: SendResult;
  let final = false;
  if (!channel) {
    result = { ok: false, status: null, excerpt: null, error: "The channel was deleted." };
    final = true;
  } else {
    try {
      const url = decryptSecret(channel.urlEncrypted);
      const secret = channel.type === "webhook" && channel.secretEncrypted ? decryptSecret(channel.secretEncrypted) : null;
      result = await postJson(url, JSON.stringify(d.payload), secret, now);
    } catch (err) {
      if (!(err instanceof UnreadableSecret)) throw err;
      result = { ok: false, status: null, excerpt: null, error: err.message };
      final = true;
    }
  }
  const status = result.ok ? "sent" : final || d.attempts >= MAX_ATTEMPTS ? "failed" : "pending";
  const retryAt = new Date(now + (BACKOFF_SECONDS[Math.min(d.attempts, BACKOFF_SECONDS.length) - 1] ?? 0) * 1000);
  await db
    .update(alertDeliveries)
    .set({
      status,
      responseStatus: result.status,
      responseExcerpt: result.excerpt,
      error: result.error,
      ...(status === "sent" ? { sentAt: new Date(now) } : {}),
      ...(status === "pending" ? { nextAttemptAt: retryAt } : {}),
    })
    .where(and(eq(alertDeliveries.projectId, d.project_id), eq(alertDeliveries.id, id)));
  return { id, status, result };
}

/**
 * Sends every delivery that is due at `now` (optionally only some of one project's).
 * Each is claimed atomically (skip locked + a lease), so several instances never send
 * the same delivery twice; a failure waits per BACKOFF_SECONDS, then gives up.
 */
export async function deliverDue(db: Db, now = Date.now(), scope?: { projectId: string; ids?: number[] }): Promise<DeliveryOutcome[]> {
  const filters = [sql`status = 'pending'`, sql`next_attempt_at <= ${new Date(now).toISOString()}::timestamptz`];
  if (scope) filters.push(sql`project_id = ${scope.projectId}`);
  if (scope?.ids) filters.push(sql`id = any(${sql.param(scope.ids)}::bigint[])`);
  const claimed = await db.execute<Claimed>(sql`
    update alert_deliveries set attempts = attempts + 1, next_attempt_at = ${new Date(now + LEASE_MS).toISOString()}::timestamptz
    where (project_id, id) in (
      select project_id, id from alert_deliveries where ${sql.join(filters, sql` and `)}
      order by next_attempt_at limit 100 for update skip locked)
    returning project_id, id, channel_id, payload, attempts`);
  return Promise.all(claimed.rows.map((d) => sendOne(db, d, now)));
}
