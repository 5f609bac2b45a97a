/**
 * Chat request/response mapping between OpenAI Chat Completions and Anthropic Messages,
 * for fallbacks across providers. Text, system prompts, the usual sampling parameters and
 * usage are mapped; tool calls and images are not (a step that would need them fails and
 * the chain moves on).
 */
type Params = Record<string, unknown>;
type ChatMessage = { role: string; content: unknown };

const text = (content: unknown): string => {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) {
    return content
      .map((p: { type?: string; text?: unknown }) => {
        if ((p.type === "text" || p.type === "input_text") && typeof p.text === "string") return p.text;
        throw new Error(`Cannot map a ${String(p.type)} part to the other provider.`);
      })
      .join("");
  }
  if (content == null) return "";
  throw new Error("Cannot map this message content to the other provider.");
};

const STOP_OF_FINISH: Record<string, string> = { stop: "end_turn", length: "max_tokens", content_filter: "refusal", tool_calls: "tool_use" };
const FINISH_OF_STOP: Record<string, string> = { end_turn: "stop", stop_sequence: "stop", max_tokens: "length", refusal: "content_filter", tool_use: "tool_calls" };

/** An OpenAI chat request as an Anthropic Messages request for `model`. */
export function chatToMessages(p: Params, model: string): Params {
  const msgs = (Array.isArray(p.messages) ? p.messages : []) as ChatMessage[];
  const system = msgs.filter((m) => m.role === "system" || m.role === "developer").map((m) => text(m.content)).join("\n\n");
  const out: Params = {
    model,
    max_tokens: (p.max_completion_tokens ?? p.max_tokens ?? 1024) as number,
    messages: msgs
      .filter((m) => m.role !== "system" && m.role !== "developer")
      .map((m) => {
        if (m.role !== "user" && m.role !== "assistant") throw new Error(`Cannot map a ${m.role} message to Anthropic.`);
        return { role: m.role, content: text(m.content) };
      }),
  };
  if (system) out.system = system;
  for (const k of ["temperature", "top_p", "stream"] as const) if (p[k] !== undefined && p[k] !== null) out[k] = p[k];
  if (p.stop != null) out.stop_sequences = Array.isArray(p.stop) ? p.stop : [p.stop];
  return out;
}

/** An Anthropic Messages request as an OpenAI chat request for `model`. */
export function messagesToChat(p: Params, model: string): Params {
  const msgs = (Array.isArray(p.messages) ? p.messages : []) as ChatMessage[];
  const out: Params = {
    model,
    messages: [...(p.system !== undefined ? [{ role: "system", content: text(p.system) }] : []), ...msgs.map((m) => ({ role: m.role, content: text(m.content) }))],
  };
  if (p.max_tokens !== undefined) out.max_tokens = p.max_tokens;
  for (const k of ["temperature", "top_p", "stream"] as const) if (p[k] !== undefined && p[k] !== null) out[k] = p[k];
  if (Array.isArray(p.stop_sequences)) out.stop = p.stop_sequences;
  return out;
}

type Message = { id?: string; model?: string; content?: { type?: string; text?: string }[]; stop_reason?: string | null; usage?: { input_tokens?: number; output_tokens?: number; cache_read_input_tokens?: number | null } };
type Completion = { id?: string; model?: string; created?: number; choices?: { message?: { content?: unknown }; finish_reason?: string | null }[]; usage?: { prompt_tokens?: number; completion_tokens?: number } };

/** An Anthropic Message answer as an OpenAI chat completion. */
export function messageToCompletion(m: Message): Params {
  const input = (m.usage?.input_tokens ?? 0) + (m.usage?.cache_read_input_tokens ?? 0);
  const output = m.usage?.output_tokens ?? 0;
  return {
    id: m.id ?? "",
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: m.model ?? "",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: (m.content ?? []).filter((b) => b.type === "text").map((b) => b.text ?? "").join(""), refusal: null },
        finish_reason: FINISH_OF_STOP[m.stop_reason ?? ""] ?? "stop",
        logprobs: null,
      },
    ],
    usage: { prompt_tokens: input, completion_tokens: output, total_tokens: input + output },
  };
}

/** An OpenAI chat completion as an Anthropic Message. */
export function completionToMessage(c: Completion): Params {
  const choice = c.choices?.[0];
  return {
    id: c.id ?? "",
    type: "message",
    role: "assistant",
    model: c.model ?? "",
    content: [{ type: "text", text: typeof choice?.message?.content === "string" ? choice.message.content : "" }],
    stop_reason: STOP_OF_FINISH[choice?.finish_reason ?? ""] ?? "end_turn",
    stop_sequence: null,
    usage: { input_tokens: c.usage?.prompt_tokens ?? 0, output_tokens: c.usage?.completion_tokens ?? 0 },
  };
}
