import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { notificationChannels } from "@/db/schema";
import { notFound } from "@/lib/http/errors";
import { assertId } from "./rule-rows";
import type { Channel } from "./schemas";

export type ChannelRow = typeof notificationChannels.$inferSelect;

/** Never the secret, never the full URL. */
export function toChannel(r: ChannelRow): Channel {
  return { id: r.id, type: r.type as Channel["type"], name: r.name, url: r.urlHint, hasSecret: r.secretEncrypted !== null, createdAt: r.createdAt, updatedAt: r.updatedAt };
}

export async function findChannel(db: DbOrTx, projectId: string, id: string, lock = false): Promise<ChannelRow> {
  assertId(id, "Notification channel");
  const q = db.select().from(notificationChannels).where(and(eq(notificationChannels.projectId, projectId), eq(notificationChannels.id, id)));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw notFound("Notification channel");
  return row;
}
