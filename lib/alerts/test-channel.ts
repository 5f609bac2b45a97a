import "server-only";
import { sql } from "drizzle-orm";
import { assertCan, type ProjectCtx } from "@/lib/context";
import { findChannel } from "./channel-rows";
import { consoleUrl } from "./config";
import { deliverDue, enqueueDelivery } from "./deliver";
import { alertmanagerBody, slackBody, type AlertNotice } from "./payload";

export type ChannelTestResult = { deliveryId: number; status: "sent" | "pending" | "failed"; responseStatus: number | null; error: string | null };

/** "Send test": a firing notification of a made-up rule, delivered and logged like a real one. */
export async function testChannel(ctx: ProjectCtx, id: string, now = Date.now()): Promise<ChannelTestResult> {
  assertCan(ctx, "alerts.write");
  const channel = await findChannel(ctx.db, ctx.projectId, id);
  const n: AlertNotice = {
    status: "firing", projectId: ctx.projectId, ruleId: "00000000-0000-0000-0000-000000000000", ruleName: "Sextant test notification",
    description: `A test from Sextant for the channel "${channel.name}". No action needed.`, metric: "error_rate", groupKey: "",
    severity: "info", labels: { alertname: "Sextant test notification", severity: "info", test: "true" }, op: ">", threshold: 0.05, value: 0.1,
    noData: false, startsAt: new Date(now), endsAt: null, url: `${consoleUrl()}/p/${ctx.projectId}`,
  };
  const payload = channel.type === "slack" ? slackBody(n) : alertmanagerBody(n, channel.name, consoleUrl());
  const deliveryId = await enqueueDelivery(ctx.db, { projectId: ctx.projectId, ruleId: null, channelId: channel.id, groupKey: null, kind: "test", payload }, now);
  const [outcome] = await deliverDue(ctx.db, now, { projectId: ctx.projectId, ids: [deliveryId] });
  // A test is not retried: the person who pressed the button wants the answer now.
  if (outcome?.status === "pending") await ctx.db.execute(sql`update alert_deliveries set status = 'failed' where project_id = ${ctx.projectId} and id = ${deliveryId}`);
  return { deliveryId, status: outcome?.status === "sent" ? "sent" : "failed", responseStatus: outcome?.result.status ?? null, error: outcome?.result.error ?? null };
}
