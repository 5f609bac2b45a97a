import type { ServerResponse } from "node:http";
import { promptTokens, reply, type Fault, type ProviderOptions } from "./shape";
import { fail, json, sse, streamWords } from "./http";

type MessagesBody = { model?: string; messages?: unknown; system?: unknown; max_tokens?: number; stream?: boolean };

/** Anthropic-compatible `POST /v1/messages`, streaming (the real event sequence) and not. */
export async function messages(res: ServerResponse, body: MessagesBody, rand: () => number, opts: ProviderOptions, fault: Fault): Promise<void> {
  if (fault !== "none" && fault !== "midstream" && fault !== "malformed") return fail(res, fault, "anthropic", opts.retryAfterMs);
  const model = body.model ?? "claude-3-5-haiku-20241022";
  const input = promptTokens([body.system, body.messages]);
  const cacheRead = input > 1024 ? Math.floor(input / 2) : 0;
  const words = reply(rand, Math.min(body.max_tokens ?? 400, Math.floor(10 + rand() * 120)));
  const id = `msg_${Math.floor(rand() * 1e12).toString(36)}`;
  // Anthropic counts cached input apart from input_tokens.
  const usage = { input_tokens: input - cacheRead, output_tokens: words.length, cache_read_input_tokens: cacheRead, cache_creation_input_tokens: 0 };
  if (!body.stream) {
    return json(res, { id, type: "message", role: "assistant", model, content: [{ type: "text", text: words.join("") }], stop_reason: "end_turn", stop_sequence: null, usage }, fault);
  }
  const send = sse(res, true);
  send({ type: "message_start", message: { id, type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } });
  send({ type: "content_block_start", index: 0, content_block: { type: "text", text: "" } });
  if (!(await streamWords(res, words, fault, opts.chunkDelayMs, (w) => send({ type: "content_block_delta", index: 0, delta: { type: "text_delta", text: w } })))) return;
  send({ type: "content_block_stop", index: 0 });
  send({ type: "message_delta", delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: words.length } });
  send({ type: "message_stop" });
  res.end();
}
