import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { projectSettings } from "@/db/schema";
import { ingestEvents } from "@/lib/ingest/ingest";
import { testDb } from "@/test/db";
import { makeWorld } from "@/test/factories";
import { countRows, event } from "@/test/ingest-helpers";
import { enforceRetention } from "./retention";

const DAY = 86_400_000;
const keyCtx = (w: Awaited<ReturnType<typeof makeWorld>>) => ({ ...w.as("owner"), actor: { type: "api_key" as const, keyId: "k", kind: "secret" as const, label: "test" } });

describe("retention", () => {
  it("deletes raw data older than each project's retention and keeps the rest", async () => {
    const short = await makeWorld();
    const long = await makeWorld();
    await testDb().insert(projectSettings).values({ projectId: long.projectId, retentionDays: 90 });
    const old = () => event({ startTime: new Date(Date.now() - 40 * DAY).toISOString() });
    const fresh = () => event();
    for (const w of [short, long]) {
      const r = await ingestEvents(keyCtx(w), [old(), old(), fresh()]);
      expect(r.accepted).toBe(3);
    }
    await testDb().execute(sql`insert into scores (project_id, id, name, value_number, data_type, source, created_at)
      values (${short.projectId}, 'old-score', 'q', 1, 'numeric', 'api', now() - interval '40 days')`);

    const report = await enforceRetention(testDb());
    expect(report.deleted).toBeGreaterThanOrEqual(2 * 3 + 1);

    expect(await countRows(short.projectId)).toBe(1);
    expect(await countRows(short.projectId, "request_ids")).toBe(1);
    expect(await countRows(short.projectId, "request_bodies")).toBe(1);
    expect(await countRows(short.projectId, "scores")).toBe(0);
    expect(await countRows(long.projectId)).toBe(3);
    // Rollups stay: dashboards keep the history even when raw rows are gone.
    const rollup = await testDb().execute<{ n: string }>(sql`select sum(requests)::text as n from rollups_minute where project_id = ${short.projectId}`);
    expect(rollup.rows[0]!.n).toBe("3");
  });
});
