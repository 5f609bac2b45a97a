/**
 * `{{variable}}` templates: the one definition of the syntax. The SDK compiles with it;
 * the console's editor and preview use the same rules (a test keeps them in step).
 * A variable name starts with a letter or `_` and may hold letters, digits, `_`, `.` and `-`.
 */
export type ChatMessage = { role: string; content: string };
export type PromptBody = string | ChatMessage[];
export type Variables = Record<string, string | number | boolean>;

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

/** The variables a template uses, in order of first appearance, each once. */
export function variablesOf(body: PromptBody): string[] {
  const seen = new Set<string>();
  const texts = typeof body === "string" ? [body] : body.map((m) => m.content);
  for (const text of texts) for (const m of text.matchAll(VARIABLE)) seen.add(m[1]!);
  return [...seen];
}

/** Thrown by `compile` when variables are missing or not in the template: a bug in the caller, so it is loud. */
export class PromptCompileError extends Error {
  constructor(
    readonly missing: string[],
    readonly unknown: string[],
    promptName = "the prompt",
  ) {
    const parts = [];
    if (missing.length) parts.push(`missing ${missing.map((v) => `"${v}"`).join(", ")}`);
    if (unknown.length) parts.push(`unknown ${unknown.map((v) => `"${v}"`).join(", ")} (not in the template)`);
    super(`Cannot compile ${promptName}: ${parts.join("; ")}.`);
    this.name = "PromptCompileError";
  }
}

function fill(text: string, vars: Variables): string {
  return text.replace(VARIABLE, (_, name: string) => String(vars[name]));
}

/** Fills every variable; throws naming each missing variable and each given one the template does not use. */
export function compileTemplate<B extends PromptBody>(body: B, vars: Variables = {}, promptName?: string): B {
  const used = variablesOf(body);
  const missing = used.filter((v) => !Object.hasOwn(vars, v) || vars[v] === undefined || vars[v] === null);
  const unknown = Object.keys(vars).filter((v) => !used.includes(v));
  if (missing.length || unknown.length) throw new PromptCompileError(missing, unknown, promptName === undefined ? undefined : `prompt "${promptName}"`);
  if (typeof body === "string") return fill(body, vars) as B;
  return body.map((m) => ({ ...m, content: fill(m.content, vars) })) as B;
}
