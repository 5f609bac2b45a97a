// One simulated product request, written the way a user of the SDK writes it: a
// trace per request, retrieval and tool spans, and a model call through the real
// `openai` / `@anthropic-ai/sdk` clients wrapped by `Sextant` (against the fake provider).
import type Anthropic from "@anthropic-ai/sdk";
import type { Sextant } from "@sextant/sdk";
import type OpenAI from "openai";
import type { SupportModel } from "./flags";

/** `reliable`: the OpenAI client behind `sextant.reliable` (retry, breaker, fallback, cache), used by the classify endpoint. */
export type Clients = { openai: OpenAI; anthropic: Anthropic; reliable?: OpenAI };
export type Persona = { userId: string; sessionId: string; endpoint: string; environment: string };

export const OPENAI_MODELS = ["gpt-4o-2024-08-06", "gpt-4o-mini", "o3-mini", "gpt-4.1", "gpt-4.1-mini"];
export const ANTHROPIC_MODELS = ["claude-3-5-sonnet-20241022", "claude-3-5-haiku-20241022", "claude-haiku-4-5"];
export const ENDPOINTS = ["support-chat", "summarize", "classify", "search-answer"];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Message = { role: "system" | "user" | "assistant"; content: string };

/**
 * The messages for an endpoint: support-chat and summarize use managed prompts (fetched and
 * cached by the SDK, compiled, so the wrapped call carries their version by itself); the others
 * keep a hard-coded prompt. A fallback keeps the request going when the app is unreachable.
 */
async function messagesFor(sx: Sextant, endpoint: string, question: string, company: string): Promise<Message[]> {
  if (endpoint === "support-chat") {
    const p = await sx.prompts.get<Message[]>("support-chat", { cacheTtlMs: 10_000, fallback: { prompt: [{ role: "system", content: "You are a helpful support assistant for {{company}}." }, { role: "user", content: "{{question}}" }] } });
    return p.compile({ company, question });
  }
  if (endpoint === "summarize") {
    const p = await sx.prompts.get<string>("summarize", { cacheTtlMs: 10_000, fallback: { prompt: "Summarize this ticket in {{words}} words:\n\n{{ticket}}" } });
    return [{ role: "user", content: p.compile({ words: 50, ticket: question }) }];
  }
  return [{ role: "system", content: "You are a helpful support assistant." }, { role: "user", content: question }];
}

async function callOpenAI(c: Clients, model: string, messages: Message[], stream: boolean): Promise<void> {
  if (!stream) {
    await c.openai.chat.completions.create({ model, messages, temperature: 0.3 });
    return;
  }
  const s = await c.openai.chat.completions.create({ model, messages, stream: true });
  for await (const chunk of s) void chunk; // a real app would forward each delta to its user
}

async function callAnthropic(c: Clients, model: string, all: Message[], stream: boolean): Promise<void> {
  // Anthropic takes the system prompt apart from the messages.
  const system = all.find((m) => m.role === "system")?.content;
  const messages = all.filter((m) => m.role !== "system").map((m) => ({ role: m.role as "user" | "assistant", content: m.content }));
  if (!stream) {
    await c.anthropic.messages.create({ model, max_tokens: 400, messages, ...(system ? { system } : {}) });
    return;
  }
  await c.anthropic.messages.stream({ model, max_tokens: 400, messages, ...(system ? { system } : {}) }).finalMessage();
}

/**
 * Runs one product request as a trace. Resolves with the trace and its model call's id
 * (for feedback); a failed model call fails the request, as it would in the product.
 */
export function simulateRequest(sx: Sextant, c: Clients, p: Persona, rand: () => number, support?: SupportModel): Promise<{ traceId: string; generationId?: string }> {
  const anthropicDraw = rand() < 0.35;
  const drawn = anthropicDraw ? ANTHROPIC_MODELS[Math.floor(rand() * ANTHROPIC_MODELS.length)]! : OPENAI_MODELS[Math.floor(rand() * OPENAI_MODELS.length)]!;
  // Support chat's model comes from the support-model flag when it is loaded (see flags.ts).
  const model = support?.model ?? drawn;
  const useAnthropic = support ? ANTHROPIC_MODELS.includes(support.model) : anthropicDraw;
  const stream = p.endpoint === "support-chat" && rand() < 0.6;
  const prompt = `Customer ${p.userId} asks about order ${Math.floor(rand() * 1e6)}: ${"please help ".repeat(Math.floor(5 + rand() * 600))}`;
  const version = p.endpoint === "support-chat" && rand() < 0.3 ? 8 : 7;
  const managed = p.endpoint === "support-chat" || p.endpoint === "summarize";
  const ranker = rand() < 0.5 ? "on" : "off";
  const retrievalMs = 20 + rand() * 80;
  const toolMs = 2 + rand() * 10;
  return sx.trace(
    p.endpoint,
    async (root) => {
      if (p.endpoint === "search-answer") await sx.span("vector search", () => sleep(retrievalMs), { kind: "retrieval" });
      const messages = await messagesFor(sx, p.endpoint, prompt, "Acme");
      // Classify goes through the reliability toolkit, as a production app would: its retries,
      // fallbacks and cache hits show on the Errors dashboard.
      const openai = p.endpoint === "classify" && c.reliable ? { ...c, openai: c.reliable } : c;
      await (useAnthropic ? callAnthropic(c, model, messages, stream) : callOpenAI(openai, model, messages, stream));
      const generationId = root.lastGenerationId;
      if (p.endpoint === "classify") await sx.span("route ticket", () => sleep(toolMs), { kind: "tool" });
      return { traceId: root.traceId, generationId };
    },
    {
      userId: p.userId,
      sessionId: p.sessionId,
      endpoint: p.endpoint,
      environment: p.environment,
      // Managed prompts attribute their own version; the others name a hand-kept one.
      prompt: managed ? undefined : { name: p.endpoint, version },
      flags: support ? { "new-ranker": ranker, "support-model": support.variant } : { "new-ranker": ranker },
      tags: stream ? ["streaming"] : [],
    },
  );
}
