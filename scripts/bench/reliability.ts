// What the reliability toolkit costs on the happy path, and what it saves on the sad one.
// 1. The same `openai` chat call through `sextant.wrapOpenAI` vs through
//    `sextant.reliable(wrapped, fullPolicy)` (retry, timeouts, breaker, cache miss + store,
//    limiter, per-user limit, budget, guards) against the local fake provider on a healthy
//    day, in interleaved blocks. Goal: added p50 ≤ 30 µs per call. The provider answers at
//    once (`BENCH_PROVIDER_LATENCY_MS`, default 0): the figure is a difference of medians,
//    and a 1 ms lognormal provider latency only adds noise to it (about ±10 µs).
// 2. A failing call with the circuit open (fail fast, no network) vs the same call against
//    a provider that never answers (cut by a 200 ms attempt timeout): the printed ratio.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { CircuitOpenError, piiGuard, Sextant, type ReliablePolicy } from "@sextant/sdk";
import OpenAI from "openai";
import { startFakeProvider } from "../fake-provider/server";

const CALLS = Number(process.env.BENCH_RELIABILITY_CALLS ?? 6_000);
const BLOCK = 500;
const WARMUP = 300;
const TIMEOUT_MS = 200;
const SECRET_KEY = "sk-benchbenchbenchbenchbench";

async function startIngestStub(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end('{"accepted":0,"duplicates":0,"rejected":[]}'));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))) };
}

/** A random 0–1 ms phase between calls, so timer ticks do not lock onto the calls (see sdk.ts). Not timed. */
function dither(): void {
  const until = performance.now() + Math.random();
  while (performance.now() < until);
}

let seq = 0;
/** Each call asks something new: the cache misses (and stores) every time, the costlier path. */
async function calls(client: OpenAI, n: number, out: number[] | null): Promise<void> {
  for (let i = 0; i < n; i++) {
    dither();
    const t = performance.now();
    await client.chat.completions.create({ model: "gpt-4o-mini", user: `user-${seq % 100}`, messages: [{ role: "user", content: `Where is order ${seq++}?` }] });
    out?.push((performance.now() - t) * 1000);
  }
}

const p50 = (v: number[]) => [...v].sort((a, b) => a - b)[Math.floor(v.length / 2)]!;
const n0 = (v: number) => Math.round(v).toLocaleString("en");

const FULL: ReliablePolicy = {
  retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 2_000 },
  timeout: { attemptMs: 10_000, totalMs: 30_000 },
  breaker: { failureRatio: 0.5, minRequests: 20, windowMs: 30_000, cooldownMs: 5_000 },
  fallbacks: [{ model: "gpt-4o" }, { cached: { maxStaleMs: 86_400_000 } }],
  cache: { ttlMs: 60_000, maxEntries: 1_000 },
  limiter: { maxInFlight: 64, maxQueue: 256, maxWaitMs: 5_000 },
  userRateLimit: { requestsPerMinute: 1_000_000 },
  budget: { limits: { prices: { "gpt-4o-mini": { inputPerMTok: 0.15, outputPerMTok: 0.6 } }, budgets: [{ id: "daily", scope: "project", period: "day", limitUsd: 1e6, enforcement: "hard" }] } },
  output: { guards: [piiGuard("flag")] },
};

export async function benchReliability(): Promise<{ name: string; result: string }> {
  const provider = await startFakeProvider({ latencyMs: Number(process.env.BENCH_PROVIDER_LATENCY_MS ?? 0), seed: 3 });
  const ingest = await startIngestStub();
  const sx = new Sextant({ baseUrl: ingest.url, secretKey: SECRET_KEY, exitHooks: false });
  const client = (extra: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) => sx.wrapOpenAI(new OpenAI({ baseURL: provider.openaiBaseUrl, apiKey: "bench", maxRetries: 0, ...extra }));
  try {
    const wrapped = client();
    const full = sx.reliable(client(), FULL);
    await calls(wrapped, WARMUP, null);
    await calls(full, WARMUP, null);
    const wrappedUs: number[] = [];
    const fullUs: number[] = [];
    for (let done = 0, k = 0; done < CALLS; done += BLOCK, k++) {
      const a = () => calls(wrapped, BLOCK, wrappedUs);
      const b = () => calls(full, BLOCK, fullUs);
      if (k % 2 === 0) await a().then(b);
      else await b().then(a);
    }
    const overhead = p50(fullUs) - p50(wrappedUs);

    // Fail fast: the circuit of a dead model is open; every call throws CircuitOpenError without a request.
    provider.setFaults({ server_error: 1 });
    const open = sx.reliable(client(), { breaker: { minRequests: 1, cooldownMs: 3_600_000 } });
    await open.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "trip" }] }).catch(() => undefined);
    provider.setFaults({});
    const fastUs: number[] = [];
    for (let i = 0; i < 2_000; i++) {
      const t = performance.now();
      const err = await open.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `x${i}` }] }).catch((e: unknown) => e);
      fastUs.push((performance.now() - t) * 1000);
      if (!(err instanceof CircuitOpenError)) throw new Error("the circuit should be open");
    }
    // The same failing call without a breaker: the provider never answers, the attempt timeout cuts it.
    const hanging = sx.reliable(client({ defaultHeaders: { "x-fake-fault": "timeout" } }), { timeout: { attemptMs: TIMEOUT_MS } });
    const slowUs: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      await hanging.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `y${i}` }] }).catch(() => undefined);
      slowUs.push((performance.now() - t) * 1000);
    }
    const goal = overhead <= 30 ? "met" : "NOT met";
    return {
      name: "Reliability toolkit (full policy vs wrapped call; fail-fast vs timing out)",
      result:
        `overhead p50 ${n0(overhead)} µs (wrapped p50 ${n0(p50(wrappedUs))} µs, full policy p50 ${n0(p50(fullUs))} µs, ratio ${(p50(fullUs) / p50(wrappedUs)).toFixed(3)}; goal ≤ 30 µs ${goal}); ` +
        `fail fast with the circuit open p50 ${n0(p50(fastUs))} µs vs a timing-out provider p50 ${n0(p50(slowUs) / 1000)} ms (${TIMEOUT_MS} ms attempt timeout): ` +
        `${n0(p50(slowUs) / p50(fastUs))}× faster (${n0(CALLS)} calls each)`,
    };
  } finally {
    await sx.shutdown(100);
    await ingest.close();
    await provider.close();
  }
}
