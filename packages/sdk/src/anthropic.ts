import type { Usage } from "./events.js";
import { num, paramMetadata, snapshot, str, type CallSpec, type Fields } from "./provider-call.js";

const PARAMS = ["temperature", "top_p", "top_k", "max_tokens", "stream"] as const;

type AnthropicUsage = { input_tokens?: number; output_tokens?: number; cache_read_input_tokens?: number | null; cache_creation_input_tokens?: number | null };
type Block = { type?: string; text?: string; name?: string; id?: string; input?: unknown };
type Message = { model?: string; content?: Block[]; stop_reason?: string | null; usage?: AnthropicUsage };

/** Anthropic counts cache reads and writes apart from `input_tokens`; our contract counts them inside `inputTokens`. */
export function anthropicUsage(u: AnthropicUsage | undefined): Usage | undefined {
  if (!u) return undefined;
  const cached = num(u.cache_read_input_tokens) ?? 0;
  const input = num(u.input_tokens);
  return {
    inputTokens: input === undefined ? undefined : input + cached + (num(u.cache_creation_input_tokens) ?? 0),
    cachedInputTokens: cached || undefined,
    outputTokens: num(u.output_tokens),
  };
}

const refused = (stop: unknown) => (stop === "refusal" ? { type: "content_filter", message: "The model refused (stop_reason: refusal).", retryable: false } : undefined);

function resultOf(m: Message): { fields: Fields; problem?: ReturnType<typeof refused> } {
  const fields: Fields = { output: m.content, usage: anthropicUsage(m.usage), metadata: m.stop_reason ? { "llm.stop_reason": m.stop_reason } : undefined };
  if (m.model) fields.model = m.model;
  return { fields, problem: refused(m.stop_reason) };
}

const messages: CallSpec = {
  provider: "anthropic",
  kind: "llm",
  start(p) {
    const input = p.system !== undefined ? [{ role: "system", content: p.system }, ...(Array.isArray(p.messages) ? p.messages : [])] : snapshot(p.messages);
    return { fields: { model: str(p.model), input, metadata: paramMetadata(p, PARAMS) } };
  },
  result: (value) => resultOf(value as Message),
  reader() {
    const message: Message = { content: [] };
    const usage: AnthropicUsage = {};
    const json: string[] = [];
    let stopped = false;
    return {
      read(chunk) {
        const e = chunk as { type?: string; message?: Message; index?: number; content_block?: Block; delta?: { type?: string; text?: string; partial_json?: string; stop_reason?: string }; usage?: AnthropicUsage };
        switch (e.type) {
          case "message_start":
            message.model = e.message?.model;
            Object.assign(usage, e.message?.usage);
            return false;
          case "content_block_start":
            message.content![e.index ?? 0] = { ...e.content_block };
            return false;
          case "content_block_delta": {
            const block = (message.content![e.index ?? 0] ??= { type: "text", text: "" });
            if (e.delta?.type === "text_delta") block.text = (block.text ?? "") + (e.delta.text ?? "");
            if (e.delta?.type === "input_json_delta") json[e.index ?? 0] = (json[e.index ?? 0] ?? "") + (e.delta.partial_json ?? "");
            return true;
          }
          case "message_delta":
            if (e.delta?.stop_reason) message.stop_reason = e.delta.stop_reason;
            for (const [k, v] of Object.entries(e.usage ?? {})) if (v != null) (usage as Record<string, unknown>)[k] = v;
            return false;
          case "message_stop":
            stopped = true;
            return false;
          default:
            return false;
        }
      },
      finish() {
        json.forEach((text, i) => {
          const block = message.content![i];
          if (block && text) {
            try {
              block.input = JSON.parse(text);
            } catch {
              block.input = text;
            }
          }
        });
        const r = resultOf({ ...message, content: message.content!.filter(Boolean), usage });
        return { fields: r.fields, complete: stopped, problem: r.problem };
      },
    };
  },
};

/** What `wrapAnthropic` records, by method path. */
export const ANTHROPIC_SPECS: Record<string, CallSpec> = {
  "messages.create": messages,
  "beta.messages.create": messages,
};
