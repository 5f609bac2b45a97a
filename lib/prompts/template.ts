// Client-safe copy of the SDK's template rules (packages/sdk/src/prompts-template.ts): the
// console's editor and preview run in the browser, where the SDK's Node modules cannot.
// template.test.ts holds both to the same answers.
export type ChatMessage = { role: string; content: string };
export type PromptBody = string | ChatMessage[];

const VARIABLE = /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g;

export function variablesOf(body: PromptBody): string[] {
  const seen = new Set<string>();
  const texts = typeof body === "string" ? [body] : body.map((m) => m.content);
  for (const text of texts) for (const m of text.matchAll(VARIABLE)) seen.add(m[1]!);
  return [...seen];
}

/** The preview: every variable filled from `vars`; a blank one stays visible as {{name}} and is listed as missing. */
export function renderPreview(body: PromptBody, vars: Record<string, string>): { body: PromptBody; missing: string[] } {
  const missing = variablesOf(body).filter((v) => !vars[v]);
  const fill = (text: string) => text.replace(VARIABLE, (whole, name: string) => (vars[name] ? vars[name] : whole));
  return { body: typeof body === "string" ? fill(body) : body.map((m) => ({ ...m, content: fill(m.content) })), missing };
}
