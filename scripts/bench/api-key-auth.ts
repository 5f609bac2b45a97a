// How much the short-lived key cache buys on the hot path: every ingestion call
// authenticates its Bearer key. Baseline = the same lookups with the cache emptied
// before each one (a database round trip each), measured in the same run.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createDb } from "@/db/client";
import { startEmbedded } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { authenticateKey, clearKeyCache } from "@/lib/api-keys/authenticate";
import { runInit } from "@/lib/setup/init";
import { newKeyPair } from "@/lib/api-keys/material";

export async function benchApiKeyAuth(): Promise<{ name: string; result: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "sextant-bench-"));
  const server = process.env.BENCH_DATABASE_URL ? null : await startEmbedded(dir);
  const { db, pool } = createDb(process.env.BENCH_DATABASE_URL ?? server!.url, 4);
  try {
    await runMigrations(db, pool);
    const keys = newKeyPair();
    await runInit(db, { org: "bench", project: "bench", ...keys });
    const N = 3000;
    const time = async (cold: boolean) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < N; i++) {
        if (cold) clearKeyCache();
        if (!(await authenticateKey(db, keys.secretKey))) throw new Error("key did not authenticate");
      }
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    await time(true); // warm-up: JIT and connection pool
    const coldMs = await time(true);
    const warmMs = await time(false);
    const perSec = (ms: number) => Math.round((N / ms) * 1000);
    return {
      name: "API key authentication",
      result: `uncached ${perSec(coldMs)}/s (${((coldMs / N) * 1000).toFixed(0)} µs each), cached ${perSec(warmMs)}/s (${((warmMs / N) * 1000).toFixed(1)} µs each) → ${(coldMs / warmMs).toFixed(0)}× faster with the cache`,
    };
  } finally {
    await pool.end();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
