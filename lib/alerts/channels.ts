import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { alertRules, notificationChannels } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { fromZod } from "@/lib/http/errors";
import { findChannel, toChannel } from "./channel-rows";
import { ChannelInput, ChannelPatch, type Channel } from "./schemas";
import { encryptSecret, urlHint } from "./secret";

// The audit log records what changed about a channel, never its URL or secret.
const auditShape = (c: Channel) => ({ type: c.type, name: c.name, url: c.url, hasSecret: c.hasSecret });

export async function listChannels(ctx: ProjectCtx): Promise<Channel[]> {
  assertCan(ctx, "alerts.read");
  const rows = await ctx.db.select().from(notificationChannels).where(eq(notificationChannels.projectId, ctx.projectId)).orderBy(asc(notificationChannels.name), asc(notificationChannels.id));
  return rows.map(toChannel);
}

export async function getChannel(ctx: ProjectCtx, id: string): Promise<Channel> {
  assertCan(ctx, "alerts.read");
  return toChannel(await findChannel(ctx.db, ctx.projectId, id));
}

export async function createChannel(ctx: ProjectCtx, input: unknown): Promise<Channel> {
  assertCan(ctx, "alerts.write");
  const parsed = ChannelInput.safeParse(input);
  if (!parsed.success) throw fromZod(parsed.error);
  const c = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(notificationChannels)
      .values({ projectId: ctx.projectId, type: c.type, name: c.name, urlEncrypted: encryptSecret(c.url), urlHint: urlHint(c.url), secretEncrypted: c.secret ? encryptSecret(c.secret) : null })
      .returning();
    const channel = toChannel(row!);
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "notification_channel.create", resourceType: "notification_channel", resourceId: channel.id, after: auditShape(channel) });
    return channel;
  });
}

/** Renames, re-points or re-keys a channel; `secret: null` stops signing. */
export async function updateChannel(ctx: ProjectCtx, id: string, patch: unknown): Promise<Channel> {
  assertCan(ctx, "alerts.write");
  const parsed = ChannelPatch.safeParse(patch);
  if (!parsed.success) throw fromZod(parsed.error);
  const p = parsed.data;
  return ctx.db.transaction(async (tx) => {
    const before = toChannel(await findChannel(tx, ctx.projectId, id, true));
    const [row] = await tx
      .update(notificationChannels)
      .set({
        ...(p.name !== undefined ? { name: p.name } : {}),
        ...(p.url !== undefined ? { urlEncrypted: encryptSecret(p.url), urlHint: urlHint(p.url) } : {}),
        ...(p.secret !== undefined ? { secretEncrypted: p.secret === null ? null : encryptSecret(p.secret) } : {}),
        updatedAt: sql`now()`,
      })
      .where(and(eq(notificationChannels.projectId, ctx.projectId), eq(notificationChannels.id, before.id)))
      .returning();
    const channel = toChannel(row!);
    const after = { ...auditShape(channel), ...(p.url !== undefined ? { urlChanged: true } : {}), ...(p.secret !== undefined ? { secretChanged: true } : {}) };
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "notification_channel.update", resourceType: "notification_channel", resourceId: channel.id, before: auditShape(before), after });
    return channel;
  });
}

/** Deletes a channel and takes it out of every rule that sent to it (in the same transaction). */
export async function deleteChannel(ctx: ProjectCtx, id: string): Promise<void> {
  assertCan(ctx, "alerts.write");
  await ctx.db.transaction(async (tx) => {
    const before = toChannel(await findChannel(tx, ctx.projectId, id, true));
    await tx.delete(notificationChannels).where(and(eq(notificationChannels.projectId, ctx.projectId), eq(notificationChannels.id, before.id)));
    await tx
      .update(alertRules)
      .set({ channels: sql`${alertRules.channels} - ${before.id}::text` })
      .where(and(eq(alertRules.projectId, ctx.projectId), sql`${alertRules.channels} ? ${before.id}::text`));
    await recordAudit(tx, ctx.actor, { orgId: ctx.orgId, projectId: ctx.projectId, action: "notification_channel.delete", resourceType: "notification_channel", resourceId: before.id, before: auditShape(before) });
  });
}
