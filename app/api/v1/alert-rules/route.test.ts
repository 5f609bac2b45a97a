import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { startReceiver, storeTraffic } from "@/lib/alerts/test-receiver";
import { minuteAgo } from "@/lib/requests/test-events";
import { auditRowsOf, makeWorld } from "@/test/factories";
import type { Route } from "@/test/http";
import * as channelOne from "../notification-channels/[id]/route";
import * as channelTest from "../notification-channels/[id]/test/route";
import * as channels from "../notification-channels/route";
import * as silenceOne from "../silences/[id]/route";
import * as silences from "../silences/route";
import * as deliveries from "./[id]/deliveries/route";
import * as evaluate from "./[id]/evaluate/route";
import * as history from "./[id]/history/route";
import * as instances from "./[id]/instances/route";
import * as one from "./[id]/route";
import * as rules from "./route";

type Handler = Route["handler"];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function api() {
  const world = await makeWorld();
  const key = await createApiKey(world.as("owner"), { name: "alerts" });
  const call = async (handler: Handler, method: string, path: string, params: Record<string, string> = {}, body?: unknown, token = key.secretKey) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await handler(new NextRequest(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });
    const text = await res.text();
    return { status: res.status, text, json: text ? (JSON.parse(text) as Record<string, any>) : null }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return { world, key, call };
}

const RULE = {
  name: "Errors on gpt-4o", severity: "critical", enabled: true, metric: "error_rate", filters: { model: "gpt-4o" },
  condition: { op: ">", threshold: 0.1, recoverThreshold: 0.05 }, windowSeconds: 300, forSeconds: 0, minRequests: 20, noData: "ok",
  repeatIntervalSeconds: 3600, sendResolved: true, labels: { team: "support" }, runbookUrl: "https://runbooks.example/errors",
};

describe("/api/v1/alert-rules, notification-channels and silences", () => {
  it("creates a channel and a rule, evaluates it against real traffic, and reads instances, history and deliveries", async () => {
    const { world, call } = await api();
    const receiver = await startReceiver();
    closers.push(receiver.close);
    const ch = await call(channels.POST, "POST", "/api/v1/notification-channels", {}, { type: "webhook", name: "pager", url: `${receiver.url}?token=abcd1234`, secret: "s3cret-s3cret" });
    expect(ch.status).toBe(201);
    expect(ch.json).toMatchObject({ type: "webhook", name: "pager", hasSecret: true, url: "http://127.0.0.1:" + new URL(receiver.url).port + "/…1234" });
    expect(ch.text).not.toContain("s3cret");
    expect(ch.text).not.toContain("token=");

    const created = await call(rules.POST, "POST", "/api/v1/alert-rules", {}, { ...RULE, channels: [ch.json!.id] });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ ...RULE, channels: [ch.json!.id], lastEvaluatedAt: null });
    const id = created.json!.id as string;
    expect((await call(rules.GET, "GET", "/api/v1/alert-rules")).json).toEqual({ rules: [created.json] });

    await storeTraffic(world, minuteAgo(5), { model: "gpt-4o", fromMinute: 0, toMinute: 5, perMinute: 10, errorShare: 0.5, prefix: "e" });
    const ev = await call(evaluate.POST, "POST", `/api/v1/alert-rules/${id}/evaluate`, { id });
    expect(ev.status).toBe(200);
    expect(ev.json).toMatchObject({ ruleId: id, error: null, transitions: [{ groupKey: "", from: "ok", to: "firing", value: 0.5 }], deliveries: [{ status: "sent", responseStatus: 200 }] });
    expect(receiver.received).toHaveLength(1);

    expect((await call(instances.GET, "GET", `/api/v1/alert-rules/${id}/instances`, { id })).json).toMatchObject({
      instances: [{ groupKey: "", state: "firing", severity: "critical", value: 0.5, labels: { alertname: "Errors on gpt-4o", team: "support", severity: "critical" } }],
    });
    const h = await call(history.GET, "GET", `/api/v1/alert-rules/${id}/history?limit=10`, { id });
    expect(h.json).toMatchObject({ items: [{ from: "ok", to: "firing", value: 0.5, threshold: 0.1 }], nextBefore: null });
    expect((await call(history.GET, "GET", `/api/v1/alert-rules/${id}/history?limit=0`, { id })).status).toBe(422);
    expect((await call(deliveries.GET, "GET", `/api/v1/alert-rules/${id}/deliveries`, { id })).json).toMatchObject({ deliveries: [{ kind: "firing", status: "sent", attempts: 1, responseStatus: 200 }] });

    const patched = await call(one.PATCH, "PATCH", `/api/v1/alert-rules/${id}`, { id }, { enabled: false, runbookUrl: null, condition: { op: ">", threshold: 0.2 } });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ enabled: false, condition: { op: ">", threshold: 0.2 } });
    expect(patched.json).not.toHaveProperty("runbookUrl");

    const sil = await call(silences.POST, "POST", "/api/v1/silences", {}, { ruleId: id, endsAt: new Date(Date.now() + 3_600_000).toISOString(), comment: "fixing" });
    expect(sil.status).toBe(201);
    expect((await call(silences.GET, "GET", "/api/v1/silences?active=true")).json!.silences).toHaveLength(1);
    const expired = await call(silenceOne.DELETE, "DELETE", `/api/v1/silences/${sil.json!.id}`, { id: sil.json!.id });
    expect(expired.status).toBe(200);
    expect((await call(silences.GET, "GET", "/api/v1/silences?active=true")).json!.silences).toHaveLength(0);

    const tested = await call(channelTest.POST, "POST", `/api/v1/notification-channels/${ch.json!.id}/test`, { id: ch.json!.id });
    expect(tested.json).toMatchObject({ status: "sent", responseStatus: 200 });
    expect(receiver.received.at(-1)!.json).toMatchObject({ version: "4", status: "firing", alerts: [{ labels: { test: "true" } }] });

    expect((await call(channelOne.DELETE, "DELETE", `/api/v1/notification-channels/${ch.json!.id}`, { id: ch.json!.id })).status).toBe(204);
    expect((await call(one.GET, "GET", `/api/v1/alert-rules/${id}`, { id })).json!.channels).toEqual([]);
    expect((await call(one.DELETE, "DELETE", `/api/v1/alert-rules/${id}`, { id })).status).toBe(204);
    expect((await call(one.GET, "GET", `/api/v1/alert-rules/${id}`, { id })).status).toBe(404);

    const actions = (await auditRowsOf(world.orgId)).map((a) => a.action).filter((a) => !a.startsWith("api_key."));
    expect(actions).toEqual(["notification_channel.create", "alert_rule.create", "alert_rule.update", "alert_silence.create", "alert_silence.expire", "notification_channel.delete", "alert_rule.delete"]);
  });

  it("answers 422 naming the field for an invalid rule, channel or silence", async () => {
    const { call } = await api();
    const issues = async (r: Promise<{ status: number; json: Record<string, any> | null }>) => { // eslint-disable-line @typescript-eslint/no-explicit-any
      const res = await r;
      expect(res.status).toBe(422);
      return (res.json!.error.issues as { path: string }[]).map((i) => i.path);
    };
    const post = (body: unknown) => call(rules.POST, "POST", "/api/v1/alert-rules", {}, body);
    expect(await issues(post({ ...RULE, windowSeconds: 30 }))).toEqual(["windowSeconds"]);
    expect(await issues(post({ ...RULE, metric: "score_avg" }))).toEqual(["scoreName"]);
    expect(await issues(post({ ...RULE, condition: { op: ">", threshold: 0.1, recoverThreshold: 0.2 } }))).toEqual(["condition.recoverThreshold"]);
    expect(await issues(post({ ...RULE, groupBy: "sessionId" }))).toEqual(["groupBy"]);
    expect(await issues(post({ ...RULE, filters: { tag: "beta" } }))).toEqual(["filters"]);
    expect(await issues(post({ ...RULE, groupBy: "userId", filters: { model: "x" } }))).toEqual(["model"]);
    expect(await issues(post({ ...RULE, channels: ["7d3e3f9e-1111-4222-8333-444455556666"] }))).toEqual(["channels"]);
    expect(await issues(post({ ...RULE, surprise: 1 }))).toEqual(["(body)"]);
    expect(await issues(call(channels.POST, "POST", "/api/v1/notification-channels", {}, { type: "email", name: "x", url: "ftp://x" }))).toEqual(["type", "url"]);
    expect(await issues(call(silences.POST, "POST", "/api/v1/silences", {}, { endsAt: new Date(Date.now() - 1000).toISOString(), comment: "c" }))).toEqual(["matchers", "endsAt"]);
    expect((await call(rules.GET, "GET", "/api/v1/alert-rules")).json).toEqual({ rules: [] });
  });

  it("keeps each project to its own: another project's ids are 404; the public key is 403; no key is 401", async () => {
    const a = await api();
    const b = await api();
    const rule = (await a.call(rules.POST, "POST", "/api/v1/alert-rules", {}, RULE)).json!;
    const ch = (await a.call(channels.POST, "POST", "/api/v1/notification-channels", {}, { type: "slack", name: "s", url: "https://hooks.slack.com/services/T1/B2/xyz" })).json!;
    const sil = (await a.call(silences.POST, "POST", "/api/v1/silences", {}, { matchers: { team: "x" }, endsAt: new Date(Date.now() + 60_000).toISOString(), comment: "c" })).json!;
    for (const [h, method, path, id] of [
      [one.GET, "GET", "/api/v1/alert-rules/", rule.id], [one.PATCH, "PATCH", "/api/v1/alert-rules/", rule.id], [one.DELETE, "DELETE", "/api/v1/alert-rules/", rule.id],
      [evaluate.POST, "POST", "/api/v1/alert-rules/", rule.id], [instances.GET, "GET", "/api/v1/alert-rules/", rule.id], [history.GET, "GET", "/api/v1/alert-rules/", rule.id],
      [channelOne.GET, "GET", "/api/v1/notification-channels/", ch.id], [channelOne.DELETE, "DELETE", "/api/v1/notification-channels/", ch.id], [channelTest.POST, "POST", "/api/v1/notification-channels/", ch.id],
      [silenceOne.DELETE, "DELETE", "/api/v1/silences/", sil.id], [one.GET, "GET", "/api/v1/alert-rules/", "not-a-uuid"],
    ] as [Handler, string, string, string][]) {
      const res = await b.call(h, method, `${path}${id}`, { id }, method === "PATCH" ? { enabled: false } : undefined);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.json!.error.code).toBe("NOT_FOUND");
    }
    expect((await b.call(rules.POST, "POST", "/api/v1/alert-rules", {}, { ...RULE, channels: [ch.id] })).status).toBe(422);
    expect((await b.call(rules.GET, "GET", "/api/v1/alert-rules")).json).toEqual({ rules: [] });
    expect((await b.call(channels.GET, "GET", "/api/v1/notification-channels")).json).toEqual({ channels: [] });
    expect((await b.call(silences.GET, "GET", "/api/v1/silences")).json).toEqual({ silences: [] });
    expect((await a.call(one.GET, "GET", `/api/v1/alert-rules/${rule.id}`, { id: rule.id })).json!.enabled).toBe(true);

    expect((await a.call(rules.GET, "GET", "/api/v1/alert-rules", {}, undefined, a.key.publicKey)).status).toBe(403);
    expect((await a.call(rules.POST, "POST", "/api/v1/alert-rules", {}, RULE, a.key.publicKey)).status).toBe(403);
    expect((await a.call(channels.GET, "GET", "/api/v1/notification-channels", {}, undefined, a.key.publicKey)).status).toBe(403);
    const anonymous = await rules.GET(new NextRequest("http://localhost/api/v1/alert-rules"), { params: Promise.resolve({}) });
    expect(anonymous.status).toBe(401);
  });
});
