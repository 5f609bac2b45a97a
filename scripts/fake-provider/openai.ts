import type { ServerResponse } from "node:http";
import { promptTokens, reply, type Fault, type ProviderOptions } from "./shape";
import { fail, json, sse, streamWords } from "./http";

type ChatBody = { model?: string; messages?: unknown; stream?: boolean; stream_options?: { include_usage?: boolean }; max_tokens?: number; max_completion_tokens?: number };

/** OpenAI-compatible `POST /v1/chat/completions`, streaming and not, with usage incl. cached and reasoning tokens. */
export async function chatCompletions(res: ServerResponse, body: ChatBody, rand: () => number, opts: ProviderOptions, fault: Fault): Promise<void> {
  if (fault !== "none" && fault !== "midstream" && fault !== "malformed") return fail(res, fault, "openai", opts.retryAfterMs);
  const model = body.model ?? "gpt-4o-mini";
  const input = promptTokens(body.messages);
  const cached = input > 1024 ? Math.floor(input / 2) : 0;
  const reasoning = /^o\d|gpt-5/.test(model) ? Math.floor(20 + rand() * 200) : 0;
  const words = reply(rand, Math.min(body.max_completion_tokens ?? body.max_tokens ?? 400, Math.floor(10 + rand() * 120)));
  const usage = {
    prompt_tokens: input,
    completion_tokens: words.length + reasoning,
    total_tokens: input + words.length + reasoning,
    prompt_tokens_details: { cached_tokens: cached },
    completion_tokens_details: { reasoning_tokens: reasoning },
  };
  const id = `chatcmpl-${Math.floor(rand() * 1e12).toString(36)}`;
  const created = Math.floor(Date.now() / 1000);
  if (!body.stream) {
    return json(res, { id, object: "chat.completion", created, model, choices: [{ index: 0, message: { role: "assistant", content: words.join(""), refusal: null }, finish_reason: "stop", logprobs: null }], usage }, fault);
  }
  const send = sse(res);
  const chunk = (delta: object, finish: string | null = null) => ({ id, object: "chat.completion.chunk", created, model, choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }] });
  send(chunk({ role: "assistant", content: "" }));
  if (!(await streamWords(res, words, fault, opts.chunkDelayMs, (w) => send(chunk({ content: w }))))) return;
  send(chunk({}, "stop"));
  if (body.stream_options?.include_usage) send({ id, object: "chat.completion.chunk", created, model, choices: [], usage });
  res.end("data: [DONE]\n\n");
}

/** OpenAI-compatible `POST /v1/embeddings`. */
export function embeddings(res: ServerResponse, body: { model?: string; input?: string | string[] }, rand: () => number, fault: Fault): void {
  if (fault !== "none") return fail(res, fault === "midstream" || fault === "malformed" ? "server_error" : fault, "openai");
  const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ""];
  const data = inputs.map((_, index) => ({ object: "embedding", index, embedding: Array.from({ length: 8 }, () => rand() * 2 - 1) }));
  const tokens = inputs.reduce((s, i) => s + promptTokens(i), 0);
  res.writeHead(200, { "content-type": "application/json" });
  res.end(JSON.stringify({ object: "list", data, model: body.model ?? "text-embedding-3-small", usage: { prompt_tokens: tokens, total_tokens: tokens } }));
}

type ResponsesBody = { model?: string; input?: unknown; instructions?: unknown; stream?: boolean; max_output_tokens?: number };

/** OpenAI-compatible `POST /v1/responses` (the Responses API), streaming (typed events) and not. */
export async function responses(res: ServerResponse, body: ResponsesBody, rand: () => number, opts: ProviderOptions, fault: Fault): Promise<void> {
  if (fault !== "none" && fault !== "midstream" && fault !== "malformed") return fail(res, fault, "openai", opts.retryAfterMs);
  const model = body.model ?? "gpt-4o-mini";
  const input = promptTokens([body.instructions, body.input]);
  const cached = input > 1024 ? Math.floor(input / 2) : 0;
  const reasoning = /^o\d|gpt-5/.test(model) ? Math.floor(20 + rand() * 200) : 0;
  const words = reply(rand, Math.min(body.max_output_tokens ?? 400, Math.floor(10 + rand() * 120)));
  const id = `resp_${Math.floor(rand() * 1e12).toString(36)}`;
  const usage = { input_tokens: input, input_tokens_details: { cached_tokens: cached }, output_tokens: words.length + reasoning, output_tokens_details: { reasoning_tokens: reasoning }, total_tokens: input + words.length + reasoning };
  const message = (text: string) => ({ id: `msg_${id}`, type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text, annotations: [] }] });
  const response = (status: string, text: string, u: object | null) => ({ id, object: "response", created_at: Math.floor(Date.now() / 1000), status, model, output: text ? [message(text)] : [], usage: u, error: null, incomplete_details: null });
  if (!body.stream) return json(res, response("completed", words.join(""), usage), fault);
  const send = sse(res, true);
  let seq = 0;
  send({ type: "response.created", sequence_number: seq++, response: response("in_progress", "", null) });
  const sent = await streamWords(res, words, fault, opts.chunkDelayMs, (w) => send({ type: "response.output_text.delta", sequence_number: seq++, item_id: `msg_${id}`, output_index: 0, content_index: 0, delta: w }));
  if (!sent) return;
  send({ type: "response.completed", sequence_number: seq++, response: response("completed", words.join(""), usage) });
  res.end();
}
