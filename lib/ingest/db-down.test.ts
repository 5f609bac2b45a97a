// The database goes away mid-life: ingestion answers 503 with Retry-After, keeps
// nothing half-written, and works again (re-sends included) once it is back.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, getDb } from "@/db/client";
import { startEmbedded, freePort, type EmbeddedServer } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { event, INGEST_ROUTES, serveRoutes } from "@/test/ingest-helpers";
import { runInit } from "@/lib/setup/init";
import { newKeyPair } from "@/lib/api-keys/material";

let dir: string;
let port: number;
let pg: EmbeddedServer;
let server: Awaited<ReturnType<typeof serveRoutes>>;
const keys = newKeyPair();
let projectId: string;

beforeAll(async () => {
  // This file owns its own PostgreSQL so it can stop it; the app's handle points there.
  dir = mkdtempSync(path.join(tmpdir(), "sextant-down-"));
  port = await freePort();
  pg = await startEmbedded(dir, undefined, port);
  process.env.DATABASE_URL = pg.url;
  const { db, pool } = createDb(pg.url, 2);
  await runMigrations(db, pool);
  projectId = (await runInit(db, { org: "down", project: "down", ...keys })).projectId!;
  await pool.end();
  server = await serveRoutes(INGEST_ROUTES);
}, 60_000);

afterAll(async () => {
  await server?.close();
  await pg?.stop().catch(() => undefined);
  rmSync(dir, { recursive: true, force: true });
});

async function post(events: unknown[]) {
  const res = await fetch(`${server.url}/api/v1/ingest`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${keys.secretKey}` },
    body: JSON.stringify({ events }),
  });
  return { status: res.status, retryAfter: res.headers.get("retry-after"), json: await res.json() };
}

async function counts() {
  const r = await getDb().execute<{ requests: string; ids: string; rollup: string }>(sql`
    select (select count(*) from requests where project_id = ${projectId})::text as requests,
           (select count(*) from request_ids where project_id = ${projectId})::text as ids,
           (select coalesce(sum(requests), 0) from rollups_minute where project_id = ${projectId})::text as rollup`);
  return r.rows[0]!;
}

describe("ingestion while the database is down", () => {
  it("answers 503 with Retry-After, loses nothing it acknowledged, and accepts the re-send after restart", async () => {
    const before = [event(), event()];
    expect((await post(before)).status).toBe(200);

    await pg.stop();
    const during = [event(), event(), event()];
    const down = await post(during);
    expect(down.status).toBe(503);
    expect(down.json.error.code).toBe("UNAVAILABLE");
    expect(Number(down.retryAfter)).toBeGreaterThan(0);

    pg = await startEmbedded(dir, undefined, port);
    // Nothing of the refused batch exists, in any table.
    expect(await counts()).toEqual({ requests: "2", ids: "2", rollup: "2" });

    const retried = await post(during);
    expect(retried.status).toBe(200);
    expect(retried.json).toMatchObject({ accepted: 3, duplicates: 0 });
    expect(await counts()).toEqual({ requests: "5", ids: "5", rollup: "5" });
  }, 60_000);
});
