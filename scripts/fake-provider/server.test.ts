// The fake provider speaks the real wire formats: the official clients must accept it.
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeProvider, type FakeProvider } from "./server";

let provider: FakeProvider;
let openai: OpenAI;
let anthropic: Anthropic;
const fault = (f: string) => ({ headers: { "x-fake-fault": f } });

beforeAll(async () => {
  provider = await startFakeProvider({ seed: 7 });
  openai = new OpenAI({ baseURL: provider.openaiBaseUrl, apiKey: "test", maxRetries: 0, timeout: 2_000 });
  anthropic = new Anthropic({ baseURL: provider.anthropicBaseUrl, apiKey: "test", maxRetries: 0, timeout: 2_000 });
});
afterAll(() => provider.close());

const longPrompt = [{ role: "user" as const, content: "x".repeat(6_000) }];

describe("OpenAI-compatible endpoints", () => {
  it("answers chat completions with usage, cached and reasoning tokens", async () => {
    const r = await openai.chat.completions.create({ model: "o3-mini", messages: longPrompt });
    expect(r.choices[0]!.message.content!.length).toBeGreaterThan(0);
    expect(r.usage!.prompt_tokens).toBeGreaterThan(1_000);
    expect(r.usage!.prompt_tokens_details!.cached_tokens).toBeGreaterThan(0);
    expect(r.usage!.completion_tokens_details!.reasoning_tokens).toBeGreaterThan(0);
  });

  it("streams chunks and a final usage chunk", async () => {
    const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }], stream: true, stream_options: { include_usage: true } });
    let text = "";
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta?.content ?? "";
      usage = chunk.usage ?? usage;
    }
    expect(text.split(" ").length).toBe(usage!.completion_tokens);
  });

  it("injects 429 with Retry-After, 500, malformed bodies, timeouts and broken streams", async () => {
    await expect(openai.chat.completions.create({ model: "gpt-4o", messages: [] }, fault("rate_limit"))).rejects.toBeInstanceOf(OpenAI.RateLimitError);
    await expect(openai.chat.completions.create({ model: "gpt-4o", messages: [] }, fault("server_error"))).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(openai.chat.completions.create({ model: "gpt-4o", messages: [] }, fault("malformed"))).rejects.toThrow();
    await expect(openai.chat.completions.create({ model: "gpt-4o", messages: [] }, { ...fault("timeout"), timeout: 200 })).rejects.toBeInstanceOf(OpenAI.APIConnectionTimeoutError);
    const stream = await openai.chat.completions.create({ model: "gpt-4o", messages: [], stream: true }, fault("midstream"));
    await expect((async () => {
      for await (const _ of stream) void _;
    })()).rejects.toThrow();
  });

  it("answers embeddings", async () => {
    const r = await openai.embeddings.create({ model: "text-embedding-3-small", input: ["a", "b"] });
    expect(r.data).toHaveLength(2);
    expect(r.usage.prompt_tokens).toBeGreaterThan(0);
  });
});

describe("Anthropic-compatible endpoints", () => {
  it("answers messages with cache-read tokens counted apart", async () => {
    const r = await anthropic.messages.create({ model: "claude-3-5-sonnet-20241022", max_tokens: 200, messages: longPrompt });
    expect(r.content[0]!.type).toBe("text");
    expect(r.usage.cache_read_input_tokens).toBeGreaterThan(0);
    expect(r.usage.output_tokens).toBeGreaterThan(0);
  });

  it("streams the real event sequence", async () => {
    const stream = anthropic.messages.stream({ model: "claude-3-5-haiku-20241022", max_tokens: 100, messages: [{ role: "user", content: "hi" }] });
    let text = "";
    stream.on("text", (t) => (text += t));
    const final = await stream.finalMessage();
    expect(text.length).toBeGreaterThan(0);
    expect(final.usage.output_tokens).toBe(text.split(" ").length);
  });

  it("injects rate limits and broken streams", async () => {
    await expect(anthropic.messages.create({ model: "claude-3-5-haiku-20241022", max_tokens: 10, messages: [] }, fault("rate_limit"))).rejects.toBeInstanceOf(Anthropic.RateLimitError);
    const stream = anthropic.messages.stream({ model: "claude-3-5-haiku-20241022", max_tokens: 100, messages: [{ role: "user", content: "hi" }] }, fault("midstream"));
    await expect(stream.finalMessage()).rejects.toThrow();
  });
});
