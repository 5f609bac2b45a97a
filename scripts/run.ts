// The launcher behind `npm run dev|start|demo`: database → migrations → set-up → Next.js.
// `setup` stops after set-up.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import { createDb } from "@/db/client";
import { authSecret } from "@/lib/config/data-dir";
import { env } from "@/lib/config/env";
import { ensureUpcomingPartitions } from "@/lib/ingest/partitions";
import { seedDemo } from "@/lib/setup/demo";
import { initConfigFromEnv, runInit } from "@/lib/setup/init";
import { migrate, openDatabase } from "./database";

const mode = process.argv[2];
if (mode !== "dev" && mode !== "start" && mode !== "demo" && mode !== "setup") {
  console.error("usage: tsx scripts/run.ts dev|start|demo|setup [--backfill 24h|7d|30d]");
  process.exit(2);
}

/** `demo --backfill 7d` (or `--backfill=7d`): days of history to send, fractional for hours. Checked before anything starts. */
function backfillDays(args: string[]): number | null {
  const i = args.findIndex((a) => a === "--backfill" || a.startsWith("--backfill="));
  if (i < 0) return null;
  const value = args[i]!.includes("=") ? args[i]!.slice("--backfill=".length) : args[i + 1];
  const m = /^(\d+)(h|d)$/.exec(value ?? "");
  if (mode !== "demo" || !m || Number(m[1]) === 0) {
    console.error(mode !== "demo" ? "--backfill works with demo only" : `--backfill takes a span like 24h, 7d or 30d, not "${value ?? ""}"`);
    process.exit(2);
  }
  return m[2] === "h" ? Number(m[1]) / 24 : Number(m[1]);
}
const historyDays = backfillDays(process.argv.slice(3));

let child: ChildProcess | null = null;
let stopTraffic: (() => Promise<void>) | null = null;
let stopBackfill: (() => Promise<void>) | null = null;
let stopDatabase: (() => Promise<void>) | null = null;
let shuttingDown = false;

// One shutdown path for Ctrl-C, SIGTERM and the app exiting on its own.
exitHook((done) => {
  shuttingDown = true;
  const stopChild = () => new Promise<void>((resolve) => {
    if (!child || child.exitCode !== null || child.signalCode !== null) return resolve();
    const force = setTimeout(() => child?.kill("SIGKILL"), 8_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
  Promise.allSettled([stopTraffic?.(), stopBackfill?.()])
    .then(stopChild)
    .then(() => stopDatabase?.())
    .catch((err: Error) => console.error("[sextant] shutdown:", err.message))
    .finally(done);
});

/** Fails early, with a message that says what to do, when the HTTP port is taken. */
function assertPortFree(port: number, host?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err: NodeJS.ErrnoException) =>
      reject(
        err.code === "EADDRINUSE"
          ? new Error(`Port ${port} is already in use (another Sextant, or an app left running by a crashed one?). Stop it or set PORT.`)
          : err,
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

async function main(): Promise<void> {
  const e = env();
  if (mode !== "setup" && e.PORT !== 0) await assertPortFree(e.PORT, e.HOST);
  const database = await openDatabase();
  if (database.embedded) stopDatabase = database.embedded.stop;
  await migrate(database.url);

  const { db, pool } = createDb(database.url, 2);
  let login: { email: string; password: string; secretKey: string; publicKey: string } | null = null;
  try {
    await ensureUpcomingPartitions(db);
    const init = initConfigFromEnv(e);
    if (init) {
      const result = await runInit(db, init);
      if (result.created.length) console.log(`[sextant] set-up created: ${result.created.join(", ")}`);
    }
    if (mode === "demo") login = await seedDemo(db, database.dataDir);
  } finally {
    await pool.end();
  }

  if (mode === "setup") {
    // Database, migrations and headless set-up only; used by operators and tests.
    await stopDatabase?.();
    stopDatabase = null;
    return;
  }

  const nextBin = path.resolve("node_modules/next/dist/bin/next");
  const args = [nextBin, mode === "dev" ? "dev" : "start", "-p", String(e.PORT)];
  if (e.HOST) args.push("-H", e.HOST);
  child = spawn(process.execPath, args, {
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      AUTH_SECRET: authSecret(database.dataDir, e.AUTH_SECRET),
      AUTH_TRUST_HOST: "true",
    },
  });
  child.on("exit", (code) => {
    child = null;
    if (!shuttingDown && code !== 0) console.error(`[sextant] the app exited with code ${code}`);
    // Let the exit hook stop the database before we leave.
    if (!shuttingDown) process.kill(process.pid, "SIGTERM");
  });

  const url = `http://localhost:${e.PORT}`;
  console.log(`\n  Sextant ${mode} — ${url}\n  database: ${database.embedded ? `embedded PostgreSQL in ${database.dataDir}/pg` : "DATABASE_URL"}`);
  if (login) {
    console.log(`  sign in:  ${login.email} / ${login.password}`);
    console.log(`  keys:     ${login.publicKey}  ${login.secretKey}`);
  }
  console.log("  stop:     Ctrl-C\n");

  if (mode === "demo" && login) {
    // Live traffic once the app answers: real provider clients → fake provider → SDK → app.
    const local = `http://127.0.0.1:${e.PORT}`;
    for (let i = 0; i < 300 && !(await fetch(`${local}/api/health`).then((r) => r.ok).catch(() => false)); i++) {
      await new Promise((r) => setTimeout(r, 200));
    }
    const { startTraffic } = await import("./demo/traffic");
    const traffic = await startTraffic({ baseUrl: local, secretKey: login.secretKey });
    stopTraffic = traffic.stop;
    console.log(`  traffic:  simulated users → fake provider on ${traffic.provider.url} → SDK → ${local}\n`);
    if (historyDays !== null) await startBackfill(local, login.secretKey, historyDays);
  }
}

/** Sends demo history in the background beside the live traffic; progress every 10%. */
async function startBackfill(baseUrl: string, secretKey: string, days: number): Promise<void> {
  const { backfill } = await import("./demo/backfill");
  const abort = new AbortController();
  const span = (d: number) => (d < 2 ? `${Math.round(d * 24)} hours` : `${+d.toFixed(1)} days`);
  console.log(`[sextant] backfill: sending ${span(days)} of history in the background`);
  let shown = 0;
  const job = backfill({
    baseUrl,
    secretKey,
    days,
    signal: abort.signal,
    onProgress: (done, total) => {
      const tenth = Math.floor((done / Math.max(1, total)) * 10);
      if (tenth > shown && tenth < 10) console.log(`[sextant] backfill: ${tenth * 10}% (${done.toLocaleString("en")} of ${total.toLocaleString("en")} requests)`);
      shown = Math.max(shown, tenth);
    },
  })
    .then((r) => {
      if (abort.signal.aborted) return console.log(`[sextant] backfill: stopped after ${r.events.toLocaleString("en")} events; the same --backfill again adds only what is missing`);
      const capped = r.days < days ? ` (capped to the project's ${r.days}-day retention)` : "";
      console.log(`[sextant] backfill: ${r.events.toLocaleString("en")} events and ${r.scores.toLocaleString("en")} feedback scores over ${span(r.days)}${capped}; ${r.dropped} dropped`);
    })
    .catch((err: Error) => console.error(`[sextant] backfill failed: ${err.message}`));
  stopBackfill = () => {
    abort.abort();
    return job;
  };
}

main().catch(async (err: Error) => {
  console.error(`\n[sextant] could not start: ${err.message}\n`);
  await stopDatabase?.().catch(() => undefined);
  process.exit(1);
});
