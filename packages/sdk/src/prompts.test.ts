// The prompt client against a real local HTTP server standing in for GET /api/v1/prompts/{name}
// (with ETag / If-None-Match), on a fake clock: only Date is faked, so sockets and timers stay real.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PromptClient, PromptUnavailableError } from "./prompts-client.js";
import { PromptCompileError, type ChatMessage } from "./prompts.js";
import { Sextant } from "./sextant.js";
import type { Event } from "./events.js";

type Served = { version: number; prompt: string | ChatMessage[]; type?: "text" | "chat" };

async function promptServer(initial: Served) {
  const state = { current: initial, hits: [] as { url: string; ifNoneMatch?: string; auth?: string }[], events: [] as Event[], hang: false };
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    if (req.url === "/api/v1/ingest") {
      const raw = Buffer.concat(chunks);
      state.events.push(...JSON.parse((req.headers["content-encoding"] === "gzip" ? gunzipSync(raw) : raw).toString("utf8")).events);
      return res.writeHead(200, { "content-type": "application/json" }).end('{"accepted":1,"duplicates":0,"rejected":[]}');
    }
    state.hits.push({ url: req.url!, ifNoneMatch: req.headers["if-none-match"], auth: req.headers.authorization });
    if (state.hang) return; // never answers
    const c = state.current;
    const etag = `"v${c.version}"`;
    if (req.headers["if-none-match"] === etag) return res.writeHead(304, { etag }).end();
    const body = { name: "support", type: c.type ?? (typeof c.prompt === "string" ? "text" : "chat"), version: c.version, prompt: c.prompt, config: { model: "gpt-4o" }, labels: ["production"] };
    res.writeHead(200, { "content-type": "application/json", etag }).end(JSON.stringify(body));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r())));
  return Object.assign(state, { url, close });
}

let cleanup: (() => Promise<void>)[] = [];
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-11-26T10:00:00Z") });
});
afterEach(async () => {
  vi.useRealTimers();
  for (const c of cleanup) await c();
  cleanup = [];
});

async function setup(initial: Served = { version: 1, prompt: "Hello {{name}}" }) {
  const server = await promptServer(initial);
  cleanup.push(server.close);
  const errors: string[] = [];
  const client = new PromptClient({ baseUrl: server.url, key: "pk-test", cacheTtlMs: 60_000, timeoutMs: 300, onError: (e) => errors.push(e.message) });
  return { server, client, errors };
}

describe("prompts.get", () => {
  it("serves a fresh cache hit without asking the server", async () => {
    const { server, client } = await setup();
    const first = await client.get("support");
    expect(first).toMatchObject({ name: "support", type: "text", version: 1, prompt: "Hello {{name}}", config: { model: "gpt-4o" }, isFallback: false });
    expect(server.hits).toEqual([{ url: "/api/v1/prompts/support?label=production", ifNoneMatch: undefined, auth: "Bearer pk-test" }]);
    vi.advanceTimersByTime(59_000);
    expect(await client.get("support")).toBe(first);
    expect(server.hits).toHaveLength(1);
    await client.get("support", { version: 1 });
    expect(server.hits.at(-1)!.url).toBe("/api/v1/prompts/support?version=1");
  });

  it("returns the stale prompt at once and refreshes it in the background (304 when unchanged)", async () => {
    const { server, client } = await setup();
    const v1 = await client.get("support");
    vi.advanceTimersByTime(61_000);
    expect(await client.get("support")).toBe(v1); // stale, but answered without waiting
    await vi.waitFor(() => expect(server.hits).toHaveLength(2));
    expect(server.hits[1]!.ifNoneMatch).toBe('"v1"');
    expect(await client.get("support")).toBe(v1); // the 304 made it fresh again
    expect(server.hits).toHaveLength(2);

    server.current = { version: 2, prompt: "Hi {{name}}!" };
    vi.advanceTimersByTime(61_000);
    expect((await client.get("support")).version).toBe(1);
    await vi.waitFor(async () => expect((await client.get("support")).version).toBe(2));
    expect(server.hits).toHaveLength(3);
  });

  it("uses the fallback when the server is down and nothing is cached, and never throws while it has something", async () => {
    const { server, client, errors } = await setup();
    const cached = await client.get("support");
    await server.close();
    const fallback = await client.get("other", { fallback: { prompt: [{ role: "system", content: "Be kind to {{name}}." }] } });
    expect(fallback).toMatchObject({ name: "other", type: "chat", version: 0, isFallback: true });
    expect(fallback.compile({ name: "Ada" })).toEqual([{ role: "system", content: "Be kind to Ada." }]);
    expect(errors.at(-1)).toMatch(/could not fetch prompt "other"/);

    vi.advanceTimersByTime(120_000);
    expect(await client.get("support")).toBe(cached); // stale and unreachable: still the cached copy
    await vi.waitFor(() => expect(errors.some((e) => e.includes('"support"'))).toBe(true));

    await expect(client.get("never-seen")).rejects.toBeInstanceOf(PromptUnavailableError);
  });

  it("gives up on a hanging server after the timeout and answers with the fallback", async () => {
    const { server, client, errors } = await setup();
    server.hang = true;
    const started = performance.now();
    const p = await client.get("support", { fallback: { prompt: "Hello {{name}}", version: 3 } });
    expect(p).toMatchObject({ isFallback: true, version: 3, prompt: "Hello {{name}}" });
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(errors[0]).toMatch(/timed out/);
    // Known to be down: the next uncached read answers at once, without another wait.
    const again = performance.now();
    await client.get("support", { fallback: { prompt: "x" } });
    expect(performance.now() - again).toBeLessThan(100);
    expect(server.hits).toHaveLength(1);
  });
});

describe("prompt.compile", () => {
  it("fills variables and names missing or unknown ones", async () => {
    const { client } = await setup({ version: 4, prompt: [{ role: "system", content: "You help {{ company }} customers." }, { role: "user", content: "{{question}}" }] });
    const p = await client.get<ChatMessage[]>("support");
    expect(p.variables()).toEqual(["company", "question"]);
    expect(p.compile({ company: "Acme", question: "Where is my order?" })).toEqual([
      { role: "system", content: "You help Acme customers." },
      { role: "user", content: "Where is my order?" },
    ]);
    expect(() => p.compile({ company: "Acme" })).toThrow(PromptCompileError);
    expect(() => p.compile({ company: "Acme" })).toThrow(/missing "question"/);
    expect(() => p.compile({ company: "Acme", question: "q", tone: "warm" })).toThrow(/unknown "tone"/);
  });
});

describe("attribution", () => {
  it("records prompt {name, version} on wrapped calls made with a compiled prompt", async () => {
    vi.useRealTimers();
    const server = await promptServer({ version: 7, prompt: [{ role: "system", content: "Answer as {{brand}}." }] });
    cleanup.push(server.close);
    const sx = new Sextant({ baseUrl: server.url, secretKey: "sk-test", exitHooks: false, onError: () => undefined });
    cleanup.unshift(() => sx.shutdown(500));
    const create = (params: unknown) => Promise.resolve({ model: "gpt-4o", choices: [{ message: { role: "assistant", content: "ok" } }], params });
    const openai = sx.wrapOpenAI({ chat: { completions: { create } } });
    const anthropic = sx.wrapAnthropic({ messages: { create: (params: unknown) => Promise.resolve({ model: "claude", content: [], params }) } });

    const prompt = await sx.prompts.get<ChatMessage[]>("support");
    const messages = prompt.compile({ brand: "Acme" });
    await openai.chat.completions.create({ model: "gpt-4o", messages: [...messages, { role: "user", content: "hi" }] });
    await anthropic.messages.create({ model: "claude", max_tokens: 10, system: messages[0]!.content, messages: [{ role: "user", content: "hi" }] });
    await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "unrelated" }] });
    await sx.flush();
    expect(server.events.map((e) => e.prompt)).toEqual([{ name: "support", version: 7 }, { name: "support", version: 7 }, undefined]);
  });
});
