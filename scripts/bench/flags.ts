// Feature flags (issue 7). Local evaluation: `sextant.flags` on a flag with 3 targeting rules
// and a split, for contexts that miss every rule and land in the split (the longest path:
// three rules tested, then a hash), exposure counting on; baseline = a bare `murmur3_32` of
// the same hash input, in the same run. Goal ≥ 1M evaluations/s on one core. Propagation: a
// kill switch flipped through the API until a running SDK serves it, over the SSE stream with
// polling off. Goal < 1 s.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { FlagsClient, murmur3_32 } from "@sextant/sdk";
import { FLAG_HTTP_ROUTES, serveStreaming } from "@/app/api/v1/flags/stream/test-server";
import { createDb } from "@/db/client";
import { startEmbedded } from "@/db/embedded";
import { runMigrations } from "@/db/migrate";
import { newKeyPair } from "@/lib/api-keys/material";
import { runInit } from "@/lib/setup/init";

const FLAG = {
  key: "new-model",
  type: "boolean",
  variants: { on: true, off: false },
  environments: {
    production: {
      enabled: true,
      offVariant: "off",
      defaultVariant: "off",
      rules: [
        { id: "staff", conditions: [{ attribute: "email", operator: "ends_with", values: ["@acme.test", "@acme.dev"] }], serve: { variant: "on" } },
        { id: "eu-pro", conditions: [{ attribute: "country", operator: "in", values: ["DE", "FR", "NL"] }, { attribute: "plan", operator: "eq", values: ["pro"] }], serve: { variant: "on" } },
        { id: "beta", conditions: [{ attribute: "appVersion", operator: "semver_gt", values: ["3.0.0"] }], serve: { variant: "on" } },
        { id: "rollout", conditions: [], serve: { split: [{ variant: "on", weight: 30 }, { variant: "off", weight: 70 }] } },
      ],
    },
  },
};
const N = Number(process.env.BENCH_FLAGS_EVALS ?? 2_000_000);

function opsPerSec(fn: (i: number) => unknown, n: number): number {
  for (let i = 0; i < 200_000; i++) fn(i); // warm-up: JIT
  const start = process.hrtime.bigint();
  let sink = 0;
  for (let i = 0; i < n; i++) if (fn(i)) sink++;
  const ns = Number(process.hrtime.bigint() - start);
  if (sink < 0) console.log(sink);
  return (n / ns) * 1e9;
}

/** Evaluations per second through the public client vs bare hashes of the same inputs. */
function localEvaluation(): string {
  const flags = new FlagsClient({ baseUrl: "http://127.0.0.1:9", secretKey: "sk-bench", stream: false, pollIntervalMs: 0, exposureIntervalMs: 3_600_000, bootstrap: [FLAG], onError: () => undefined });
  const contexts = Array.from({ length: 1024 }, (_, i) => ({ targetingKey: `user-${i}`, email: `u${i}@example.com`, country: "US", plan: "pro", appVersion: "2.4.1" }));
  if (flags.getBooleanDetails("new-model", false, contexts[0]).reason !== "SPLIT") throw new Error("bench contexts must reach the split");
  const inputs = contexts.map((c) => `${FLAG.key}:${c.targetingKey}`);
  const evals = opsPerSec((i) => flags.getBooleanValue("new-model", false, contexts[i & 1023]), N);
  const hashes = opsPerSec((i) => murmur3_32(inputs[i & 1023]!), N);
  void flags.close();
  return `${(evals / 1e6).toFixed(2)}M evaluations/s (3 rules + split, exposures counted) vs ${(hashes / 1e6).toFixed(2)}M murmur3_32/s → ${(hashes / evals).toFixed(2)}× a bare hash ${evals >= 1e6 ? "(goal ≥ 1M/s met)" : "(goal ≥ 1M/s NOT met)"}`;
}

/** Kill switch → a running SDK, over the stream only: median and worst of several flips. */
async function propagation(): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), "sextant-bench-"));
  const server = process.env.BENCH_DATABASE_URL ? null : await startEmbedded(dir);
  const url = process.env.BENCH_DATABASE_URL ?? server!.url;
  const { db, pool } = createDb(url, 2);
  process.env.DATABASE_URL = url; // the route handlers' own handle
  const app = await serveStreaming(FLAG_HTTP_ROUTES);
  let flags: FlagsClient | null = null;
  try {
    await runMigrations(db, pool);
    const keys = newKeyPair();
    await runInit(db, { org: "bench-flags", project: "bench-flags", ...keys });
    const post = (p: string, body: unknown) =>
      fetch(`${app.url}/api/v1/flags${p}`, { method: "POST", headers: { authorization: `Bearer ${keys.secretKey}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    const created = await post("", { ...FLAG, key: `kill-${Date.now()}` });
    if (created.status !== 201) throw new Error(`creating the flag: HTTP ${created.status}`);
    const key = ((await created.json()) as { key: string }).key;
    flags = new FlagsClient({ baseUrl: app.url, key: keys.publicKey, pollIntervalMs: 0, exposures: false });
    if (!(await flags.ready())) throw new Error("the SDK could not load the config");
    while (!flags.status().streaming) await new Promise((r) => setTimeout(r, 10));
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const enabled = i % 2 === 1;
      const client = flags;
      const seen = new Promise<number>((resolve) => {
        const off = client.onChange(() => {
          if (client.getBooleanDetails(key, !enabled, { targetingKey: "u" }).reason !== (enabled ? "SPLIT" : "DISABLED")) return;
          off();
          resolve(performance.now());
        });
      });
      const start = performance.now();
      const res = await post(`/${key}/environments/production/toggle`, { enabled });
      if (res.status !== 200) throw new Error(`toggle: HTTP ${res.status}`);
      times.push((await seen) - start);
    }
    times.sort((a, b) => a - b);
    const median = times[times.length >> 1]!;
    const worst = times.at(-1)!;
    return `kill switch reaches a running SDK over SSE in ${median.toFixed(0)} ms median, ${worst.toFixed(0)} ms worst of ${times.length} flips ${worst < 1000 ? "(goal < 1 s met)" : "(goal < 1 s NOT met)"}`;
  } finally {
    await flags?.close();
    await app.close();
    await pool.end();
    const shared = (globalThis as { __sextantDb?: { pool: { end(): Promise<void> } } }).__sextantDb;
    await shared?.pool.end();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchFlags(): Promise<{ name: string; result: string }> {
  const local = localEvaluation();
  const push = await propagation();
  return { name: "Feature flags", result: `${local}; ${push}` };
}
