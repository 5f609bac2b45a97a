// Citus readiness: every table that belongs to a project is distributed by
// project_id, which requires project_id in its primary key — or no unique key at
// all, as the append-only rollup tables (migration 0010) have.
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { testDb } from "@/test/db";

// Tables with a project_id column that are not owned by one project, and why.
const NOT_PROJECT_OWNED: Record<string, string> = {
  audit_log: "owned by the organization (org_id in the key); project_id only says which project a change touched",
};

describe("schema", () => {
  it("has project_id in the primary key of every project-owned table (partitions included), or no unique key", async () => {
    const r = await testDb().execute<{ table: string; pk: string[] | null; uniques: number }>(sql`
      select c.relname as table,
             (select array_agg(a.attname::text) from pg_constraint k join pg_attribute a on a.attrelid = k.conrelid and a.attnum = any(k.conkey)
              where k.conrelid = c.oid and k.contype = 'p') as pk,
             (select count(*)::int from pg_index i where i.indrelid = c.oid and i.indisunique) as uniques
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'project_id' and not a.attisdropped)`);
    const owned = r.rows.filter((t) => !(t.table in NOT_PROJECT_OWNED));
    expect(owned.map((t) => t.table)).toEqual(expect.arrayContaining(["api_keys", "requests", "request_ids", "request_bodies", "scores", "rollups_minute", "model_prices", "project_settings"]));
    const missing = owned.filter((t) => (t.pk ? !t.pk.includes("project_id") : t.uniques > 0)).map((t) => t.table);
    expect(missing).toEqual([]);
    const keyless = owned.filter((t) => !t.pk).map((t) => t.table).sort();
    expect(keyless).toEqual(["rollups_day", "rollups_flag_day", "rollups_flag_hour", "rollups_flag_minute", "rollups_hour", "rollups_minute", "rollups_user_day", "rollups_user_hour"]);
  });

  it("partitions requests and bodies by day on start_time", async () => {
    const r = await testDb().execute<{ table: string; strategy: string }>(sql`
      select c.relname as table, p.partstrat as strategy from pg_partitioned_table p join pg_class c on c.oid = p.partrelid order by 1`);
    expect(r.rows).toEqual([{ table: "request_bodies", strategy: "r" }, { table: "requests", strategy: "r" }]);
  });
});
