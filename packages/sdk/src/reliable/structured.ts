/** Anything with zod's `safeParse` (zod 3 or 4, or your own), so the SDK is not tied to one zod. */
export type SchemaLike<T = unknown> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { message: string; issues?: { path: PropertyKey[]; message: string }[] } };
};

export type StructuredOptions<T = unknown> = {
  schema: SchemaLike<T>;
  /** On invalid output, ask once more with the problem fed back. Default true. */
  retry?: boolean;
};

const FENCE = /```(?:json|JSON)?\s*\n?([\s\S]*?)(?:```|$)/;

/** Closes what a cut-off document left open: a string, then arrays and objects; drops a dangling key or comma. */
function closeTruncated(text: string): string {
  const stack: string[] = [];
  let inString = false;
  let escaped = false;
  for (const ch of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === "\\") escaped = true;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === "{") stack.push("}");
    else if (ch === "[") stack.push("]");
    else if (ch === "}" || ch === "]") stack.pop();
  }
  let out = inString ? `${escaped ? text.slice(0, -1) : text}"` : text;
  out = out.replace(/\s+$/, "");
  // A key with no value yet ("a": or "a"), or a trailing comma, cannot be finished: drop it.
  out = out.replace(/,?\s*"[^"\\]*"\s*:\s*$/, "").replace(/,\s*"[^"\\]*"$/, (m) => (stack.at(-1) === "}" ? "" : m)).replace(/[,:]\s*$/, "");
  return out + stack.reverse().join("");
}

/**
 * Parses JSON the way models write it: inside a code fence, with prose around it, with
 * trailing commas, or cut off at the end (closed when what is there is still a valid
 * prefix). Throws `SyntaxError` when nothing sensible is left.
 */
export function parseJson(text: string): { value: unknown; repaired: boolean } {
  try {
    return { value: JSON.parse(text), repaired: false };
  } catch {
    // Repair below.
  }
  let t = text.trim();
  const fenced = FENCE.exec(t);
  if (fenced) t = fenced[1]!.trim();
  const start = t.search(/[[{]/);
  if (start > 0) t = t.slice(start);
  const end = Math.max(t.lastIndexOf("}"), t.lastIndexOf("]"));
  const noCommas = (s: string) => s.replace(/,(\s*[}\]])/g, "$1");
  const candidates = [t, end > 0 ? t.slice(0, end + 1) : t].map(noCommas);
  for (const c of candidates) {
    try {
      return { value: JSON.parse(c), repaired: true };
    } catch {
      // Next candidate.
    }
  }
  return { value: JSON.parse(noCommas(closeTruncated(t))), repaired: true };
}

/** Parses and validates: the data, or a sentence saying what is wrong (fit to feed back to the model). */
export function parseStructured<T>(text: string, schema: SchemaLike<T>): { ok: true; data: T; repaired: boolean } | { ok: false; error: string } {
  let parsed: { value: unknown; repaired: boolean };
  try {
    parsed = parseJson(text);
  } catch (err) {
    return { ok: false, error: `The answer is not valid JSON (${(err as Error).message}).` };
  }
  const r = schema.safeParse(parsed.value);
  if (r.success) return { ok: true, data: r.data, repaired: parsed.repaired };
  const issues = r.error.issues?.map((i) => `${i.path.map(String).join(".") || "(root)"}: ${i.message}`).join("; ");
  return { ok: false, error: `The JSON does not match the schema: ${issues || r.error.message}.` };
}

const parsedValues = new WeakMap<object, unknown>();

/** The validated value of an answer that went through `output.json`. */
export function parsedOf<T = unknown>(answer: unknown): T | undefined {
  return typeof answer === "object" && answer !== null ? (parsedValues.get(answer) as T | undefined) : undefined;
}

export function setParsed(answer: unknown, value: unknown): void {
  if (typeof answer === "object" && answer !== null) parsedValues.set(answer, value);
}

/** The follow-up messages that feed the problem back (same shape for OpenAI chat and Anthropic Messages). */
export function feedback(text: string, error: string): { role: "assistant" | "user"; content: string }[] {
  return [
    { role: "assistant", content: text },
    { role: "user", content: `${error} Answer again with only the corrected JSON, no prose.` },
  ];
}
