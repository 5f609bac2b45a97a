import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { createApiKey } from "@/lib/api-keys/create";
import { auditRowsOf, makeWorld } from "@/test/factories";
import type { Route } from "@/test/http";
import * as flagConfig from "../flags/config/route";
import * as one from "./[id]/route";
import * as list from "./route";
import * as rate from "./user-rate-limit/route";

type Handler = Route["handler"];

async function api() {
  const world = await makeWorld();
  const key = await createApiKey(world.as("owner"), { name: "budgets" });
  const call = async (handler: Handler, method: string, path: string, params: Record<string, string> = {}, body?: unknown, opts: { token?: string | null; headers?: Record<string, string> } = {}) => {
    const token = opts.token === undefined ? key.secretKey : opts.token;
    const headers: Record<string, string> = { ...opts.headers };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await handler(new NextRequest(`http://localhost${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) }), { params: Promise.resolve(params) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, any>) : null }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return { world, key, call };
}

const HARD = { name: "daily-cap", scope: "project", period: "day", limitUsd: 25, enforcement: "hard" };

describe("/api/v1/budgets", () => {
  it("creates, lists, patches and deletes a budget, with an audit row each", async () => {
    const { world, call } = await api();
    const created = await call(list.POST, "POST", "/api/v1/budgets", {}, HARD);
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ ...HARD, action: "block", spentUsd: 0, alertRuleId: null });
    const id = created.json!.id as string;
    expect((await call(list.GET, "GET", "/api/v1/budgets")).json).toMatchObject({ budgets: [{ id, name: "daily-cap" }], userRateLimit: null });

    const patched = await call(one.PATCH, "PATCH", `/api/v1/budgets/${id}`, { id }, { action: "downgrade", downgradeTo: "gpt-4o-mini" });
    expect(patched.status).toBe(200);
    expect(patched.json).toMatchObject({ action: "downgrade", downgradeTo: "gpt-4o-mini" });
    expect((await call(one.GET, "GET", `/api/v1/budgets/${id}`, { id })).json).toMatchObject({ downgradeTo: "gpt-4o-mini" });

    const limit = await call(rate.PUT, "PUT", "/api/v1/budgets/user-rate-limit", {}, { requestsPerMinute: 10 });
    expect(limit.json).toEqual({ userRateLimit: { requestsPerMinute: 10 } });
    expect((await call(rate.GET, "GET", "/api/v1/budgets/user-rate-limit")).json).toEqual({ userRateLimit: { requestsPerMinute: 10 } });

    expect((await call(one.DELETE, "DELETE", `/api/v1/budgets/${id}`, { id })).status).toBe(204);
    expect((await call(one.GET, "GET", `/api/v1/budgets/${id}`, { id })).status).toBe(404);
    const audit = await auditRowsOf(world.orgId);
    expect(audit.filter((a) => a.resourceType !== "api_key").map((a) => [a.action, a.actorType])).toEqual([
      ["budget.create", "api_key"], ["budget.update", "api_key"], ["user_rate_limit.update", "api_key"], ["budget.delete", "api_key"],
    ]);
  });

  it("answers 422 for invalid fields, 400 for malformed JSON, 401 without a key, 403 for the public key", async () => {
    const { key, call } = await api();
    const bad = await call(list.POST, "POST", "/api/v1/budgets", {}, { ...HARD, limitUsd: "lots" });
    expect(bad.status).toBe(422);
    expect(bad.json!.error.code).toBe("UNPROCESSABLE_ENTITY");
    expect((await call(rate.PUT, "PUT", "/api/v1/budgets/user-rate-limit", {}, { requestsPerMinute: 0 })).status).toBe(422);
    const malformed = await list.POST(new NextRequest("http://localhost/api/v1/budgets", { method: "POST", headers: { authorization: `Bearer ${key.secretKey}`, "content-type": "application/json" }, body: "{" }), { params: Promise.resolve({}) });
    expect(malformed.status).toBe(400);
    expect((await call(list.GET, "GET", "/api/v1/budgets", {}, undefined, { token: null })).status).toBe(401);
    expect((await call(list.POST, "POST", "/api/v1/budgets", {}, HARD, { token: key.publicKey })).status).toBe(403);
  });

  it("another project's budget is 404", async () => {
    const mine = await api();
    const theirs = await api();
    const id = (await theirs.call(list.POST, "POST", "/api/v1/budgets", {}, HARD)).json!.id as string;
    expect((await mine.call(one.GET, "GET", `/api/v1/budgets/${id}`, { id })).status).toBe(404);
    expect((await mine.call(one.PATCH, "PATCH", `/api/v1/budgets/${id}`, { id }, { limitUsd: 1 })).status).toBe(404);
    expect((await mine.call(one.DELETE, "DELETE", `/api/v1/budgets/${id}`, { id })).status).toBe(404);
    expect((await mine.call(list.GET, "GET", "/api/v1/budgets")).json!.budgets).toEqual([]);
  });
});

describe("limits in /api/v1/flags/config", () => {
  it("delivers the limits to the secret key; a budget change moves the ETag, an unchanged one answers 304", async () => {
    const { key, call } = await api();
    const path = "/api/v1/flags/config?environment=production";
    const empty = await call(flagConfig.GET, "GET", path);
    expect(empty.json).not.toHaveProperty("limits");
    const id = (await call(list.POST, "POST", "/api/v1/budgets", {}, HARD)).json!.id as string;

    const first = await call(flagConfig.GET, "GET", path);
    expect(first.headers.get("etag")).not.toBe(empty.headers.get("etag"));
    expect(first.json!.limits.budgets).toEqual([{ id: "daily-cap", scope: "project", period: "day", limitUsd: 25, enforcement: "hard", action: "block", spentUsd: 0 }]);
    const etag = first.headers.get("etag")!;
    expect((await call(flagConfig.GET, "GET", path, {}, undefined, { headers: { "if-none-match": etag } })).status).toBe(304);

    await call(one.PATCH, "PATCH", `/api/v1/budgets/${id}`, { id }, { limitUsd: 2 });
    const moved = await call(flagConfig.GET, "GET", path, {}, undefined, { headers: { "if-none-match": etag } });
    expect(moved.status).toBe(200);
    expect(moved.headers.get("etag")).not.toBe(etag);
    expect(moved.json!.revision).toBeGreaterThan(first.json!.revision);
    expect(moved.json!.limits.budgets[0].limitUsd).toBe(2);

    const pub = await call(flagConfig.GET, "GET", path, {}, undefined, { token: key.publicKey });
    expect(pub.status).toBe(200);
    expect(pub.json).not.toHaveProperty("limits");
  });
});
