// The SDK's wrappers end to end: the real `openai` and `@anthropic-ai/sdk` clients,
// wrapped by `Sextant`, against the fake provider; events go over HTTP to the app's
// ingest route and are read back through the app's read API.
import Anthropic from "@anthropic-ai/sdk";
import { Sextant } from "@sextant/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as requestRoute } from "@/app/api/v1/requests/[id]/route";
import { GET as traceRoute } from "@/app/api/v1/traces/[traceId]/route";
import { startFakeProvider, type FakeProvider } from "@/scripts/fake-provider/server";
import { INGEST_ROUTES, ingestWorld, serveRoutes } from "@/test/ingest-helpers";
import type { RequestDetail } from "@/lib/requests/get";
import type { Trace } from "@/lib/requests/trace";

let app: Awaited<ReturnType<typeof serveRoutes>>;
let provider: FakeProvider;
let w: Awaited<ReturnType<typeof ingestWorld>>;
let sx: Sextant;
let openai: OpenAI;
let anthropic: Anthropic;

const fault = (f: string) => ({ headers: { "x-fake-fault": f } });

beforeAll(async () => {
  app = await serveRoutes([
    ...INGEST_ROUTES,
    { method: "GET", path: /^\/api\/v1\/requests\/(?<id>[^/]+)$/, handler: requestRoute },
    { method: "GET", path: /^\/api\/v1\/traces\/(?<traceId>[^/]+)$/, handler: traceRoute },
  ]);
  provider = await startFakeProvider({ chunkDelayMs: 1, seed: 7 });
  w = await ingestWorld(app.url);
  sx = new Sextant({ baseUrl: app.url, secretKey: w.key.secretKey, exitHooks: false, release: "r-42", onError: (e) => console.error(e) });
  openai = sx.wrapOpenAI(new OpenAI({ baseURL: provider.openaiBaseUrl, apiKey: "test", maxRetries: 0 }), { endpoint: "wrapped-default", tags: ["wrap"] });
  anthropic = sx.wrapAnthropic(new Anthropic({ baseURL: provider.anthropicBaseUrl, apiKey: "test", maxRetries: 0 }));
});

afterAll(async () => {
  await sx.shutdown(1_000);
  await provider.close();
  await app.close();
});

async function get<T>(path: string): Promise<T> {
  const res = await fetch(`${app.url}${path}`, { headers: { authorization: `Bearer ${w.key.secretKey}` } });
  expect(res.status, path).toBe(200);
  return (await res.json()) as T;
}

const trace = async (id: string) => {
  await sx.flush();
  return get<Trace>(`/api/v1/traces/${encodeURIComponent(id)}`);
};
const request = async (id: string) => {
  await sx.flush();
  return get<RequestDetail>(`/api/v1/requests/${encodeURIComponent(id)}`);
};
const llmOf = (t: Trace) => t.spans.filter((s) => s.kind === "llm");

describe("wrapOpenAI", () => {
  it("records a chat completion inside a trace with model, tokens, cost, attributes and nesting; the answer is untouched", async () => {
    const { traceId, answer } = await sx.trace(
      "support-chat",
      async (span) => {
        const answer = await openai.chat.completions.create({ model: "gpt-4o-mini", temperature: 0.2, messages: [{ role: "user", content: "Where is my order?" }] });
        return { traceId: span.traceId, answer };
      },
      { userId: "u-1", sessionId: "s-1", endpoint: "support-chat", prompt: { name: "support", version: 3 }, metadata: { plan: "pro" } },
    );
    expect(answer.object).toBe("chat.completion");
    expect(typeof answer.choices[0]!.message.content).toBe("string");

    const t = await trace(traceId);
    expect(t.spans).toHaveLength(2);
    const root = t.spans.find((s) => s.kind === "span")!;
    const [llm] = llmOf(t);
    expect(root).toMatchObject({ name: "support-chat", parentId: null, status: "ok", userId: "u-1", release: "r-42" });
    expect(llm).toMatchObject({ parentId: root.id, provider: "openai", model: "gpt-4o-mini", status: "ok", userId: "u-1", sessionId: "s-1", endpoint: "support-chat", prompt: { name: "support", version: 3 }, tags: ["wrap"] });
    expect(llm!.usage.inputTokens).toBe(answer.usage!.prompt_tokens);
    expect(llm!.usage.outputTokens).toBe(answer.usage!.completion_tokens);
    expect(llm!.costUsd).toBeGreaterThan(0);
    expect(llm!.costSource).toBe("table");
    expect(llm!.metadata).toMatchObject({ plan: "pro", "llm.temperature": 0.2, "llm.finish_reason": "stop" });
    const detail = await request(llm!.id);
    expect(detail.input).toEqual([{ role: "user", content: "Where is my order?" }]);
    expect(detail.output).toMatchObject({ role: "assistant", content: answer.choices[0]!.message.content });
  });

  it("keeps the client's own promise helpers (withResponse) working", async () => {
    const { data, response } = await openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }).withResponse();
    expect(response.status).toBe(200);
    expect(data.choices).toHaveLength(1);
  });

  it("records a streamed completion with time to first token and usage, and the app sees only the chunks it asked for", async () => {
    const { traceId, text, chunks } = await sx.trace("stream", async (span) => {
      const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "Tell me a story" }] });
      let text = "";
      const chunks: OpenAI.ChatCompletionChunk[] = [];
      for await (const chunk of stream) {
        chunks.push(chunk);
        text += chunk.choices[0]?.delta?.content ?? "";
      }
      return { traceId: span.traceId, text, chunks };
    });
    // The SDK asked for usage itself; the usage-only chunk that adds is not shown to the app.
    expect(chunks.every((c) => c.choices.length === 1)).toBe(true);
    const [llm] = llmOf(await trace(traceId));
    expect(llm).toMatchObject({ status: "ok", model: "gpt-4o-mini", endpoint: "wrapped-default" });
    expect(llm!.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(llm!.timeToFirstTokenMs).toBeLessThanOrEqual(llm!.durationMs);
    expect(llm!.usage.outputTokens).toBeGreaterThan(0);
    expect(llm!.costUsd).toBeGreaterThan(0);
    expect((await request(llm!.id)).output).toMatchObject({ content: text });
  });

  it("records a stream that drops mid-way as stream_interrupted, and the app still gets the error", async () => {
    const { traceId, thrown } = await sx.trace("midstream", async (span) => {
      const stream = await openai.chat.completions.create({ model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "long answer please" }] }, fault("midstream"));
      let thrown: unknown;
      try {
        for await (const chunk of stream) void chunk;
      } catch (err) {
        thrown = err;
      }
      return { traceId: span.traceId, thrown };
    });
    expect(thrown).toBeInstanceOf(Error);
    const [llm] = llmOf(await trace(traceId));
    expect(llm).toMatchObject({ status: "error", error: { type: "stream_interrupted" } });
    expect(llm!.timeToFirstTokenMs).toBeGreaterThan(0); // half the answer did arrive
  });

  it("classifies failures: 429, 500, timeout and a malformed body", async () => {
    const cases = [
      ["rate_limit", "rate_limit", 429],
      ["server_error", "server_error", 500],
      ["malformed", "parse", null],
      ["timeout", "timeout", null],
    ] as const;
    for (const [f, type, httpStatus] of cases) {
      const traceId = await sx.trace(f, async (span) => {
        await expect(openai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "x" }] }, { ...fault(f), timeout: 300 })).rejects.toThrow();
        return span.traceId;
      });
      const [llm] = llmOf(await trace(traceId));
      expect(llm, f).toMatchObject({ status: "error", error: { type, httpStatus } });
    }
  });

  it("records the Responses API (plain and streamed) and embeddings", async () => {
    const traceId = await sx.trace("responses", async (span) => {
      const r = await openai.responses.create({ model: "o3-mini", instructions: "Be brief.", input: "Summarise this ticket" });
      expect(r.output_text.length).toBeGreaterThan(0); // the client's own helper field survives
      const stream = await openai.responses.create({ model: "gpt-4o-mini", input: "Stream it", stream: true });
      for await (const e of stream) void e;
      const emb = await openai.embeddings.create({ model: "text-embedding-3-small", input: ["a", "b"] });
      expect(emb.data).toHaveLength(2);
      return span.traceId;
    });
    const t = await trace(traceId);
    const plain = t.spans.find((s) => s.model === "o3-mini")!;
    expect(plain).toMatchObject({ kind: "llm", status: "ok" });
    expect(plain.usage.reasoningTokens).toBeGreaterThan(0);
    const streamed = t.spans.find((s) => s.model === "gpt-4o-mini")!;
    expect(streamed.status).toBe("ok");
    expect(streamed.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(streamed.usage.outputTokens).toBeGreaterThan(0);
    const emb = t.spans.find((s) => s.kind === "embedding")!;
    expect(emb).toMatchObject({ model: "text-embedding-3-small", status: "ok" });
    expect(emb.usage.inputTokens).toBeGreaterThan(0);
  });
});

describe("wrapAnthropic", () => {
  it("records messages.create and messages.stream with cached tokens and time to first token", async () => {
    const long = "context ".repeat(3000);
    const traceId = await sx.trace("anthropic", async (span) => {
      const m = await anthropic.messages.create({ model: "claude-3-5-haiku-20241022", max_tokens: 200, system: long, messages: [{ role: "user", content: "hi" }] });
      expect(m.type).toBe("message");
      const final = await anthropic.messages.stream({ model: "claude-3-5-sonnet-20241022", max_tokens: 200, messages: [{ role: "user", content: "stream please" }] }).finalMessage();
      expect(final.content.length).toBeGreaterThan(0);
      return span.traceId;
    });
    const t = await trace(traceId);
    const plain = t.spans.find((s) => s.model === "claude-3-5-haiku-20241022")!;
    expect(plain).toMatchObject({ provider: "anthropic", status: "ok" });
    expect(plain.usage.cachedInputTokens).toBeGreaterThan(0);
    expect(plain.usage.inputTokens).toBeGreaterThan(plain.usage.cachedInputTokens!); // our contract counts cached inside input
    expect(plain.costUsd).toBeGreaterThan(0);
    const streamed = t.spans.find((s) => s.model === "claude-3-5-sonnet-20241022")!;
    expect(streamed.status).toBe("ok");
    expect(streamed.timeToFirstTokenMs).toBeGreaterThan(0);
    expect(streamed.usage.outputTokens).toBeGreaterThan(1);
  });

  it("records a dropped stream and a rate limit as errors", async () => {
    const traceId = await sx.trace("anthropic-errors", async (span) => {
      await expect(anthropic.messages.stream({ model: "claude-haiku-4-5", max_tokens: 100, messages: [{ role: "user", content: "hi" }] }, fault("midstream")).finalMessage()).rejects.toThrow();
      await expect(anthropic.messages.create({ model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user", content: "hi" }] }, fault("rate_limit"))).rejects.toBeInstanceOf(Anthropic.RateLimitError);
      return span.traceId;
    });
    const types = llmOf(await trace(traceId)).map((s) => s.error?.type).sort();
    expect(types).toEqual(["rate_limit", "stream_interrupted"]);
  });
});

describe("tracing and feedback", () => {
  it("nests spans, re-throws the app's own error unchanged and records it on the span", async () => {
    const boom = new RangeError("bad input");
    let traceId = "";
    const caught = await sx
      .trace("outer", async (outer) => {
        traceId = outer.traceId;
        await sx.span("retrieve", async () => new Promise((r) => setTimeout(r, 5)), { kind: "retrieval" });
        await sx.span("inner", async () => {
          throw boom;
        });
      })
      .catch((e: unknown) => e);
    expect(caught).toBe(boom);
    const t = await trace(traceId);
    const byName = Object.fromEntries(t.spans.map((s) => [s.name, s]));
    expect(byName.retrieve).toMatchObject({ kind: "retrieval", parentId: byName.outer!.id, status: "ok" });
    expect(byName.inner).toMatchObject({ parentId: byName.outer!.id, status: "error", error: { type: "RangeError", message: "bad input" } });
    expect(byName.outer).toMatchObject({ status: "error", parentId: null });
    expect(t.rootIds).toEqual([byName.outer!.id]);
  });

  it("attaches feedback to the model call a trace made", async () => {
    const genId = await sx.trace("feedback", async (span) => {
      await openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] });
      return span.lastGenerationId!;
    });
    await sx.flush(); // the request first, so the score is attributed to it
    sx.feedback({ requestId: genId, positive: false, comment: "wrong answer" });
    const detail = await request(genId);
    expect(detail.scores).toEqual([expect.objectContaining({ name: "user_feedback", value: false, source: "user", comment: "wrong answer" })]);
  });
});
