// Demo history end to end: generated events → SDK exporter → ingest over HTTP → rows
// spread over the past hours, sent again without counting twice.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as settingsRoute } from "@/app/api/v1/settings/route";
import { projectSettings } from "@/db/schema";
import { testDb } from "@/test/db";
import { countRows, INGEST_ROUTES, ingestWorld, rollupTotals, serveRoutes } from "@/test/ingest-helpers";
import { backfill } from "./backfill";

const HOUR_MS = 3_600_000;

let server: Awaited<ReturnType<typeof serveRoutes>>;
beforeAll(async () => {
  server = await serveRoutes([...INGEST_ROUTES, { method: "GET", path: /^\/api\/v1\/settings$/, handler: settingsRoute }]);
});
afterAll(() => server.close());

describe("demo backfill", () => {
  it("fills the past hours with traces, errors and feedback, and a rerun adds nothing", async () => {
    const w = await ingestWorld(server.url);
    // A pinned end, so the rerun covers exactly the same window.
    const now = Date.now();
    let progress = { done: 0, total: -1 };
    const opts = { baseUrl: server.url, secretKey: w.key.secretKey, days: 0.25, requestsPerHour: 600, seed: 7, now, onProgress: (done: number, total: number) => (progress = { done, total }) };
    const first = await backfill(opts);
    expect(first.dropped).toBe(0);
    expect(first.days).toBe(0.25);
    expect(progress.done).toBe(progress.total);

    const r = await testDb().execute<{ kind: string; n: string; errors: string; oldest: string; newest: string; hours: string; ttft: string }>(sql`
      select kind, count(*)::text as n, count(*) filter (where status = 'error')::text as errors,
             (extract(epoch from min(start_time)) * 1000)::text as oldest, (extract(epoch from max(start_time)) * 1000)::text as newest,
             count(distinct date_trunc('hour', start_time))::text as hours, count(time_to_first_token_ms)::text as ttft
      from requests where project_id = ${w.projectId} group by kind`);
    const byKind = Object.fromEntries(r.rows.map((row) => [row.kind, row]));
    const llm = byKind.llm!;
    expect(Object.keys(byKind).sort()).toEqual(["llm", "retrieval", "span", "tool"]);
    expect(Number(byKind.span!.n)).toBe(Number(llm.n)); // one root span per model call
    expect(Number(llm.oldest)).toBeLessThan(now - 4 * HOUR_MS);
    expect(Number(llm.oldest)).toBeGreaterThanOrEqual(now - 6 * HOUR_MS);
    expect(Number(llm.newest)).toBeLessThanOrEqual(now + 10_000);
    expect(Number(llm.hours)).toBeGreaterThanOrEqual(6);
    const errorRate = Number(llm.errors) / Number(llm.n);
    expect(errorRate).toBeGreaterThan(0.01);
    expect(errorRate).toBeLessThan(0.06);
    expect(Number(llm.ttft)).toBeGreaterThan(0); // streamed support-chat answers
    const nested = await testDb().execute<{ n: string }>(sql`
      select count(*)::text as n from requests c join requests p on p.project_id = c.project_id and p.id = c.parent_id
      where c.project_id = ${w.projectId}`);
    expect(Number(nested.rows[0]!.n)).toBe(first.events - Number(byKind.span!.n)); // every child finds its root span

    const requests = await countRows(w.projectId);
    const scores = await countRows(w.projectId, "scores");
    expect(requests).toBe(first.events);
    expect(scores).toBe(first.scores);
    expect(scores).toBeGreaterThan(50);
    const totals = await rollupTotals(w.projectId);

    const second = await backfill(opts);
    expect(second).toEqual(first); // the same events and scores were sent again…
    expect(await countRows(w.projectId)).toBe(requests); // …and the server kept none of them twice
    expect(await countRows(w.projectId, "scores")).toBe(scores);
    expect(await rollupTotals(w.projectId)).toEqual(totals);
  }, 60_000);

  it("goes back no further than the project keeps data", async () => {
    const w = await ingestWorld(server.url);
    await testDb().insert(projectSettings).values({ projectId: w.projectId, retentionDays: 1 });
    const now = Date.now();
    const result = await backfill({ baseUrl: server.url, secretKey: w.key.secretKey, days: 7, requestsPerHour: 10, now });
    expect(result.days).toBe(1);
    const r = await testDb().execute<{ oldest: string }>(sql`
      select (extract(epoch from min(start_time)) * 1000)::text as oldest from requests where project_id = ${w.projectId}`);
    expect(Number(r.rows[0]!.oldest)).toBeGreaterThanOrEqual(now - 24 * HOUR_MS);
    expect(Number(r.rows[0]!.oldest)).toBeLessThan(now - 20 * HOUR_MS);
  }, 30_000);
});
