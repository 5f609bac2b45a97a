// Demo traffic end to end: real provider clients wrapped by the SDK → fake provider → exporter →
// ingest over HTTP → rows a user can query.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDb } from "@/test/db";
import { INGEST_ROUTES, ingestWorld, serveRoutes } from "@/test/ingest-helpers";
import { GET as flagConfig } from "@/app/api/v1/flags/config/route";
import { POST as createFlag } from "@/app/api/v1/flags/route";
import { startTraffic } from "./traffic";

let server: Awaited<ReturnType<typeof serveRoutes>>;
beforeAll(async () => {
  server = await serveRoutes([
    ...INGEST_ROUTES,
    { method: "POST", path: /^\/api\/v1\/flags$/, handler: createFlag },
    { method: "GET", path: /^\/api\/v1\/flags\/config$/, handler: flagConfig },
  ]);
});
afterAll(() => server.close());

describe("demo traffic", () => {
  it("records traces of wrapped model calls and spans through the SDK", async () => {
    const w = await ingestWorld(server.url);
    const traffic = await startTraffic({ baseUrl: server.url, secretKey: w.key.secretKey, requestsPerSecond: 40, seed: 3 });
    await new Promise((r) => setTimeout(r, 4_000));
    await traffic.stop();
    expect(traffic.sextant.stats().dropped).toBe(0);

    const r = await testDb().execute<{ kind: string; n: string; models: string; errors: string; ttft: string; priced: string }>(sql`
      select kind, count(*)::text as n, count(distinct model)::text as models, count(*) filter (where status = 'error')::text as errors,
             count(time_to_first_token_ms)::text as ttft, count(cost_nanos) filter (where cost_source in ('table'))::text as priced
      from requests where project_id = ${w.projectId} group by kind order by kind`);
    const byKind = Object.fromEntries(r.rows.map((row) => [row.kind, row]));
    expect(Number(byKind.llm?.n)).toBeGreaterThan(20);
    // One root span per product request, each holding its model call (classify's retries add attempts).
    const roots = await testDb().execute<{ roots: string; without: string }>(sql`
      select count(*)::text as roots,
             count(*) filter (where not exists (select 1 from requests c where c.project_id = p.project_id and c.parent_id = p.id and c.kind = 'llm'))::text as without
      from requests p where p.project_id = ${w.projectId} and p.kind = 'span' and p.parent_id is null`);
    expect(Number(roots.rows[0]!.roots)).toBeGreaterThan(20);
    expect(roots.rows[0]!.without).toBe("0");
    expect(Number(byKind.llm?.n)).toBeGreaterThanOrEqual(Number(roots.rows[0]!.roots));
    // Classify's OpenAI calls go through sextant.reliable (its breaker state is on every attempt); nothing else does.
    const reliable = await testDb().execute<{ endpoint: string; n: string }>(sql`
      select endpoint, count(*)::text as n from requests
      where project_id = ${w.projectId} and kind = 'llm' and metadata ? 'reliable.breaker' group by 1`);
    expect(reliable.rows.map((row) => row.endpoint)).toEqual(["classify"]);
    expect(Number(byKind.llm?.models)).toBeGreaterThan(3);
    expect(Number(byKind.llm?.ttft)).toBeGreaterThan(0); // streamed calls carry time to first token
    expect(Number(byKind.llm?.priced)).toBeGreaterThan(0);
    const nested = await testDb().execute<{ n: string }>(sql`
      select count(*)::text as n from requests c join requests p on p.project_id = c.project_id and p.id = c.parent_id
      where c.project_id = ${w.projectId}`);
    expect(Number(nested.rows[0]!.n)).toBeGreaterThan(20);

    // The demo creates the support-model flag and support chat follows it: each variant's model, both variants seen.
    const split = await testDb().execute<{ variant: string; models: string }>(sql`
      select flags ->> 'support-model' as variant, string_agg(distinct model, ',') as models from requests
      where project_id = ${w.projectId} and kind = 'llm' and flags ? 'support-model' group by 1 order by 1`);
    expect(split.rows).toEqual([{ variant: "candidate", models: "claude-3-5-haiku-20241022" }, { variant: "current", models: "gpt-4o-mini" }]);
  }, 30_000);
});
