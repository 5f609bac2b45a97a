import { randomUUID } from "node:crypto";
import { gzipSync } from "node:zlib";
import { sql } from "drizzle-orm";
import { POST as ingestRoute } from "@/app/api/v1/ingest/route";
import { POST as scoresRoute } from "@/app/api/v1/scores/route";
import { createApiKey } from "@/lib/api-keys/create";
import { testDb } from "./db";
import { makeWorld } from "./factories";
import { serveRoutes } from "./http";

export const INGEST_ROUTES = [
  { method: "POST", path: /^\/api\/v1\/ingest$/, handler: ingestRoute },
  { method: "POST", path: /^\/api\/v1\/scores$/, handler: scoresRoute },
];

/** A fresh project with a key pair, and an HTTP client for it. */
export async function ingestWorld(baseUrl: string) {
  const world = await makeWorld();
  const key = await createApiKey(world.as("owner"), { name: "test" });
  const post = async (path: string, body: unknown, opts: { gzip?: boolean; headers?: Record<string, string>; key?: string | null } = {}) => {
    const raw = typeof body === "string" || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const headers: Record<string, string> = { "content-type": "application/json", ...opts.headers };
    const token = opts.key === undefined ? key.secretKey : opts.key;
    if (token) headers.authorization = `Bearer ${token}`;
    let payload: string | Buffer = raw;
    if (opts.gzip) {
      payload = gzipSync(raw);
      headers["content-encoding"] = "gzip";
    }
    const res = await fetch(`${baseUrl}${path}`, { method: "POST", headers, body: typeof payload === "string" ? payload : new Uint8Array(payload) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : null };
  };
  return { world, key, post, projectId: world.projectId };
}

export function event(overrides: Record<string, unknown> = {}) {
  return {
    id: `evt-${randomUUID()}`,
    startTime: new Date(Date.now() - 60_000).toISOString(),
    durationMs: 250,
    provider: "openai",
    model: "gpt-4o",
    usage: { inputTokens: 100, outputTokens: 20 },
    input: [{ role: "user", content: "hello" }],
    output: { role: "assistant", content: "hi" },
    ...overrides,
  };
}

export async function countRows(projectId: string, table = "requests"): Promise<number> {
  const r = await testDb().execute<{ n: string }>(sql`select count(*)::text as n from ${sql.raw(table)} where project_id = ${projectId}`);
  return Number(r.rows[0]!.n);
}

/** Totals from the rollups, to prove a re-send does not count twice. */
export async function rollupTotals(projectId: string) {
  const r = await testDb().execute<{ requests: string; errors: string; cost: string; input: string; unpriced: string }>(sql`
    select coalesce(sum(requests),0)::text as requests, coalesce(sum(errors),0)::text as errors, coalesce(sum(cost_nanos),0)::text as cost,
           coalesce(sum(input_tokens),0)::text as input, coalesce(sum(unpriced),0)::text as unpriced
    from rollups_minute where project_id = ${projectId}`);
  return r.rows[0]!;
}

export { serveRoutes };
