// What the SDK costs the app it instruments: the same `openai` chat call, bare vs.
// wrapped by `sextant.wrapOpenAI`, against the local fake provider (~1 ms per call), in
// interleaved blocks so machine drift hits both alike. Twice: with an ingest server that
// answers at once, and with none listening (events pile up, retried, then dropped oldest
// first). Goals: overhead p50 ≤ 50 µs and total time ratio ≤ 1.05 in both; the queue never
// above its byte bound while the server is down.
import http from "node:http";
import type { AddressInfo } from "node:net";
import v8 from "node:v8";
import vm from "node:vm";
import { Sextant } from "@sextant/sdk";
import OpenAI from "openai";
import { startFakeProvider } from "../fake-provider/server";

const CALLS = Number(process.env.BENCH_SDK_CALLS ?? 20_000);
const BLOCK = 1_000;
const WARMUP = 500;
const MAX_QUEUE_BYTES = 2 * 1024 * 1024;
const SECRET_KEY = "sk-benchbenchbenchbenchbench";
// A short, realistic request: a system prompt and one customer question (~200 characters).
const MESSAGES: OpenAI.ChatCompletionMessageParam[] = [
  { role: "system", content: "You are a helpful support assistant for an online shop." },
  { role: "user", content: "My order 48213 arrived with a cracked screen protector. Can you send a replacement, or must I return the phone?" },
];

// Retained heap is only comparable after a full collection; tsx gives no --expose-gc.
v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

type Sample = { bareUs: number[]; wrappedUs: number[]; bareMs: number; wrappedMs: number; bareCpuUs: number; wrappedCpuUs: number };

/**
 * A stand-in ingest endpoint that reads each gzip body fully and accepts it. It runs in
 * the measured process, so it does not unzip to count: the SDK only reads `rejected`.
 */
async function startIngestStub(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => res.writeHead(200, { "content-type": "application/json" }).end('{"accepted":0,"duplicates":0,"rejected":[]}'));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** A port nothing listens on: bound, then released. */
async function deadUrl(): Promise<string> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

/**
 * Spins for 0–1 ms between calls. The provider's timers fire on whole-millisecond ticks and
 * back-to-back calls lock onto them, so a few µs of extra work could cost a whole ms or
 * nothing; a random phase (dither) makes the medians move by what the work really costs.
 * A spin, not a timer, because a timer would land on a tick again. Not timed.
 */
function dither(): number {
  const start = performance.now();
  const until = start + Math.random();
  while (performance.now() < until);
  return performance.now() - start;
}

/** Sequential calls: their summed time (ms), and the process CPU they used (µs) without the dither. */
async function calls(client: OpenAI, n: number, out: number[] | null, afterEach?: () => void): Promise<{ ms: number; cpuUs: number }> {
  let ms = 0;
  let spinMs = 0;
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) {
    spinMs += dither();
    const t = performance.now();
    await client.chat.completions.create({ model: "gpt-4o-mini", messages: MESSAGES });
    const took = performance.now() - t;
    ms += took;
    out?.push(took * 1000);
    afterEach?.();
  }
  const used = process.cpuUsage(cpu);
  return { ms, cpuUs: used.user + used.system - spinMs * 1000 };
}

/** Bare and wrapped in alternating blocks; the block order flips each time so neither always goes first. */
async function compare(bare: OpenAI, wrapped: OpenAI, afterEach?: () => void): Promise<Sample> {
  await calls(bare, WARMUP, null);
  await calls(wrapped, WARMUP, null, afterEach);
  const s: Sample = { bareUs: [], wrappedUs: [], bareMs: 0, wrappedMs: 0, bareCpuUs: 0, wrappedCpuUs: 0 };
  for (let done = 0, k = 0; done < CALLS; done += BLOCK, k++) {
    const n = Math.min(BLOCK, CALLS - done);
    const runBare = async () => {
      const r = await calls(bare, n, s.bareUs);
      s.bareMs += r.ms;
      s.bareCpuUs += r.cpuUs;
    };
    const runWrapped = async () => {
      const r = await calls(wrapped, n, s.wrappedUs, afterEach);
      s.wrappedMs += r.ms;
      s.wrappedCpuUs += r.cpuUs;
    };
    if (k % 2 === 0) await runBare().then(runWrapped);
    else await runWrapped().then(runBare);
  }
  return s;
}

function p50(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const n0 = (v: number) => Math.round(v).toLocaleString("en");
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export async function benchSdk(): Promise<{ name: string; result: string }> {
  const provider = await startFakeProvider({ latencyMs: 1, seed: 1 });
  const ingest = await startIngestStub();
  const client = () => new OpenAI({ baseURL: provider.openaiBaseUrl, apiKey: "bench", maxRetries: 0 });
  const bare = client();
  let up: Sextant | null = null;
  let down: Sextant | null = null;
  try {
    up = new Sextant({ baseUrl: ingest.url, secretKey: SECRET_KEY, exitHooks: false });
    const live = await compare(bare, up.wrapOpenAI(client()));
    await up.flush();
    const upStats = up.stats();
    const bareP50 = p50(live.bareUs);
    const wrappedP50 = p50(live.wrappedUs);
    const overhead = wrappedP50 - bareP50;
    const ratio = live.wrappedMs / live.bareMs;

    // Server down: every batch fails after retries and the queue stays at its bound.
    const errors = { count: 0 };
    down = new Sextant({ baseUrl: await deadUrl(), secretKey: SECRET_KEY, maxQueueBytes: MAX_QUEUE_BYTES, exitHooks: false, onError: () => errors.count++ });
    const sx = down;
    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    let maxQueued = 0;
    const offline = await compare(bare, sx.wrapOpenAI(client()), () => (maxQueued = Math.max(maxQueued, sx.stats().queuedBytes)));
    await new Promise((r) => setImmediate(r)); // let the last calls' events reach the queue
    maxQueued = Math.max(maxQueued, sx.stats().queuedBytes);
    gc();
    const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
    const downStats = sx.stats();
    const downRatio = offline.wrappedMs / offline.bareMs;

    // Second opinions on the medians: the mean difference, and the CPU the process spent per call (SDK, provider and stub alike).
    const perCall = (a: number, b: number) => (a - b) / live.bareUs.length;
    const cpu = `CPU/call bare ${n0(live.bareCpuUs / live.bareUs.length)} µs, wrapped +${n0(perCall(live.wrappedCpuUs, live.bareCpuUs))} µs`;
    console.log(`  [sdk] mean overhead ${n0(perCall(live.wrappedMs, live.bareMs) * 1000)} µs; ${cpu}; server up: sent ${n0(upStats.sent)}, dropped ${upStats.dropped}; server down: ${n0(errors.count)} errors reported, ${n0(downStats.retried)} retries`);
    const goals = overhead <= 50 && ratio <= 1.05 && downRatio <= 1.05 && maxQueued <= MAX_QUEUE_BYTES ? "met" : "NOT met";
    return {
      name: "SDK overhead (wrapped openai call vs bare)",
      result:
        `overhead p50 ${n0(overhead)} µs (bare p50 ${n0(bareP50)} µs, wrapped p50 ${n0(wrappedP50)} µs), ratio ${ratio.toFixed(2)} ` +
        `(goal p50 ≤ 50 µs, ratio ≤ 1.05); server down: ratio ${downRatio.toFixed(2)}, queue ≤ ${mb(maxQueued)} MB (bound ${mb(MAX_QUEUE_BYTES)} MB), ` +
        `dropped ${n0(downStats.dropped)}, heap ${heapGrowth >= 0 ? "+" : "−"}${n0(Math.abs(heapGrowth) / 1024 / 1024)} MB; goals ${goals} (${n0(CALLS)} calls each)`,
    };
  } finally {
    await Promise.all([up?.shutdown(100), down?.shutdown(100)]);
    await ingest.close();
    await provider.close();
  }
}
