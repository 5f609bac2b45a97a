// The Sextant class against a real local HTTP endpoint that stands in for the app's
// ingest and scores routes (the SDK is what is under test here; the app end to end is
// tested in the repository's test/sdk).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { Sextant } from "./sextant.js";
import type { Event } from "./events.js";
import { resolveOptions } from "./config.js";

type Received = { events: Event[]; scores: Record<string, unknown>[] };

async function sink(): Promise<Received & { url: string; close: () => Promise<void> }> {
  const got: Received = { events: [], scores: [] };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const body = JSON.parse((req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8"));
    if (req.url === "/api/v1/ingest") got.events.push(...body.events);
    else got.scores.push(...body.scores);
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ accepted: 1, duplicates: 0, rejected: [] }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return Object.assign(got, { url, close: () => new Promise<void>((r) => server.close(() => r())) });
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});

async function setup(opts: ConstructorParameters<typeof Sextant>[0] = {}) {
  const s = await sink();
  const sx = new Sextant({ baseUrl: s.url, secretKey: "sk-test", exitHooks: false, ...opts });
  cleanup.push(() => sx.shutdown(500), s.close);
  return { s, sx };
}

/** A provider-like stream object: async-iterable, as the official clients' streams are. */
function fakeStream(chunks: unknown[], fail?: Error) {
  return {
    iterator: async function* () {
      for (const c of chunks) yield c;
      if (fail) throw fail;
    },
    [Symbol.asyncIterator]() {
      return this.iterator();
    },
  };
}

/** A client shaped like `openai` whose create answers with what the test hands it. */
function fakeOpenAI(answer: () => unknown) {
  return { chat: { completions: { create: (params: unknown) => Promise.resolve(answer()).then((a) => (void params, a)) } } };
}

describe("tracing", () => {
  it("hands attributes down, lets update() reach later children, and works for sync functions", async () => {
    const { s, sx } = await setup({ environment: "staging" });
    const value = sx.trace(
      "root",
      (root) => {
        root.update({ userId: "u-9", metadata: { step: 1 } });
        const inner = sx.span("child", () => 42, { tags: ["a"], kind: "tool" });
        sx.generation({ model: "gpt-4o", durationMs: 12, usage: { inputTokens: 5 } });
        return inner;
      },
      { endpoint: "checkout", tags: ["root"] },
    );
    expect(value).toBe(42);
    await sx.flush();
    const byName = Object.fromEntries(s.events.map((e) => [e.name, e]));
    const root = byName.root!;
    expect(root).toMatchObject({ kind: "span", endpoint: "checkout", userId: "u-9", environment: "staging", tags: ["root"] });
    expect(root.parentId).toBeUndefined();
    expect(byName.child).toMatchObject({ kind: "tool", parentId: root.id, traceId: root.traceId, userId: "u-9", tags: ["root", "a"], metadata: { step: 1 } });
    const gen = s.events.find((e) => e.kind === "llm")!;
    expect(gen).toMatchObject({ parentId: root.id, traceId: root.traceId, model: "gpt-4o", durationMs: 12, endpoint: "checkout" });
  });

  it("keeps concurrent traces apart", async () => {
    const { s, sx } = await setup();
    await Promise.all(
      ["a", "b", "c"].map((n) =>
        sx.trace(n, async () => {
          await new Promise((r) => setTimeout(r, 5));
          await sx.span(`${n}-child`, async () => new Promise((r) => setTimeout(r, 5)));
        }),
      ),
    );
    await sx.flush();
    for (const n of ["a", "b", "c"]) {
      const root = s.events.find((e) => e.name === n)!;
      expect(s.events.find((e) => e.name === `${n}-child`)).toMatchObject({ parentId: root.id, traceId: root.traceId });
    }
  });

  it("observe() records arguments and results when asked and passes errors through", async () => {
    const { s, sx } = await setup();
    const add = sx.observe(async (a: number, b: number) => a + b, { name: "add", captureInput: true, captureOutput: true });
    const fail = sx.observe(async () => {
      throw new TypeError("nope");
    });
    expect(await add(2, 3)).toBe(5);
    await expect(fail()).rejects.toThrow(TypeError);
    await sx.flush();
    expect(s.events.find((e) => e.name === "add")).toMatchObject({ input: [2, 3], output: 5, status: "ok" });
    expect(s.events.find((e) => e.name === "observed")).toMatchObject({ status: "error", error: { type: "TypeError" } });
  });

  it("samples whole traces: rate 0 records nothing, and the code still runs", async () => {
    const { s, sx } = await setup({ sampleRate: 0 });
    expect(await sx.trace("t", async () => sx.span("c", () => "ran"))).toBe("ran");
    await sx.flush();
    expect(s.events).toEqual([]);
  });
});

describe("what is sent", () => {
  it("redact() can change or drop events, and captureContent: false strips bodies", async () => {
    const { s, sx } = await setup({ redact: (e) => (e.name === "secret" ? null : { ...e, metadata: { ...e.metadata, redacted: true } }) });
    sx.generation({ name: "secret", durationMs: 1 });
    sx.generation({ name: "kept", durationMs: 1, input: "hello" });
    await sx.flush();
    expect(s.events.map((e) => [e.name, e.metadata])).toEqual([["kept", { redacted: true }]]);

    const { s: s2, sx: sx2 } = await setup({ captureContent: false });
    sx2.generation({ name: "private", durationMs: 1, input: "card 4242", output: "ok" });
    await sx2.flush();
    expect(s2.events[0]!.input).toBeUndefined();
    expect(s2.events[0]!.output).toBeUndefined();
  });

  it("a throwing redact() is reported, never thrown", async () => {
    const errors: string[] = [];
    const { s, sx } = await setup({ redact: () => { throw new Error("bug in redact"); }, onError: (e) => errors.push(e.message) });
    sx.generation({ name: "x", durationMs: 1 });
    await sx.flush();
    expect(s.events).toEqual([]);
    expect(errors.some((m) => m.includes("bug in redact"))).toBe(true);
  });

  it("scores and feedback go to the scores endpoint with an idempotency id", async () => {
    const { s, sx } = await setup();
    sx.score({ requestId: "r1", name: "accuracy", value: 0.9 });
    sx.feedback({ traceId: "t1", positive: true, comment: "great" });
    sx.score({ name: "orphan", value: 1 });
    await sx.flush();
    expect(s.scores).toEqual([
      { id: expect.any(String), source: "api", requestId: "r1", name: "accuracy", value: 0.9 },
      { id: expect.any(String), source: "user", traceId: "t1", name: "user_feedback", value: true, comment: "great" },
    ]);
  });
});

describe("streams", () => {
  it("a stream that ends before the provider finished is an error; one the app stops reading is not", async () => {
    const { s, sx } = await setup();
    const chunk = (content: string, finish: string | null = null) => ({ model: "gpt-4o", choices: [{ delta: { content }, finish_reason: finish }] });
    let answer: unknown = fakeStream([chunk("Hel"), chunk("lo")]);
    const client = sx.wrapOpenAI(fakeOpenAI(() => answer));
    for await (const c of (await client.chat.completions.create({ model: "gpt-4o", stream: true })) as AsyncIterable<unknown>) void c;
    answer = fakeStream([chunk("a"), chunk("b"), chunk("", "stop")]);
    for await (const c of (await client.chat.completions.create({ model: "gpt-4o", stream: true })) as AsyncIterable<unknown>) if (c) break;
    await sx.flush();
    expect(s.events[0]).toMatchObject({ status: "error", error: { type: "stream_interrupted" }, output: { content: "Hello" } });
    expect(s.events[1]).toMatchObject({ status: "ok", metadata: { cancelled: true } });
  });
});

describe("never in the way", () => {
  it("without a secret key records nothing, says so once, and wrapped calls still work", async () => {
    const errors: string[] = [];
    const sx = new Sextant({ secretKey: "", exitHooks: false, onError: (e) => errors.push(e.message) });
    const client = sx.wrapOpenAI(fakeOpenAI(() => ({ choices: [] })));
    expect(await client.chat.completions.create({ model: "m" })).toEqual({ choices: [] });
    expect(sx.trace("t", () => 1)).toBe(1);
    expect(errors).toEqual([expect.stringContaining("no secret key")]);
    expect(sx.stats().queued).toBe(0);
  });

  it("with the server down a wrapped call returns as usual and the loss is counted, not thrown", async () => {
    const dead = http.createServer();
    await new Promise<void>((r) => dead.listen(0, "127.0.0.1", r));
    const port = (dead.address() as AddressInfo).port;
    await new Promise<void>((r) => dead.close(() => r()));
    const sx = new Sextant({ baseUrl: `http://127.0.0.1:${port}`, secretKey: "sk-x", exitHooks: false, maxRetries: 0, onError: () => undefined });
    const client = sx.wrapOpenAI(fakeOpenAI(() => ({ model: "m", choices: [{ message: { content: "hi" }, finish_reason: "stop" }] })));
    const out = (await client.chat.completions.create({ model: "m", messages: [] })) as { choices: unknown[] };
    expect(out.choices).toHaveLength(1);
    await sx.flush();
    expect(sx.stats()).toMatchObject({ sent: 0, dropped: 1, failedBatches: 1 });
    await sx.shutdown(100);
  });

  it("reads its defaults from SEXTANT_* environment variables; code wins", () => {
    const env = { SEXTANT_BASE_URL: "http://sx:3000", SEXTANT_SECRET_KEY: "sk-env", SEXTANT_ENVIRONMENT: "dev", SEXTANT_SAMPLE_RATE: "0.25", SEXTANT_CAPTURE_CONTENT: "false" };
    expect(resolveOptions({}, env)).toMatchObject({ baseUrl: "http://sx:3000", secretKey: "sk-env", environment: "dev", sampleRate: 0.25, captureContent: false, enabled: true });
    expect(resolveOptions({ secretKey: "sk-code", sampleRate: 5 }, env)).toMatchObject({ secretKey: "sk-code", sampleRate: 1 });
    expect(resolveOptions({}, { SEXTANT_ENABLED: "false" }).enabled).toBe(false);
  });
});
