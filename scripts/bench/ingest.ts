// Ingest throughput: the same 200k events (a) over HTTP to the running app with
// concurrent clients, through validation, redaction, pricing, idempotency and
// rollups, and (b) COPY'd straight into the same tables — the ceiling. Prints
// events/s for both, their ratio (goal ≥ 0.5) and the app's peak RSS (goal < 1 GB).
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { createDb } from "@/db/client";
import { freePort, startEmbedded } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { newKeyPair } from "@/lib/api-keys/material";
import { priceEvent } from "@/lib/cost/compute";
import { ensureUpcomingPartitions } from "@/lib/ingest/partitions";
import { copyRows } from "@/lib/ingest/copy";
import { validateEvents } from "@/lib/ingest/normalize";
import { toRows, type BodyRow, type RequestRow } from "@/lib/ingest/rows";
import { BODY_COLUMNS, REQUEST_COLUMNS } from "@/lib/ingest/write";
import { runInit } from "@/lib/setup/init";
import { generateEvents } from "./events";

const TOTAL = Number(process.env.BENCH_EVENTS ?? 200_000);
const BATCH = 500;
const CLIENTS = 8;

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

async function waitHealthy(url: string): Promise<void> {
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the app did not become healthy");
}

export async function benchIngest(): Promise<{ name: string; result: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), "sextant-bench-ingest-"));
  const pg = await startEmbedded(dir);
  const { db, pool } = createDb(pg.url, 4);
  let app: ReturnType<typeof spawn> | null = null;
  try {
    await runMigrations(db, pool);
    await ensureUpcomingPartitions(db);
    const ceilingKeys = newKeyPair();
    const appKeys = newKeyPair();
    const ceilingProject = (await runInit(db, { org: "bench", project: "ceiling", ...ceilingKeys })).projectId!;
    await runInit(db, { org: "bench", project: "app", ...appKeys });
    const events = generateEvents(TOTAL);

    // (b) The ceiling: rows prepared beforehand, then COPY — no checks, no dedup, no rollups.
    const { valid } = validateEvents(events);
    const rows: RequestRow[] = [];
    const bodies: BodyRow[] = [];
    for (const v of valid) {
      const { row, body } = toRows(ceilingProject, v, v.event, {}, priceEvent(v.event, []));
      rows.push(row);
      if (body) bodies.push(body);
    }
    const c0 = performance.now();
    const copyClient = await pool.connect();
    try {
      for (let i = 0; i < rows.length; i += 20_000) {
        await copyRows(copyClient, "requests", REQUEST_COLUMNS, rows.slice(i, i + 20_000));
        await copyRows(copyClient, "request_bodies", BODY_COLUMNS, bodies.slice(i, i + 20_000));
      }
    } finally {
      copyClient.release();
    }
    const ceilingPerSec = TOTAL / ((performance.now() - c0) / 1000);

    // (a) The app over HTTP: production server, bodies gzipped as the SDK sends them.
    const port = await freePort();
    // BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the app (written when it exits).
    const nodeArgs = (process.env.BENCH_APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
    app = spawn(process.execPath, [...nodeArgs, path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "127.0.0.1"], {
      env: { ...process.env, DATABASE_URL: pg.url, AUTH_SECRET: "bench-secret-bench-secret-bench-secret-00", SEXTANT_INGEST_RATE_LIMIT: "0" },
      stdio: "ignore",
    });
    const url = `http://127.0.0.1:${port}`;
    await waitHealthy(url);
    const payloads: Buffer[] = [];
    for (let i = 0; i < TOTAL; i += BATCH) payloads.push(gzipSync(JSON.stringify({ events: events.slice(i, i + BATCH) })));
    let next = 0;
    let accepted = 0;
    let retries = 0;
    const client = async () => {
      while (next < payloads.length) {
        const body = payloads[next++]!;
        for (;;) {
          const res = await fetch(`${url}/api/v1/ingest`, {
            method: "POST",
            headers: { "content-type": "application/json", "content-encoding": "gzip", authorization: `Bearer ${appKeys.secretKey}` },
            body: new Uint8Array(body),
          });
          const json = (await res.json()) as { accepted?: number };
          if (res.status === 200) {
            accepted += json.accepted ?? 0;
            break;
          }
          if (res.status !== 503 && res.status !== 429) throw new Error(`ingest answered ${res.status}`);
          retries++;
          await new Promise((r) => setTimeout(r, 200));
        }
      }
    };
    const a0 = performance.now();
    const cpu0 = cpuSeconds(app.pid!);
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const wall = (performance.now() - a0) / 1000;
    const appPerSec = TOTAL / wall;
    const appCpuShare = (cpuSeconds(app.pid!) - cpu0) / wall;
    if (accepted !== TOTAL) throw new Error(`only ${accepted} of ${TOTAL} events were accepted`);
    const rss = peakRssMb(app.pid!);
    const ratio = appPerSec / ceilingPerSec;
    return {
      name: `Ingest (${TOTAL / 1000}k events)`,
      result:
        `app over HTTP ${Math.round(appPerSec)} events/s (${CLIENTS} clients × ${BATCH}-event gzip batches, ${retries} retries; app process busy ${(appCpuShare * 100).toFixed(0)} % of one core), ` +
        `COPY ceiling ${Math.round(ceilingPerSec)} events/s → ratio ${ratio.toFixed(2)} (goal ≥ 0.5); app peak RSS ${Math.round(rss)} MB (goal < 1024)`,
    };
  } finally {
    if (app) {
      const exited = new Promise((resolve) => app!.once("exit", resolve));
      app.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    await pool.end();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
