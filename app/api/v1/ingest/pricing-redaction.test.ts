// Cost and redaction as a client sees them: events over HTTP, then what was stored.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createModelPrice } from "@/lib/cost/overrides/create";
import { testDb } from "@/test/db";
import { event, INGEST_ROUTES, ingestWorld, rollupTotals, serveRoutes } from "@/test/ingest-helpers";

let server: Awaited<ReturnType<typeof serveRoutes>>;
beforeAll(async () => {
  server = await serveRoutes(INGEST_ROUTES);
});
afterAll(() => server.close());

async function stored(projectId: string) {
  const r = await testDb().execute<{ id: string; cost_nanos: string | null; cost_source: string; redactions: Record<string, number> | null; error_message: string | null; metadata: Record<string, unknown> | null; input: unknown; output: unknown }>(sql`
    select r.id, r.cost_nanos::text, r.cost_source, r.redactions, r.error_message, r.metadata, b.input, b.output
    from requests r left join request_bodies b on b.project_id = r.project_id and b.start_time = r.start_time and b.request_id = r.id
    where r.project_id = ${projectId}`);
  return new Map(r.rows.map((row) => [row.id, row]));
}

describe("ingest prices every event exactly", () => {
  it("prices cached tokens, dated ids, overrides and given costs, and flags unknown models as unpriced", async () => {
    const w = await ingestWorld(server.url);
    await createModelPrice(w.world.as("owner"), { modelPattern: "acme-llm-*", inputPerMTok: "0.40", outputPerMTok: "1.60" });
    const events = [
      // gpt-4o: (1,000,000 − 200,000) × $2.50 + 200,000 × $1.25 + 500,000 × $10 per million = $7.25
      event({ id: "cached", model: "gpt-4o-2024-08-06", usage: { inputTokens: 1_000_000, cachedInputTokens: 200_000, outputTokens: 500_000 } }),
      // gpt-4o-mini: 1,234 × $0.15 + 567 × $0.60 per million = $0.0005253
      event({ id: "mini", model: "gpt-4o-mini-2024-07-18", usage: { inputTokens: 1_234, outputTokens: 567 } }),
      // project override: 10,000 × $0.40 + 2,000 × $1.60 per million = $0.0072
      event({ id: "override", model: "acme-llm-v2", usage: { inputTokens: 10_000, outputTokens: 2_000 } }),
      event({ id: "given", model: "gpt-4o", costUsd: 0.0123, usage: { inputTokens: 5, outputTokens: 5 } }),
      event({ id: "unknown", model: "homegrown-7b", usage: { inputTokens: 100, outputTokens: 100 } }),
    ];
    expect((await w.post("/api/v1/ingest", { events })).json.accepted).toBe(5);
    const rows = await stored(w.projectId);
    expect(rows.get("cached")).toMatchObject({ cost_nanos: "7250000000", cost_source: "table" });
    expect(rows.get("mini")).toMatchObject({ cost_nanos: "525300", cost_source: "table" });
    expect(rows.get("override")).toMatchObject({ cost_nanos: "7200000", cost_source: "override" });
    expect(rows.get("given")).toMatchObject({ cost_nanos: "12300000", cost_source: "given" });
    expect(rows.get("unknown")).toMatchObject({ cost_nanos: null, cost_source: "unpriced" });
    const totals = await rollupTotals(w.projectId);
    expect(totals.cost).toBe(String(7_250_000_000 + 525_300 + 7_200_000 + 12_300_000));
    expect(totals.unpriced).toBe("1");
  });
});

describe("ingest redacts before storing", () => {
  it("replaces personal data and secrets in bodies, error messages and metadata, and counts them", async () => {
    const w = await ingestWorld(server.url);
    const e = event({
      id: "pii",
      input: [{ role: "user", content: "Mail me at jane.doe@example.com or call +44 20 7946 0958, card 4111 1111 1111 1111" }],
      output: { role: "assistant", content: "Your key sk-proj-AbC123xyz456DEF789ghi012 is set" },
      status: "error",
      error: { type: "bad_request", message: "user 203.0.113.9 sent jane.doe@example.com" },
      metadata: { contact: "bob@example.org", seats: 3 },
    });
    expect((await w.post("/api/v1/ingest", { events: [e] })).status).toBe(200);
    const row = (await stored(w.projectId)).get("pii")!;
    const everything = JSON.stringify(row);
    for (const secret of ["jane.doe@example.com", "7946 0958", "4111 1111 1111 1111", "sk-proj-AbC123", "203.0.113.9", "bob@example.org"]) {
      expect(everything).not.toContain(secret);
    }
    expect(JSON.stringify(row.input)).toContain("[EMAIL]");
    expect(JSON.stringify(row.input)).toContain("[PHONE]");
    expect(JSON.stringify(row.input)).toContain("[CREDIT_CARD]");
    expect(JSON.stringify(row.output)).toContain("[SECRET]");
    expect(row.error_message).toBe("user [IP] sent [EMAIL]");
    expect(row.metadata).toEqual({ contact: "[EMAIL]", seats: 3 });
    expect(row.redactions).toEqual({ email: 3, phone: 1, creditCard: 1, secret: 1, ip: 1 });
  });
});
