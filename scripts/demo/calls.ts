// One simulated product request: optional retrieval and tool spans, then a model
// call through the real `openai` / `@anthropic-ai/sdk` clients against the fake
// provider, recorded as ingestion events. (When the SDK's wrapOpenAI/wrapAnthropic
// land, they replace the hand-written recording here.)
import { randomUUID } from "node:crypto";
import Anthropic from "@anthropic-ai/sdk";
import OpenAI from "openai";
import type { Event } from "@sextant/sdk";

export type Clients = { openai: OpenAI; anthropic: Anthropic };
export type Persona = { userId: string; sessionId: string; endpoint: string; environment: string };

const OPENAI_MODELS = ["gpt-4o-2024-08-06", "gpt-4o-mini", "o3-mini", "gpt-4.1", "gpt-4.1-mini"];
const ANTHROPIC_MODELS = ["claude-3-5-sonnet-20241022", "claude-3-5-haiku-20241022", "claude-haiku-4-5"];
export const ENDPOINTS = ["support-chat", "summarize", "classify", "search-answer"];

type Usage = NonNullable<Event["usage"]>;

/** The error classes the product reports, from the official clients' error types. */
export function classify(err: unknown): { type: string; message: string; httpStatus?: number; retryable: boolean } {
  const message = err instanceof Error ? err.message : String(err);
  const status = (err as { status?: number }).status;
  if (err instanceof OpenAI.APIConnectionTimeoutError || err instanceof Anthropic.APIConnectionTimeoutError) return { type: "timeout", message, retryable: true };
  if (err instanceof OpenAI.APIConnectionError || err instanceof Anthropic.APIConnectionError) return { type: "network", message, retryable: true };
  if (status === 429) return { type: "rate_limit", message, httpStatus: status, retryable: true };
  if (status && status >= 500) return { type: "server_error", message, httpStatus: status, retryable: true };
  if (status === 401 || status === 403) return { type: "auth", message, httpStatus: status, retryable: false };
  if (status && status >= 400) return { type: "bad_request", message, httpStatus: status, retryable: false };
  if (err instanceof SyntaxError) return { type: "parse", message, retryable: false };
  return { type: "stream_interrupted", message, retryable: true };
}

async function callOpenAI(c: Clients, model: string, prompt: string, stream: boolean) {
  const messages = [{ role: "system" as const, content: "You are a helpful support assistant." }, { role: "user" as const, content: prompt }];
  const start = performance.now();
  if (!stream) {
    const r = await c.openai.chat.completions.create({ model, messages });
    const u = r.usage;
    const usage: Usage = { inputTokens: u?.prompt_tokens, outputTokens: u?.completion_tokens, cachedInputTokens: u?.prompt_tokens_details?.cached_tokens, reasoningTokens: u?.completion_tokens_details?.reasoning_tokens };
    return { output: r.choices[0]?.message, usage, ttft: undefined as number | undefined, messages, start };
  }
  const s = await c.openai.chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } });
  let text = "";
  let ttft: number | undefined;
  let u: OpenAI.CompletionUsage | undefined;
  for await (const chunk of s) {
    const delta = chunk.choices[0]?.delta?.content;
    if (delta && ttft === undefined) ttft = performance.now() - start;
    text += delta ?? "";
    u = chunk.usage ?? u;
  }
  const usage: Usage = { inputTokens: u?.prompt_tokens, outputTokens: u?.completion_tokens, cachedInputTokens: u?.prompt_tokens_details?.cached_tokens, reasoningTokens: u?.completion_tokens_details?.reasoning_tokens };
  return { output: { role: "assistant", content: text }, usage, ttft, messages, start };
}

async function callAnthropic(c: Clients, model: string, prompt: string, stream: boolean) {
  const messages = [{ role: "user" as const, content: prompt }];
  const start = performance.now();
  const toUsage = (u: Anthropic.Usage): Usage => {
    const cached = u.cache_read_input_tokens ?? 0;
    // Our contract counts cached input inside inputTokens; Anthropic reports it apart.
    return { inputTokens: u.input_tokens + cached + (u.cache_creation_input_tokens ?? 0), cachedInputTokens: cached, outputTokens: u.output_tokens };
  };
  if (!stream) {
    const r = await c.anthropic.messages.create({ model, max_tokens: 400, messages });
    return { output: r.content, usage: toUsage(r.usage), ttft: undefined as number | undefined, messages, start };
  }
  let ttft: number | undefined;
  const s = c.anthropic.messages.stream({ model, max_tokens: 400, messages });
  s.on("text", () => (ttft ??= performance.now() - start));
  const final = await s.finalMessage();
  return { output: final.content, usage: toUsage(final.usage), ttft, messages, start };
}

/** Runs one product request and returns its events (root span, children, the model call). */
export async function simulateRequest(c: Clients, p: Persona, rand: () => number): Promise<Event[]> {
  const traceId = `trace-${randomUUID()}`;
  const rootId = `span-${randomUUID()}`;
  const t0 = Date.now();
  const events: Event[] = [];
  const common = { traceId, userId: p.userId, sessionId: p.sessionId, endpoint: p.endpoint, environment: p.environment, release: "v1.4.2" };
  if (p.endpoint === "search-answer") {
    const ms = 20 + rand() * 80;
    await new Promise((r) => setTimeout(r, ms));
    events.push({ ...common, id: `span-${randomUUID()}`, parentId: rootId, kind: "retrieval", name: "vector search", startTime: t0, durationMs: ms });
  }
  const useAnthropic = rand() < 0.35;
  const model = useAnthropic ? ANTHROPIC_MODELS[Math.floor(rand() * ANTHROPIC_MODELS.length)]! : OPENAI_MODELS[Math.floor(rand() * OPENAI_MODELS.length)]!;
  const stream = p.endpoint === "support-chat" && rand() < 0.6;
  const prompt = `Customer ${p.userId} asks about order ${Math.floor(rand() * 1e6)}: ${"please help ".repeat(Math.floor(5 + rand() * 600))}`;
  const callStart = Date.now();
  const llm: Event = { ...common, id: `gen-${randomUUID()}`, parentId: rootId, kind: "llm", name: `${p.endpoint} answer`, provider: useAnthropic ? "anthropic" : "openai", model, startTime: callStart, durationMs: 0, prompt: { name: p.endpoint, version: p.endpoint === "support-chat" && rand() < 0.3 ? 8 : 7 }, flags: { "new-ranker": rand() < 0.5 ? "on" : "off" }, tags: stream ? ["streaming"] : [] };
  try {
    const r = useAnthropic ? await callAnthropic(c, model, prompt, stream) : await callOpenAI(c, model, prompt, stream);
    Object.assign(llm, { input: r.messages, output: r.output, usage: r.usage, timeToFirstTokenMs: r.ttft, durationMs: performance.now() - r.start });
  } catch (err) {
    Object.assign(llm, { status: "error", error: classify(err), durationMs: Date.now() - callStart, input: [{ role: "user", content: prompt.slice(0, 200) }] });
  }
  events.push(llm);
  if (p.endpoint === "classify") {
    events.push({ ...common, id: `span-${randomUUID()}`, parentId: rootId, kind: "tool", name: "route ticket", startTime: Date.now(), durationMs: 2 + rand() * 10 });
  }
  // The request as a whole failed when its model call did, with the same error class.
  events.push({ ...common, id: rootId, kind: "span", name: p.endpoint, startTime: t0, endTime: Date.now(), ...(llm.status === "error" ? { status: "error" as const, error: llm.error } : {}) });
  return events;
}
