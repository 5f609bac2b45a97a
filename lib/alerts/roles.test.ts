// Roles: member and above create and change rules, channels and silences; every role reads them.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { alertRules, alertSilences, notificationChannels } from "@/db/schema";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { expectAppError, makeWorld, orgFootprint, type World } from "@/test/factories";
import { testDb } from "@/test/db";
import { createChannel, deleteChannel, getChannel, listChannels, updateChannel } from "./channels";
import { createAlertRule } from "./create-rule";
import { deleteAlertRule } from "./delete-rule";
import { evaluateAlertRuleNow } from "./evaluate-now";
import { listHistory, listInstances } from "./history";
import { getAlertRule, listAlertRules } from "./list-rules";
import { createSilence, expireSilence, listSilences } from "./silences";
import { testChannel } from "./test-channel";
import { updateAlertRule } from "./update-rule";

const RULE = { name: "Slow", metric: "latency_p95", condition: { op: ">", threshold: 2000 }, windowSeconds: 600 } as const;
const WRITERS: Role[] = ["owner", "admin", "member"];

async function seeded() {
  const world = await makeWorld();
  const owner = world.as("owner");
  const channel = await createChannel(owner, { type: "webhook", name: "hook", url: "http://127.0.0.1:9/hook" });
  const rule = await createAlertRule(owner, { ...RULE, channels: [channel.id] });
  const silence = await createSilence(owner, { ruleId: rule.id, endsAt: new Date(Date.now() + 3_600_000), comment: "maintenance" });
  return { world, channel, rule, silence };
}

async function counts(w: World) {
  const n = async (t: typeof alertRules | typeof notificationChannels | typeof alertSilences) => (await testDb().select().from(t).where(eq(t.projectId, w.projectId))).length;
  return { rules: await n(alertRules), channels: await n(notificationChannels), silences: await n(alertSilences), ...(await orgFootprint(w)) };
}

describe("alert roles", () => {
  it.each(ROLES)("%s reads rules, channels, silences, instances and history", async (role) => {
    const { world, channel, rule, silence } = await seeded();
    const ctx = world.as(role);
    expect((await listAlertRules(ctx)).map((r) => r.id)).toEqual([rule.id]);
    expect((await getAlertRule(ctx, rule.id)).name).toBe("Slow");
    expect((await listChannels(ctx)).map((c) => c.id)).toEqual([channel.id]);
    expect((await getChannel(ctx, channel.id)).hasSecret).toBe(false);
    expect((await listSilences(ctx)).map((s) => s.id)).toEqual([silence.id]);
    expect(await listInstances(ctx, rule.id)).toEqual([]);
    expect((await listHistory(ctx, rule.id)).items).toEqual([]);
  });

  it.each(ROLES)("%s: writes allowed only for member and above; a refusal writes nothing", async (role) => {
    const { world, channel, rule, silence } = await seeded();
    const ctx = world.as(role);
    const writes: [string, () => Promise<unknown>][] = [
      ["create rule", () => createAlertRule(ctx, { ...RULE, name: "New" })],
      ["update rule", () => updateAlertRule(ctx, rule.id, { enabled: false })],
      ["evaluate", () => evaluateAlertRuleNow(ctx, rule.id)],
      ["create channel", () => createChannel(ctx, { type: "slack", name: "s", url: "https://hooks.slack.com/services/T/B/x" })],
      ["update channel", () => updateChannel(ctx, channel.id, { name: "renamed" })],
      ["test channel", () => testChannel(ctx, channel.id)],
      ["create silence", () => createSilence(ctx, { matchers: { severity: "info" }, endsAt: new Date(Date.now() + 60_000), comment: "c" })],
      ["expire silence", () => expireSilence(ctx, silence.id)],
      ["delete rule", () => deleteAlertRule(ctx, rule.id)],
      ["delete channel", () => deleteChannel(ctx, channel.id)],
    ];
    if (WRITERS.includes(role)) {
      for (const [, call] of writes) await call();
      const after = await counts(world);
      expect({ rules: after.rules, channels: after.channels, silences: after.silences }).toEqual({ rules: 1, channels: 1, silences: 2 });
      return;
    }
    const before = await counts(world);
    for (const [what, call] of writes) {
      const err = await expectAppError(call, "FORBIDDEN");
      expect(err.message, what).toContain('"alerts.write"');
    }
    expect(await counts(world)).toEqual(before);
  });
});
