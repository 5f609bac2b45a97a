/**
 * Remembers what `prompt.compile()` returned, so a wrapped provider call made with it is
 * attributed to `prompt: {name, version}` without the app saying so. Message arrays and
 * message objects are held weakly; compiled strings in a small bounded map (a string has no
 * identity, so equal text counts as the same prompt).
 */
export type PromptRef = { name: string; version: number };

const objects = new WeakMap<object, PromptRef>();
const texts = new Map<string, PromptRef>();
const MAX_TEXTS = 256;
const MAX_TEXT_LENGTH = 200_000;

function rememberText(text: string, ref: PromptRef): void {
  if (text.length === 0 || text.length > MAX_TEXT_LENGTH) return;
  texts.delete(text);
  texts.set(text, ref);
  if (texts.size > MAX_TEXTS) texts.delete(texts.keys().next().value!);
}

/** Marks a compiled prompt (text, or messages and each of them) as coming from this version. */
export function markCompiled(value: unknown, ref: PromptRef): void {
  if (typeof value === "string") return rememberText(value, ref);
  if (!Array.isArray(value)) return;
  objects.set(value, ref);
  for (const m of value) {
    if (typeof m !== "object" || m === null) continue;
    objects.set(m, ref);
    const content = (m as { content?: unknown }).content;
    if (typeof content === "string") rememberText(content, ref);
  }
}

function refOf(value: unknown): PromptRef | undefined {
  if (typeof value === "string") return texts.get(value);
  if (typeof value !== "object" || value === null) return undefined;
  const direct = objects.get(value);
  if (direct) return direct;
  if (!Array.isArray(value)) return refOf((value as { content?: unknown }).content);
  for (const item of value) {
    const found = refOf(item);
    if (found) return found;
  }
  return undefined;
}

/** The prompt version a provider request was built from, if it used a compiled prompt (messages, input, system, instructions). */
export function promptOfParams(params: Record<string, unknown>): PromptRef | undefined {
  for (const field of ["messages", "system", "instructions", "input", "prompt"]) {
    const v = params[field];
    if (v === undefined) continue;
    const found = refOf(v);
    if (found) return found;
  }
  return undefined;
}
