import type { Usage } from "./events.js";
import { num, paramMetadata, snapshot, str, type CallSpec, type Fields, type Params } from "./provider-call.js";
import type { StreamReader } from "./stream.js";

const PARAMS = ["temperature", "top_p", "max_tokens", "max_completion_tokens", "max_output_tokens", "seed", "n", "reasoning_effort", "stream", "frequency_penalty", "presence_penalty"] as const;

type OpenAIUsage = {
  prompt_tokens?: number; completion_tokens?: number; input_tokens?: number; output_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number }; completion_tokens_details?: { reasoning_tokens?: number };
  input_tokens_details?: { cached_tokens?: number }; output_tokens_details?: { reasoning_tokens?: number };
};

/** Chat Completions and Responses count tokens under different names; both include cached/reasoning in the totals, as our contract does. */
export function openaiUsage(u: OpenAIUsage | null | undefined): Usage | undefined {
  if (!u) return undefined;
  return {
    inputTokens: num(u.prompt_tokens ?? u.input_tokens),
    outputTokens: num(u.completion_tokens ?? u.output_tokens),
    cachedInputTokens: num(u.prompt_tokens_details?.cached_tokens ?? u.input_tokens_details?.cached_tokens),
    reasoningTokens: num(u.completion_tokens_details?.reasoning_tokens ?? u.output_tokens_details?.reasoning_tokens),
  };
}

const filtered = (finish: unknown) => (finish === "content_filter" ? { type: "content_filter", message: "The provider's content filter stopped the answer.", retryable: false } : undefined);

type Choice = { message?: unknown; finish_reason?: string | null; delta?: { content?: string | null; refusal?: string | null; role?: string; tool_calls?: { index?: number; id?: string; function?: { name?: string; arguments?: string } }[] } };
type ChatAnswer = { model?: string; choices?: Choice[]; usage?: OpenAIUsage | null };

function chatReader(changed: boolean): StreamReader {
  let model: string | undefined;
  let text = "";
  let refusal = "";
  let usage: OpenAIUsage | undefined;
  let finish: string | undefined;
  const tools: { id?: string; name: string; arguments: string }[] = [];
  return {
    read(chunk) {
      const c = chunk as ChatAnswer;
      model ??= c.model;
      if (c.usage) usage = c.usage;
      const choice = c.choices?.[0];
      if (!choice) return false;
      if (choice.finish_reason) finish = choice.finish_reason;
      const d = choice.delta;
      if (!d) return false;
      if (d.content) text += d.content;
      if (d.refusal) refusal += d.refusal;
      for (const t of d.tool_calls ?? []) {
        const at = t.index ?? 0;
        tools[at] ??= { id: t.id, name: "", arguments: "" };
        tools[at]!.name += t.function?.name ?? "";
        tools[at]!.arguments += t.function?.arguments ?? "";
      }
      return !!(d.content || d.refusal || d.tool_calls?.length);
    },
    hide: (chunk) => changed && Array.isArray((chunk as ChatAnswer).choices) && (chunk as ChatAnswer).choices!.length === 0 && !!(chunk as ChatAnswer).usage,
    finish() {
      const output: Record<string, unknown> = { role: "assistant", content: text };
      if (refusal) output.refusal = refusal;
      if (tools.length) output.tool_calls = tools.map((t) => ({ id: t.id, type: "function", function: { name: t.name, arguments: t.arguments } }));
      const fields: Fields = { output, usage: openaiUsage(usage), metadata: finish ? { "llm.finish_reason": finish } : undefined };
      if (model) fields.model = model;
      return { fields, complete: finish !== undefined, problem: filtered(finish) };
    },
  };
}

const chat: CallSpec = {
  provider: "openai",
  kind: "llm",
  start(p) {
    const fields: Fields = { model: str(p.model), input: snapshot(p.messages), metadata: paramMetadata(p, PARAMS) };
    // Ask for usage on streams (that is where cost comes from) and hide the extra chunk from the app.
    const wantsUsage = p.stream === true && (p.stream_options as { include_usage?: boolean } | undefined)?.include_usage === undefined;
    return wantsUsage ? { fields, params: { ...p, stream_options: { ...(p.stream_options as object | undefined), include_usage: true } } } : { fields };
  },
  result(value) {
    const a = value as ChatAnswer;
    const choices = a.choices ?? [];
    const finish = choices[0]?.finish_reason;
    const fields: Fields = { output: choices.length === 1 ? choices[0]!.message : choices.map((c) => c.message), usage: openaiUsage(a.usage), metadata: finish ? { "llm.finish_reason": finish } : undefined };
    if (a.model) fields.model = a.model;
    return { fields, problem: filtered(finish) };
  },
  reader: (_p, changed) => chatReader(changed),
};

type ResponseObject = { model?: string; output?: unknown; usage?: OpenAIUsage | null; status?: string; error?: { code?: string; message?: string } | null; incomplete_details?: { reason?: string } | null };

function responseResult(r: ResponseObject): { fields: Fields; problem?: ReturnType<typeof filtered> | { type: string; message: string; retryable: boolean } } {
  const fields: Fields = { output: r.output, usage: openaiUsage(r.usage) };
  if (r.model) fields.model = r.model;
  if (r.status === "failed") return { fields, problem: { type: "server_error", message: r.error?.message ?? "The response failed.", retryable: true } };
  if (r.incomplete_details?.reason) fields.metadata = { "llm.finish_reason": r.incomplete_details.reason };
  return { fields, problem: filtered(r.incomplete_details?.reason) };
}

const responses: CallSpec = {
  provider: "openai",
  kind: "llm",
  start: (p) => ({
    fields: { model: str(p.model), input: typeof p.instructions === "string" ? [{ role: "system", content: p.instructions }, ...(Array.isArray(p.input) ? p.input : [{ role: "user", content: p.input }])] : snapshot(p.input), metadata: paramMetadata(p, PARAMS) },
  }),
  result: (value) => responseResult(value as ResponseObject),
  reader() {
    let final: ResponseObject | undefined;
    let text = "";
    let problem: { type: string; message: string; retryable: boolean } | undefined;
    return {
      read(chunk) {
        const e = chunk as { type?: string; delta?: string; response?: ResponseObject; message?: string; code?: string };
        if (e.type === "response.output_text.delta") {
          text += e.delta ?? "";
          return true;
        }
        if (e.type === "response.completed" || e.type === "response.incomplete" || e.type === "response.failed") final = e.response;
        if (e.type === "error") problem = { type: "server_error", message: e.message ?? "The stream reported an error.", retryable: true };
        return false;
      },
      finish() {
        if (!final) return { fields: { output: [{ type: "output_text", text }] }, complete: false, problem };
        const r = responseResult(final);
        return { fields: r.fields, complete: true, problem: problem ?? r.problem };
      },
    };
  },
};

const embeddings: CallSpec = {
  provider: "openai",
  kind: "embedding",
  start: (p) => ({ fields: { model: str(p.model), input: snapshot(p.input), metadata: paramMetadata(p, ["dimensions", "encoding_format"]) } }),
  result(value) {
    const a = value as { model?: string; data?: { embedding?: unknown[] }[]; usage?: OpenAIUsage };
    const fields: Fields = { output: { vectors: a.data?.length ?? 0, dimensions: a.data?.[0]?.embedding?.length ?? 0 }, usage: { inputTokens: num(a.usage?.prompt_tokens) } };
    if (a.model) fields.model = a.model;
    return { fields };
  },
};

/** What `wrapOpenAI` records, by method path. */
export const OPENAI_SPECS: Record<string, CallSpec> = {
  "chat.completions.create": chat,
  "responses.create": responses,
  "embeddings.create": embeddings,
};

export type { Params };
