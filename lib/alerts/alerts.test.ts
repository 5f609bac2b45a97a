// End to end through the real ingest path, rollups, evaluator and a real HTTP receiver.
import { createHmac } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { alertDeliveries, alertRules, notificationChannels } from "@/db/schema";
import { MINUTE, minuteAgo } from "@/lib/requests/test-events";
import { makeWorld, type World } from "@/test/factories";
import { testDb } from "@/test/db";
import { createChannel } from "./channels";
import { createAlertRule } from "./create-rule";
import { deleteAlertRule } from "./delete-rule";
import { deliverDue } from "./deliver";
import { evaluateRule } from "./evaluate";
import { evaluateAlertRuleNow } from "./evaluate-now";
import { listHistory, listInstances } from "./history";
import type { AlertRuleInput } from "./schemas";
import { createSilence } from "./silences";
import { startReceiver, storeTraffic } from "./test-receiver";
import { testChannel } from "./test-channel";
import { alertTick } from "./tick";
import { updateAlertRule } from "./update-rule";

const SECRET = "whsec-test-0123456789";
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function setUp(rule: Partial<AlertRuleInput> = {}, answers?: Parameters<typeof startReceiver>[0], type: "webhook" | "slack" = "webhook") {
  const world = await makeWorld();
  const receiver = await startReceiver(answers);
  closers.push(receiver.close);
  const ctx = world.as("member");
  const channel = await createChannel(ctx, { type, name: "on-call", url: receiver.url, ...(type === "webhook" ? { secret: SECRET } : {}) });
  const created = await createAlertRule(ctx, {
    name: "Errors by model", severity: "critical", metric: "error_rate", groupBy: "model",
    condition: { op: ">", threshold: 0.1 }, windowSeconds: 300, minRequests: 20, channels: [channel.id], ...rule,
  });
  return { world, ctx, receiver, channel, rule: created, base: minuteAgo(10) };
}

async function errorsThenHealthy(world: World, base: number) {
  await storeTraffic(world, base, { model: "gpt-4o", fromMinute: 5, toMinute: 10, perMinute: 10, errorShare: 0.3, prefix: "bad" });
  await storeTraffic(world, base, { model: "claude", fromMinute: 5, toMinute: 10, perMinute: 10, errorShare: 0, prefix: "ok" });
}

type AmBody = { version: string; status: string; alerts: { status: string; labels: Record<string, string>; annotations: Record<string, string>; startsAt: string; endsAt: string; generatorURL: string; fingerprint: string }[] };

describe("alert evaluation, end to end", () => {
  it("30 % errors for one model → exactly one signed Alertmanager firing webhook; healthy traffic → one resolved", async () => {
    const { world, ctx, receiver, rule, base } = await setUp();
    await errorsThenHealthy(world, base);

    const first = await evaluateAlertRuleNow(ctx, rule.id, base + 10 * MINUTE);
    expect(first.transitions).toEqual([{ groupKey: "gpt-4o", from: "ok", to: "firing", value: 0.3, reason: "condition met" }]);
    expect(first.deliveries.map((d) => d.status)).toEqual(["sent"]);
    expect(receiver.received).toHaveLength(1);

    const hit = receiver.received[0]!;
    const ts = hit.headers["x-sextant-timestamp"] as string;
    const expected = `sha256=${createHmac("sha256", SECRET).update(`${ts}.${hit.body}`).digest("hex")}`;
    expect(hit.headers["x-sextant-signature"]).toBe(expected);
    const body = hit.json as AmBody;
    expect(body).toMatchObject({ version: "4", status: "firing" });
    expect(body.alerts).toHaveLength(1);
    const alert = body.alerts[0]!;
    expect(alert).toMatchObject({
      status: "firing",
      labels: { alertname: "Errors by model", severity: "critical", model: "gpt-4o", rule_id: rule.id },
      annotations: { value: "0.3", threshold: "0.1" },
      startsAt: new Date(base + 10 * MINUTE).toISOString(),
      endsAt: "0001-01-01T00:00:00Z",
    });
    expect(alert.annotations.summary).toContain("30.0 %");
    expect(alert.generatorURL).toMatch(new RegExp(`/p/${world.projectId}/alerts/${rule.id}$`));
    expect(alert.fingerprint).toMatch(/^[0-9a-f]{16}$/);

    // Still bad a minute later: no second notification.
    await evaluateAlertRuleNow(ctx, rule.id, base + 11 * MINUTE);
    expect(receiver.received).toHaveLength(1);

    await storeTraffic(world, base, { model: "gpt-4o", fromMinute: 12, toMinute: 17, perMinute: 10, errorShare: 0, prefix: "good" });
    const healed = await evaluateAlertRuleNow(ctx, rule.id, base + 17 * MINUTE);
    expect(healed.transitions.map((t) => [t.groupKey, t.from, t.to, t.value])).toEqual([["gpt-4o", "firing", "resolved", 0]]);
    await evaluateAlertRuleNow(ctx, rule.id, base + 18 * MINUTE);
    expect(receiver.received).toHaveLength(2);
    const resolved = receiver.received[1]!.json as AmBody;
    expect(resolved.status).toBe("resolved");
    expect(resolved.alerts[0]).toMatchObject({ status: "resolved", fingerprint: alert.fingerprint, startsAt: alert.startsAt, endsAt: new Date(base + 17 * MINUTE).toISOString() });

    const history = await listHistory(world.as("viewer"), rule.id);
    expect(history.items.map((h) => [h.groupKey, h.from, h.to, h.value, h.threshold])).toEqual([
      ["gpt-4o", "firing", "resolved", 0, 0.1],
      ["gpt-4o", "ok", "firing", 0.3, 0.1],
    ]);
    expect((await listInstances(world.as("viewer"), rule.id)).map((i) => [i.groupKey, i.state])).toEqual([["gpt-4o", "resolved"]]);
  });

  it("two evaluators racing on the same rule send one notification", async () => {
    const { world, ctx, receiver, rule, base } = await setUp();
    await errorsThenHealthy(world, base);
    const now = base + 10 * MINUTE;
    const reports = await Promise.all([evaluateRule(ctx, rule.id, now), evaluateRule(ctx, rule.id, now), evaluateRule(ctx, rule.id, now + 1000)]);
    expect(reports.flatMap((r) => r.notifications)).toHaveLength(1);
    const sent = await Promise.all([deliverDue(testDb(), now + 2000, { projectId: world.projectId }), deliverDue(testDb(), now + 2000, { projectId: world.projectId })]);
    expect(sent.flat()).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);
  });

  it("a silenced rule changes state but sends nothing", async () => {
    const { world, ctx, receiver, rule, base } = await setUp();
    await errorsThenHealthy(world, base);
    await createSilence(ctx, { ruleId: rule.id, matchers: { model: "gpt-4o" }, startsAt: new Date(base), endsAt: new Date(base + 60 * MINUTE), comment: "deploying a fix" });
    const report = await evaluateAlertRuleNow(ctx, rule.id, base + 10 * MINUTE);
    expect(report.transitions.map((t) => t.to)).toEqual(["firing"]);
    expect(report.notifications).toEqual([]);
    expect(receiver.received).toHaveLength(0);
  });

  it("retries a failed delivery with backoff and logs each attempt; a redirect is never followed", async () => {
    const { world, ctx, receiver, rule, base } = await setUp({}, [{ status: 500, body: "x".repeat(10_000) }, { status: 200 }]);
    await errorsThenHealthy(world, base);
    const now = base + 10 * MINUTE;
    const first = await evaluateAlertRuleNow(ctx, rule.id, now);
    expect(first.deliveries).toMatchObject([{ status: "pending", responseStatus: 500 }]);
    const [row] = await testDb().select().from(alertDeliveries).where(eq(alertDeliveries.projectId, world.projectId));
    expect(row!.responseExcerpt!.length).toBeLessThanOrEqual(300);
    expect(await deliverDue(testDb(), now + 29_000, { projectId: world.projectId })).toEqual([]);
    expect((await deliverDue(testDb(), now + 31_000, { projectId: world.projectId })).map((d) => d.status)).toEqual(["sent"]);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.body).toBe(receiver.received[0]!.body);

    const other = await startReceiver();
    closers.push(other.close);
    const bouncing = await startReceiver([{ status: 302, headers: { location: other.url } }]);
    closers.push(bouncing.close);
    const channel = await createChannel(ctx, { type: "webhook", name: "bouncer", url: bouncing.url });
    const test = await testChannel(ctx, channel.id);
    expect(test).toMatchObject({ status: "failed", responseStatus: 302 });
    expect(test.error).toContain("redirect");
    expect(other.received).toHaveLength(0);
  });

  it("Slack gets a readable message with the value, the threshold and a link", async () => {
    const { world, ctx, receiver, rule, base } = await setUp({}, undefined, "slack");
    await errorsThenHealthy(world, base);
    await evaluateAlertRuleNow(ctx, rule.id, base + 10 * MINUTE);
    expect(receiver.received).toHaveLength(1);
    const text = (receiver.received[0]!.json as { text: string }).text;
    expect(text).toContain("30.0 %");
    expect(text).toContain("> 10.0 %");
    expect(text).toContain(`/p/${world.projectId}/alerts/${rule.id}|`);
    expect(receiver.received[0]!.headers["x-sextant-signature"]).toBeUndefined();
  });

  it("one rule that cannot read its metric never stops the others in a tick", async () => {
    const { world, ctx, receiver, rule, base } = await setUp();
    await errorsThenHealthy(world, base);
    const broken = await createAlertRule(ctx, { name: "Broken", metric: "request_count", condition: { op: ">", threshold: 1 }, windowSeconds: 300 });
    // A filter the rollups cannot answer, written behind the validation's back.
    await testDb().update(alertRules).set({ filters: { sessionId: "s" } }).where(and(eq(alertRules.projectId, world.projectId), eq(alertRules.id, broken.id)));
    const report = await alertTick(testDb(), base + 10 * MINUTE, world.projectId);
    expect(report).toMatchObject({ evaluated: 2, failed: [], delivered: 1 });
    expect(receiver.received).toHaveLength(1);
    const [stored] = await testDb().select().from(alertRules).where(and(eq(alertRules.projectId, world.projectId), eq(alertRules.id, broken.id)));
    expect(stored!.lastError).toContain("could not be read");
    expect((await listInstances(ctx, broken.id)).map((i) => i.state)).toEqual(["error"]);
    expect((await listInstances(ctx, rule.id)).map((i) => i.state)).toEqual(["firing"]);
  });

  it.each(["disable", "delete"] as const)("to %s a firing rule sends its one resolved", async (how) => {
    const { world, ctx, receiver, rule, base } = await setUp();
    await errorsThenHealthy(world, base);
    await evaluateAlertRuleNow(ctx, rule.id, base + 10 * MINUTE);
    if (how === "disable") await updateAlertRule(ctx, rule.id, { enabled: false });
    else await deleteAlertRule(ctx, rule.id);
    await alertTick(testDb(), Date.now() + 1000, world.projectId);
    await alertTick(testDb(), Date.now() + 120_000, world.projectId);
    expect(receiver.received.map((r) => (r.json as AmBody).alerts[0]!.status)).toEqual(["firing", "resolved"]);
    const log = await testDb().select().from(alertDeliveries).where(eq(alertDeliveries.projectId, world.projectId));
    expect(log.map((d) => [d.kind, d.status]).sort()).toEqual([["firing", "sent"], ["resolved", "sent"]]);
  });

  it("stores channel URLs and secrets encrypted, never in clear", async () => {
    const { world, receiver } = await setUp();
    const rows = await testDb().select().from(notificationChannels).where(eq(notificationChannels.projectId, world.projectId));
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(SECRET);
    expect(dump).not.toContain(receiver.url);
    const audit = await testDb().execute<{ t: string }>(sql`select coalesce(string_agg(after::text, ' '), '') as t from audit_log where project_id = ${world.projectId}`);
    expect(audit.rows[0]!.t).not.toContain(SECRET);
  });
});
