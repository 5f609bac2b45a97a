// Timeouts with the real `openai` and `@anthropic-ai/sdk` clients against the fake provider:
// each way a call runs out of time (an attempt, the whole call, a stream being read, the
// app's own signal) rejects with the right error and cancels the request on the wire
// (the provider sees the connection closed before its answer).
import Anthropic from "@anthropic-ai/sdk";
import { reliable, TimeoutError } from "@sextant/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeProvider, type FakeProvider } from "@/scripts/fake-provider/server";

let provider: FakeProvider;
let slow: FakeProvider;

beforeAll(async () => {
  provider = await startFakeProvider({ seed: 5 });
  slow = await startFakeProvider({ seed: 6, chunkDelayMs: 100 });
});

afterAll(async () => {
  await provider.close();
  await slow.close();
});

const hang = { headers: { "x-fake-fault": "timeout" } };
const openai = (p: FakeProvider) => new OpenAI({ baseURL: p.openaiBaseUrl, apiKey: "test", maxRetries: 0 });
const claude = (p: FakeProvider) => new Anthropic({ baseURL: p.anthropicBaseUrl, apiKey: "test", maxRetries: 0 });

/** Waits until the provider has seen `n` more cancelled requests than `from` (or fails after 2 s). */
async function cancelled(p: FakeProvider, from: number, n: number): Promise<number> {
  const until = Date.now() + 2_000;
  while (p.cancelled < from + n && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  return p.cancelled - from;
}

describe("timeouts cancel the underlying request", () => {
  it("an attempt timeout on OpenAI rejects each attempt and cancels each request", async () => {
    const before = provider.cancelled;
    const ai = reliable(openai(provider), { retry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 }, timeout: { attemptMs: 100 } });
    const t0 = performance.now();
    const err = await ai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }, hang).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TimeoutError);
    expect(err).toMatchObject({ scope: "attempt", afterMs: 100 });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(200);
    expect(await cancelled(provider, before, 2)).toBe(2);
  });

  it("the total timeout on Anthropic cuts the call before its attempt timeout and cancels the request", async () => {
    const before = provider.cancelled;
    const ai = reliable(claude(provider), { retry: { maxAttempts: 3 }, timeout: { attemptMs: 5_000, totalMs: 150 } });
    const t0 = performance.now();
    const err = await ai.messages.create({ model: "claude-3-5-haiku-latest", max_tokens: 50, messages: [{ role: "user", content: "hi" }] }, hang).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: "TimeoutError", scope: "total", afterMs: 150 });
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(await cancelled(provider, before, 1)).toBe(1);
  });

  it("the total timeout stops a stream that is still being read: the reader gets the TimeoutError, the connection is closed", async () => {
    const before = slow.cancelled;
    const ai = reliable(openai(slow), { timeout: { totalMs: 250 } });
    const stream = await ai.chat.completions.create({ model: "gpt-4o", stream: true, max_tokens: 40, messages: [{ role: "user", content: "tell me a long story" }] });
    const words: string[] = [];
    const err = await (async () => {
      for await (const chunk of stream) words.push(chunk.choices[0]?.delta?.content ?? "");
    })().catch((e: unknown) => e);
    expect(words.length).toBeGreaterThan(0);
    expect(words.length).toBeLessThan(10);
    expect(err).toMatchObject({ name: "TimeoutError", scope: "total", afterMs: 250 });
    expect(await cancelled(slow, before, 1)).toBe(1);
  });

  it("a client's own shorter timeout still applies under the policy's longer one", async () => {
    const before = provider.cancelled;
    const ai = reliable(new OpenAI({ baseURL: provider.openaiBaseUrl, apiKey: "test", maxRetries: 0, timeout: 100 }), { timeout: { attemptMs: 5_000 } });
    const t0 = performance.now();
    const err = await ai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }, hang).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(await cancelled(provider, before, 1)).toBe(1);
  });

  it("the app's own signal cancels the request and rejects with its reason", async () => {
    const before = provider.cancelled;
    const ai = reliable(openai(provider), { retry: { maxAttempts: 3 }, timeout: { attemptMs: 5_000, totalMs: 10_000 } });
    const app = new AbortController();
    setTimeout(() => app.abort(new Error("user left")), 50);
    const err = await ai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }, { ...hang, signal: app.signal }).catch((e: unknown) => e);
    expect(err).toMatchObject({ message: "user left" });
    expect(await cancelled(provider, before, 1)).toBe(1);
  });
});
