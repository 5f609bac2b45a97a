/** Reading and rewriting the text of a provider's answer, whatever its shape (chat, Responses, Messages). */

type Part = { type?: string; text?: unknown };
type Answer = {
  choices?: { message?: { content?: unknown } }[];
  content?: Part[];
  output?: { content?: Part[] }[];
  output_text?: unknown;
};

/** The answer's text: the first chat choice, the Messages text blocks, or the Responses output text. */
export function answerText(value: unknown): string | undefined {
  const a = value as Answer | null;
  if (!a || typeof a !== "object") return undefined;
  if (Array.isArray(a.choices)) {
    const c = a.choices[0]?.message?.content;
    return typeof c === "string" ? c : undefined;
  }
  if (Array.isArray(a.content)) return a.content.filter((b) => b.type === "text" && typeof b.text === "string").map((b) => b.text as string).join("");
  if (typeof a.output_text === "string") return a.output_text;
  return undefined;
}

/** Rewrites every text of the answer in place (used to redact). */
export function rewriteText(value: unknown, fn: (text: string) => string): void {
  const a = value as Answer | null;
  if (!a || typeof a !== "object") return;
  for (const c of a.choices ?? []) if (c.message && typeof c.message.content === "string") c.message.content = fn(c.message.content);
  if (Array.isArray(a.content)) for (const b of a.content) if (typeof b.text === "string") b.text = fn(b.text);
  for (const o of Array.isArray(a.output) ? a.output : []) for (const b of o.content ?? []) if (typeof b.text === "string") b.text = fn(b.text);
  if (typeof a.output_text === "string") a.output_text = fn(a.output_text);
}

/** The text a streamed chunk adds (OpenAI chat delta, Anthropic text delta, Responses text delta). */
export function chunkText(chunk: unknown): string {
  const c = chunk as { choices?: { delta?: { content?: unknown } }[]; type?: string; delta?: unknown };
  const d = c?.choices?.[0]?.delta?.content;
  if (typeof d === "string") return d;
  if (c?.type === "content_block_delta") {
    const t = (c.delta as { text?: unknown } | undefined)?.text;
    return typeof t === "string" ? t : "";
  }
  if (c?.type === "response.output_text.delta" && typeof c.delta === "string") return c.delta;
  return "";
}
