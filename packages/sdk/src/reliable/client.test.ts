import { describe, expect, it } from "vitest";
import type { GenerationFields } from "../generation.js";
import { reliable } from "./client.js";
import { EscalatedError } from "./errors.js";
import type { EscalationRequest } from "./policy.js";
import type { Recording } from "./record.js";

type Params = Record<string, unknown>;
const fail = (status: number, extra: object = {}) => Object.assign(new Error(`HTTP ${status}`), { status, ...extra });
const completion = (model: string, content = "hello") => ({ object: "chat.completion", model, choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }], usage: { prompt_tokens: 5, completion_tokens: 2 } });

/** An OpenAI-shaped client whose answer per call is decided by `answer`. */
function openaiLike(answer: (p: Params, n: number) => unknown) {
  const calls: Params[] = [];
  const client = { chat: { completions: { create: async (p: Params) => (calls.push(p), answer(p, calls.length)) } } };
  return { client, calls };
}

function recording() {
  const own: GenerationFields[] = [];
  const escalations: EscalationRequest[] = [];
  const env: Recording = { active: true, sampleNew: () => true, annotate: () => undefined, generation: (f) => void own.push(f), report: () => undefined, escalate: (r) => void escalations.push(r) };
  return { env, own, escalations };
}

const ask = { model: "gpt-4o", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Where is my order?" }] };

describe("reliable()", () => {
  it("moves to another provider with the request and answer mapped, keeping the client's shape", async () => {
    const primary = openaiLike(() => Promise.reject(fail(500)));
    const sent: Params[] = [];
    const claude = { messages: { create: async (p: Params) => (sent.push(p), { type: "message", model: "claude-3-5-haiku", content: [{ type: "text", text: "On its way." }], stop_reason: "end_turn", usage: { input_tokens: 9, output_tokens: 3 } }) } };
    const ai = reliable(primary.client, { fallbacks: [{ client: claude, model: "claude-3-5-haiku" }] });
    const answer = (await ai.chat.completions.create(ask)) as ReturnType<typeof completion>;
    expect(sent[0]).toEqual({ model: "claude-3-5-haiku", max_tokens: 1024, system: "Be brief.", messages: [{ role: "user", content: "Where is my order?" }] });
    expect(answer).toMatchObject({ object: "chat.completion", choices: [{ message: { role: "assistant", content: "On its way." }, finish_reason: "stop" }], usage: { prompt_tokens: 9, completion_tokens: 3 } });
  });

  it("does not move on a permanent error unless the policy names it (context length → a larger model)", async () => {
    const tooLong = () => fail(400, { error: { code: "context_length_exceeded", message: "maximum context length" } });
    const strict = openaiLike((p) => (p.model === "gpt-4o" ? Promise.reject(tooLong()) : completion(String(p.model))));
    await expect(reliable(strict.client, { retry: { maxAttempts: 3 }, fallbacks: [{ model: "gpt-4.1" }] }).chat.completions.create(ask)).rejects.toMatchObject({ status: 400 });
    expect(strict.calls).toHaveLength(1); // not retried, not moved on
    const lenient = openaiLike((p) => (p.model === "gpt-4o" ? Promise.reject(tooLong()) : completion(String(p.model))));
    const out = await reliable(lenient.client, { fallbackOn: ["context_length"], fallbacks: [{ model: "gpt-4.1" }] }).chat.completions.create(ask);
    expect(out).toMatchObject({ model: "gpt-4.1" });
  });

  it("serves an earlier answer marked stale when every provider fails, and escalates when nothing is cached", async () => {
    let down = false;
    const p = openaiLike((params) => (down ? Promise.reject(fail(503)) : completion(String(params.model), "cached answer")));
    const rec = recording();
    const ai = reliable(p.client, { cache: { ttlMs: 1 }, fallbacks: [{ cached: { maxStaleMs: 60_000 } }, { escalate: { queue: "support" } }] }, rec.env);
    await ai.chat.completions.create(ask);
    await new Promise((r) => setTimeout(r, 5));
    down = true;
    expect(await ai.chat.completions.create(ask)).toMatchObject({ choices: [{ message: { content: "cached answer" } }] });
    expect(rec.own.at(-1)).toMatchObject({ cacheHit: true, fallbackFrom: "gpt-4o", metadata: { "reliable.cache": "stale" }, tags: ["fallback", "cache:stale"] });
    await expect(ai.chat.completions.create({ ...ask, model: "gpt-4o-mini" })).rejects.toBeInstanceOf(EscalatedError);
    expect(rec.escalations).toEqual([expect.objectContaining({ queue: "support", model: "gpt-4o-mini", reason: "HTTP 503" })]);
  });

  it("retries a stream that broke before its first chunk, but not one that already yielded", async () => {
    const stream = (chunks: string[], breakAfter?: number) => ({
      async *[Symbol.asyncIterator]() {
        for (const [i, c] of chunks.entries()) {
          if (i === breakAfter) throw Object.assign(new TypeError("terminated"), { cause: { code: "ECONNRESET" } });
          yield { choices: [{ delta: { content: c } }] };
        }
      },
    });
    const early = openaiLike((_p, n) => (n === 1 ? stream(["a", "b"], 0) : stream(["a", "b"])));
    const s1 = (await reliable(early.client, { retry: { maxAttempts: 2 } }).chat.completions.create({ ...ask, stream: true })) as AsyncIterable<{ choices: { delta: { content: string } }[] }>;
    let text = "";
    for await (const c of s1) text += c.choices[0]!.delta.content;
    expect(text).toBe("ab");
    expect(early.calls).toHaveLength(2);

    const late = openaiLike(() => stream(["a", "b"], 1));
    const s2 = (await reliable(late.client, { retry: { maxAttempts: 3 } }).chat.completions.create({ ...ask, stream: true })) as AsyncIterable<unknown>;
    await expect((async () => { for await (const c of s2) void c; })()).rejects.toThrow("terminated");
    expect(late.calls).toHaveLength(1);
  });

  it("answers with JSON validated against the schema, asking once more with the problem fed back", async () => {
    const { z } = await import("zod");
    const { parsedOf } = await import("./structured.js");
    const p = openaiLike((params, n) => completion("gpt-4o", n === 1 ? '{"id": "x"}' : '```json\n{"id": 7,}\n```'));
    const out = await reliable(p.client, { output: { json: z.object({ id: z.number() }) } }).chat.completions.create(ask);
    expect(parsedOf(out)).toEqual({ id: 7 });
    const retryMessages = p.calls[1]!.messages as { role: string; content: string }[];
    expect(retryMessages.at(-1)).toMatchObject({ role: "user", content: expect.stringContaining("id:") });
  });
});
