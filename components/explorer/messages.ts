// Turns a recorded input or output body into chat messages when it looks like one:
// OpenAI chat and Responses shapes, Anthropic messages and content blocks, or plain
// text. Anything else returns null and is shown as JSON. Pure, so it is tested alone.

export type ChatPart =
  | { kind: "text"; text: string; label?: string }
  | { kind: "tool_call"; name: string; id?: string; args: string }
  | { kind: "tool_result"; id?: string; text: string }
  | { kind: "media"; label: string }
  | { kind: "json"; value: unknown };

export type ChatMessage = { role: string; name?: string; parts: ChatPart[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const asText = (v: unknown): string => (typeof v === "string" ? v : JSON.stringify(v, null, 2));

const TEXT_TYPES = new Set(["text", "input_text", "output_text"]);
const MEDIA_TYPES = new Set(["image", "image_url", "input_image", "input_audio", "audio", "document", "file", "input_file"]);

/** One content part or block (OpenAI parts, Responses items, Anthropic blocks). */
function toPart(v: unknown): ChatPart {
  if (typeof v === "string") return { kind: "text", text: v };
  if (!isObj(v)) return { kind: "json", value: v };
  const type = str(v.type);
  if (type && TEXT_TYPES.has(type) && typeof v.text === "string") return { kind: "text", text: v.text };
  if (type === "refusal" && typeof v.refusal === "string") return { kind: "text", text: v.refusal, label: "refusal" };
  if (type === "thinking" && typeof v.thinking === "string") return { kind: "text", text: v.thinking, label: "thinking" };
  if (type === "tool_use") return { kind: "tool_call", name: str(v.name) ?? "tool", id: str(v.id), args: asText(v.input ?? {}) };
  if (type === "function_call") return { kind: "tool_call", name: str(v.name) ?? "function", id: str(v.call_id) ?? str(v.id), args: asText(v.arguments ?? "") };
  if (type === "tool_result") return { kind: "tool_result", id: str(v.tool_use_id), text: contentText(v.content) };
  if (type === "function_call_output") return { kind: "tool_result", id: str(v.call_id), text: asText(v.output ?? "") };
  if (type && MEDIA_TYPES.has(type)) return { kind: "media", label: type.replace(/^input_/, "").replace("_url", "") };
  return { kind: "json", value: v };
}

/** Text of a tool result's content (a string or parts), for one bubble. */
function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (Array.isArray(content)) return content.map((p) => { const part = toPart(p); return part.kind === "text" ? part.text : asText(p); }).join("\n");
  return content === undefined ? "" : asText(content);
}

function contentParts(content: unknown): ChatPart[] {
  if (content === null || content === undefined || content === "") return [];
  if (Array.isArray(content)) return content.map(toPart);
  return [toPart(content)];
}

/** A message object ({role, content, tool_calls?}), a Responses item, or null. */
function toMessage(v: unknown, fallbackRole: string): ChatMessage | null {
  if (!isObj(v)) return null;
  const role = str(v.role);
  if (role) {
    const parts = contentParts(v.content);
    if (typeof v.refusal === "string" && v.refusal) parts.push({ kind: "text", text: v.refusal, label: "refusal" });
    if (Array.isArray(v.tool_calls)) {
      for (const call of v.tool_calls) {
        const fn = isObj(call) && isObj(call.function) ? call.function : {};
        parts.push({ kind: "tool_call", name: str(fn.name) ?? "function", id: isObj(call) ? str(call.id) : undefined, args: asText(fn.arguments ?? "") });
      }
    }
    if (role === "tool" && typeof v.tool_call_id === "string" && parts.length === 1 && parts[0]!.kind === "text") {
      return { role, parts: [{ kind: "tool_result", id: v.tool_call_id, text: parts[0]!.text }] };
    }
    return { role, name: str(v.name), parts };
  }
  const type = str(v.type);
  if (type === "function_call") return { role: "assistant", parts: [toPart(v)] };
  if (type === "function_call_output") return { role: "tool", parts: [toPart(v)] };
  if (type && (TEXT_TYPES.has(type) || type === "tool_use" || type === "tool_result" || type === "thinking" || type === "refusal")) {
    return { role: type === "tool_result" ? "tool" : fallbackRole, parts: [toPart(v)] };
  }
  return null;
}

/**
 * The chat messages a body holds, or null when it is not chat-shaped. `fallbackRole`
 * names bare content (plain text, Anthropic's output blocks): "user" for input,
 * "assistant" for output.
 */
export function toChat(body: unknown, fallbackRole: "user" | "assistant"): ChatMessage[] | null {
  if (typeof body === "string") return body ? [{ role: fallbackRole, parts: [{ kind: "text", text: body }] }] : null;
  if (Array.isArray(body)) {
    if (body.length === 0) return null;
    const messages = body.map((v) => toMessage(v, fallbackRole));
    if (messages.some((m) => m === null)) return null;
    // Consecutive bare blocks of one role (Anthropic output) read as one message.
    const merged: ChatMessage[] = [];
    let lastBare = false;
    (messages as ChatMessage[]).forEach((m, i) => {
      const item = body[i];
      const bare = !(isObj(item) && typeof item.role === "string");
      const last = merged.at(-1);
      if (last && bare && lastBare && last.role === m.role) last.parts.push(...m.parts);
      else merged.push({ ...m, parts: [...m.parts] });
      lastBare = bare;
    });
    return merged;
  }
  if (!isObj(body)) return null;
  if (Array.isArray(body.messages)) {
    const chat = toChat(body.messages, fallbackRole);
    if (!chat) return null;
    return typeof body.system === "string" && body.system ? [{ role: "system", parts: [{ kind: "text", text: body.system }] }, ...chat] : chat;
  }
  if (Array.isArray(body.choices)) {
    const chat = body.choices.map((c) => toMessage(isObj(c) ? c.message : null, fallbackRole));
    return chat.length && chat.every((m) => m !== null) ? (chat as ChatMessage[]) : null;
  }
  const single = toMessage(body, fallbackRole);
  if (single) return [single];
  // `{text: "…"}` or `{content: "…"}` alone: plain text the app recorded.
  const keys = Object.keys(body);
  if (keys.length === 1 && (keys[0] === "text" || keys[0] === "content") && typeof body[keys[0]] === "string") {
    return [{ role: fallbackRole, parts: [{ kind: "text", text: body[keys[0]] as string }] }];
  }
  return null;
}
