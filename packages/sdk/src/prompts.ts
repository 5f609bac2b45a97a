import { compileTemplate, variablesOf, type PromptBody, type Variables } from "./prompts-template.js";
import { markCompiled } from "./prompts-registry.js";

/** A prompt version as `GET /api/v1/prompts/{name}` answers it. */
export type PromptData = {
  name: string;
  type: "text" | "chat";
  version: number;
  prompt: PromptBody;
  config: Record<string, unknown>;
  labels: string[];
  createdAt?: string;
};

/** What `get` returns when the server cannot be asked and nothing is cached: your own copy of the prompt. */
export type PromptFallback = { prompt: PromptBody; type?: "text" | "chat"; config?: Record<string, unknown>; version?: number };

/**
 * One prompt version: its template, its config (model, temperature …) and `compile(vars)`.
 * A fallback has `isFallback: true` and version 0 unless you gave one; calls made with it
 * are attributed to a version only when it has one.
 */
export class Prompt<B extends PromptBody = PromptBody> {
  readonly name: string;
  readonly type: "text" | "chat";
  readonly version: number;
  readonly prompt: B;
  readonly config: Record<string, unknown>;
  readonly labels: string[];
  readonly isFallback: boolean;

  constructor(data: PromptData, isFallback = false) {
    this.name = data.name;
    this.type = data.type;
    this.version = data.version;
    this.prompt = data.prompt as B;
    this.config = data.config ?? {};
    this.labels = data.labels ?? [];
    this.isFallback = isFallback;
  }

  static fromFallback<B extends PromptBody = PromptBody>(name: string, f: PromptFallback): Prompt<B> {
    const type = f.type ?? (typeof f.prompt === "string" ? "text" : "chat");
    return new Prompt<B>({ name, type, version: f.version ?? 0, prompt: f.prompt, config: f.config ?? {}, labels: [] }, true);
  }

  /** The `{{variables}}` the template uses. */
  variables(): string[] {
    return variablesOf(this.prompt);
  }

  /**
   * The template with every variable filled: a string (text) or `[{role, content}]` (chat),
   * ready for the OpenAI and Anthropic clients. Throws `PromptCompileError` naming any
   * missing variable or any given one the template does not use.
   */
  compile(vars: Variables = {}): B {
    const out = compileTemplate(this.prompt, vars, this.name);
    if (this.version > 0) markCompiled(out, { name: this.name, version: this.version });
    return out;
  }

  toJSON(): PromptData & { isFallback: boolean } {
    return { name: this.name, type: this.type, version: this.version, prompt: this.prompt, config: this.config, labels: this.labels, isFallback: this.isFallback };
  }
}

/** Reads an answer body into a Prompt; anything not shaped like one is refused. */
export function parsePrompt(body: unknown): Prompt | null {
  const b = body as Partial<PromptData> | null;
  if (!b || typeof b.name !== "string" || (b.type !== "text" && b.type !== "chat") || typeof b.version !== "number") return null;
  const okBody = typeof b.prompt === "string" || (Array.isArray(b.prompt) && b.prompt.every((m) => typeof m?.role === "string" && typeof m?.content === "string"));
  if (!okBody) return null;
  return new Prompt({ name: b.name, type: b.type, version: b.version, prompt: b.prompt!, config: typeof b.config === "object" && b.config ? b.config : {}, labels: Array.isArray(b.labels) ? b.labels : [], createdAt: b.createdAt });
}

export { PromptCompileError, variablesOf, compileTemplate, type ChatMessage, type PromptBody, type Variables } from "./prompts-template.js";
