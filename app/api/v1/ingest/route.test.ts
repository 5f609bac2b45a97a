import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "@/lib/ingest/writer";
import { revokeApiKey } from "@/lib/api-keys/revoke";
import { testDb } from "@/test/db";
import { countRows, event, INGEST_ROUTES, ingestWorld, rollupTotals, serveRoutes } from "@/test/ingest-helpers";

let server: Awaited<ReturnType<typeof serveRoutes>>;
beforeAll(async () => {
  server = await serveRoutes(INGEST_ROUTES);
});
afterAll(() => server.close());

describe("POST /api/v1/ingest", () => {
  it("stores a batch once: the same batch again is all duplicates and the rollups do not move", async () => {
    const w = await ingestWorld(server.url);
    const events = Array.from({ length: 25 }, (_, i) => event({ durationMs: 100 + i, status: i % 5 === 0 ? "error" : "ok" }));
    const first = await w.post("/api/v1/ingest", { events });
    expect(first.status).toBe(200);
    expect(first.json).toEqual({ accepted: 25, duplicates: 0, rejected: [] });
    const totals = await rollupTotals(w.projectId);
    expect(totals.requests).toBe("25");
    expect(totals.errors).toBe("5");

    const again = await w.post("/api/v1/ingest", { events });
    expect(again.json).toEqual({ accepted: 0, duplicates: 25, rejected: [] });
    expect(await countRows(w.projectId)).toBe(25);
    expect(await countRows(w.projectId, "request_bodies")).toBe(25);
    expect(await rollupTotals(w.projectId)).toEqual(totals);
  });

  it("counts an id repeated inside one batch once", async () => {
    const w = await ingestWorld(server.url);
    const e = event();
    const res = await w.post("/api/v1/ingest", { events: [e, { ...e, durationMs: 999 }] });
    expect(res.json).toMatchObject({ accepted: 1, duplicates: 1 });
    expect((await rollupTotals(w.projectId)).requests).toBe("1");
  });

  it("stores the valid events and names the invalid ones by index (207)", async () => {
    const w = await ingestWorld(server.url);
    const events = [event(), { id: "bad-1", startTime: "yesterday", durationMs: 1 }, event(), { startTime: new Date().toISOString(), durationMs: 1 }, event({ usage: { inputTokens: -3 } })];
    const res = await w.post("/api/v1/ingest", { events });
    expect(res.status).toBe(207);
    expect(res.json.accepted).toBe(2);
    expect(res.json.rejected.map((r: { index: number }) => r.index)).toEqual([1, 3, 4]);
    expect(res.json.rejected[0]).toMatchObject({ id: "bad-1", error: { code: "INVALID_EVENT", path: "startTime" } });
    expect(res.json.rejected[1]).toMatchObject({ id: null, error: { path: "id" } });
    expect(res.json.rejected[2].error.path).toBe("usage.inputTokens");
    expect(await countRows(w.projectId)).toBe(2);
  });

  it("accepts gzip bodies", async () => {
    const w = await ingestWorld(server.url);
    const res = await w.post("/api/v1/ingest", { events: [event(), event()] }, { gzip: true });
    expect(res.status).toBe(200);
    expect(res.json.accepted).toBe(2);
  });

  it("answers every client mistake with the right status and the error envelope, storing nothing", async () => {
    const w = await ingestWorld(server.url);
    const cases: [string, Promise<{ status: number; json: { error?: { code: string } } }>, number, string][] = [
      ["broken JSON", w.post("/api/v1/ingest", "{\"events\": [", {}), 400, "BAD_REQUEST"],
      ["no events key", w.post("/api/v1/ingest", { items: [] }), 400, "BAD_REQUEST"],
      ["empty batch", w.post("/api/v1/ingest", { events: [] }), 400, "BAD_REQUEST"],
      ["1001 events", w.post("/api/v1/ingest", { events: Array.from({ length: 1001 }, () => event()) }), 400, "BAD_REQUEST"],
      ["no key", w.post("/api/v1/ingest", { events: [event()] }, { key: null }), 401, "UNAUTHORIZED"],
      ["unknown key", w.post("/api/v1/ingest", { events: [event()] }, { key: `sk-${"x".repeat(32)}` }), 401, "UNAUTHORIZED"],
      ["public key", w.post("/api/v1/ingest", { events: [event()] }, { key: w.key.publicKey }), 403, "FORBIDDEN"],
      ["text body", w.post("/api/v1/ingest", "hello", { headers: { "content-type": "text/plain" } }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      ["brotli", w.post("/api/v1/ingest", "{}", { headers: { "content-encoding": "br" } }), 415, "UNSUPPORTED_MEDIA_TYPE"],
      ["all invalid", w.post("/api/v1/ingest", { events: [{ id: "x" }] }), 422, "UNPROCESSABLE_ENTITY"],
      ["6 MB body", w.post("/api/v1/ingest", JSON.stringify({ events: [event({ input: "x".repeat(6 * 1024 * 1024) })] })), 413, "PAYLOAD_TOO_LARGE"],
      ["gzip bomb", w.post("/api/v1/ingest", gzipSync(Buffer.alloc(20 * 1024 * 1024, 32)), { headers: { "content-encoding": "gzip" } }), 413, "PAYLOAD_TOO_LARGE"],
      ["not gzip", w.post("/api/v1/ingest", "plain", { headers: { "content-encoding": "gzip" } }), 400, "BAD_REQUEST"],
    ];
    for (const [name, pending, status, code] of cases) {
      const res = await pending;
      expect({ name, status: res.status, code: res.json?.error?.code }).toEqual({ name, status, code });
    }
    expect(await countRows(w.projectId)).toBe(0);
  });

  it("refuses a revoked key at once", async () => {
    const w = await ingestWorld(server.url);
    expect((await w.post("/api/v1/ingest", { events: [event()] })).status).toBe(200);
    await revokeApiKey(w.world.as("owner"), { id: w.key.id });
    expect((await w.post("/api/v1/ingest", { events: [event()] })).status).toBe(401);
  });

  it("rate-limits per key with 429 and Retry-After", async () => {
    const w = await ingestWorld(server.url);
    process.env.SEXTANT_INGEST_RATE_LIMIT = "5";
    try {
      const ok = await w.post("/api/v1/ingest", { events: Array.from({ length: 10 }, () => event()) });
      expect(ok.status).toBe(200);
      const limited = await w.post("/api/v1/ingest", { events: Array.from({ length: 10 }, () => event()) });
      expect(limited.status).toBe(429);
      expect(limited.json.error.code).toBe("RATE_LIMITED");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    } finally {
      delete process.env.SEXTANT_INGEST_RATE_LIMIT;
    }
    expect(await countRows(w.projectId)).toBe(10);
  });

  it("sheds load with 503 and Retry-After when the write queue is full", async () => {
    const w = await ingestWorld(server.url);
    const saved = LIMITS.maxQueuedEvents;
    LIMITS.maxQueuedEvents = 0;
    try {
      const res = await w.post("/api/v1/ingest", { events: [event()] });
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe("UNAVAILABLE");
      expect(res.headers.get("retry-after")).toBe("1");
    } finally {
      LIMITS.maxQueuedEvents = saved;
    }
    expect(await countRows(w.projectId)).toBe(0);
  });

  it("keeps projects apart: the same event id in two projects is two requests, each visible only to its own", async () => {
    const a = await ingestWorld(server.url);
    const b = await ingestWorld(server.url);
    const shared = event({ id: `shared-${randomUUID()}` });
    expect((await a.post("/api/v1/ingest", { events: [shared] })).json.accepted).toBe(1);
    expect((await b.post("/api/v1/ingest", { events: [shared] })).json.accepted).toBe(1);
    const rows = await testDb().execute<{ project_id: string }>(sql`select project_id from requests where id = ${shared.id}`);
    expect(rows.rows.map((r) => r.project_id).sort()).toEqual([a.projectId, b.projectId].sort());
  });

  it("merges latency histograms so rollup percentiles stay within 2 % of the exact ones on 10k latencies", async () => {
    const w = await ingestWorld(server.url);
    let seed = 42;
    const rand = () => ((seed = (seed * 1_664_525 + 1_013_904_223) % 4_294_967_296) / 4_294_967_296);
    const latencies = Array.from({ length: 10_000 }, () => Math.round(Math.exp(rand() * 9) * 100) / 100);
    const start = Date.now() - 30 * 60_000;
    for (let b = 0; b < 10; b++) {
      const events = latencies.slice(b * 1000, (b + 1) * 1000).map((ms, i) =>
        event({ startTime: new Date(start + (b * 1000 + i) * 100).toISOString(), durationMs: ms, input: undefined, output: undefined }),
      );
      expect((await w.post("/api/v1/ingest", { events })).json.accepted).toBe(1000);
    }
    const merged = await testDb().execute<{ hist: Record<string, number> }>(sql`select sx_hist_sum(latency_hist) as hist from rollups_minute where project_id = ${w.projectId}`);
    const { quantile } = await import("@/lib/metrics/histogram");
    const sorted = [...latencies].sort((x, y) => x - y);
    for (const q of [0.5, 0.9, 0.95, 0.99]) {
      const exact = sorted[Math.ceil(q * sorted.length) - 1]!;
      expect(Math.abs(quantile(merged.rows[0]!.hist, q)! - exact) / exact).toBeLessThanOrEqual(0.02);
    }
  });
});
