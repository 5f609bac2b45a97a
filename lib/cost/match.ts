// Which price applies to a model id: the project's overrides first, then the
// shipped table. Pure (no "server-only") so the console can show the same answer.
import PRICES from "./prices.json";

/** One entry of the shipped table (lib/cost/prices.json; see lib/cost/README.md). */
export type TablePrice = {
  provider: string;
  model: string;
  pattern: string;
  inputPerMTok: string;
  outputPerMTok: string;
  cachedInputPerMTok?: string;
  reasoningPerMTok?: string;
};

/** A project's override as stored in model_prices (numeric columns arrive as strings). */
export type PriceRow = {
  id?: string;
  modelPattern: string;
  inputPerMTok: string;
  outputPerMTok: string;
  cachedInputPerMTok?: string | null;
  reasoningPerMTok?: string | null;
};

/** USD per million tokens, as decimal strings; null where the kind is billed at the base rate. */
export type PriceRates = {
  inputPerMTok: string;
  outputPerMTok: string;
  cachedInputPerMTok: string | null;
  reasoningPerMTok: string | null;
};

export type MatchedPrice = PriceRates & {
  source: "override" | "table";
  /** The table's regex source, or the override's modelPattern as the project wrote it. */
  pattern: string;
  /** The canonical model the table entry prices, or the override's modelPattern. */
  model: string;
  /** The table entry's provider; null for overrides. */
  provider: string | null;
  /** The override's id; null for table entries. */
  overrideId: string | null;
};

export const PRICE_TABLE: readonly TablePrice[] = PRICES;

// Compiled once per process; the table is data, so its order is its precedence.
const COMPILED = PRICE_TABLE.map((entry) => ({ entry, regex: new RegExp(entry.pattern, "i") }));

// Ingest prices every event: remember each model id's table entry (or that it has none).
const MEMO_MAX = 5_000;
const memo = new Map<string, TablePrice | null>();

/** The first table entry whose pattern matches, trying a few provider spellings of the id. */
export function findTablePrice(model: string): TablePrice | null {
  const key = model.trim().toLowerCase();
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  let found: TablePrice | null = null;
  for (const candidate of spellings(key)) {
    found = COMPILED.find((c) => c.regex.test(candidate))?.entry ?? null;
    if (found) break;
  }
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, found);
  return found;
}

/**
 * The same model as routers and clouds name it: "openai/gpt-4o" (OpenRouter),
 * "models/gemini-2.0-flash" (Gemini REST), "anthropic.claude-3-5-sonnet-20241022-v2:0"
 * (Bedrock, also with a "us."/"eu." region prefix), "claude-3-5-sonnet-v2@20241022" (Vertex).
 */
function spellings(id: string): string[] {
  const out = [id];
  const add = (s: string) => {
    if (s && !out.includes(s)) out.push(s);
  };
  const bare = id.slice(id.lastIndexOf("/") + 1);
  add(bare);
  const bedrock = /^(?:[a-z]{2,4}\.)?(?:anthropic|meta|mistral|amazon|cohere)\.(.+?)(?:-v\d+(?::\d+)?)?$/.exec(bare);
  if (bedrock) add(bedrock[1]!);
  const vertex = /^(.+?)(?:-v\d+)?@(\d{8}|latest)$/.exec(bare);
  if (vertex) add(`${vertex[1]}-${vertex[2]}`);
  return out;
}

/**
 * Does an override's modelPattern cover this model id? Case-insensitive; `*` matches
 * any run of characters (also none); any other character matches itself.
 */
export function globMatches(pattern: string, model: string): boolean {
  const parts = pattern.toLowerCase().split("*");
  const text = model.toLowerCase();
  if (parts.length === 1) return parts[0] === text;
  const first = parts[0]!;
  const last = parts[parts.length - 1]!;
  if (!text.startsWith(first) || text.length < first.length + last.length || !text.endsWith(last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (const part of parts.slice(1, -1)) {
    const i = text.indexOf(part, at);
    if (i < 0 || i + part.length > end) return false;
    at = i + part.length;
  }
  return true;
}

/**
 * The override that applies to a model: an exact id beats any glob; among globs the
 * one with more literal characters (the more specific) wins; ties go to the earlier row.
 */
export function findOverride<T extends PriceRow>(model: string, overrides: readonly T[]): T | null {
  let best: T | null = null;
  let bestRank = -1;
  for (const row of overrides) {
    if (!globMatches(row.modelPattern.trim(), model)) continue;
    const literal = row.modelPattern.replaceAll("*", "").length;
    const rank = row.modelPattern.includes("*") ? literal : Number.MAX_SAFE_INTEGER;
    if (rank > bestRank) {
      best = row;
      bestRank = rank;
    }
  }
  return best;
}

/** The price for a model id, or null when neither the project nor the table knows it. */
export function findPrice(model: string | undefined, overrides: readonly PriceRow[] = []): MatchedPrice | null {
  const id = model?.trim();
  if (!id) return null;
  const override = findOverride(id, overrides);
  if (override) {
    return {
      source: "override",
      pattern: override.modelPattern,
      model: override.modelPattern,
      provider: null,
      overrideId: override.id ?? null,
      inputPerMTok: override.inputPerMTok,
      outputPerMTok: override.outputPerMTok,
      cachedInputPerMTok: override.cachedInputPerMTok ?? null,
      reasoningPerMTok: override.reasoningPerMTok ?? null,
    };
  }
  const entry = findTablePrice(id);
  if (!entry) return null;
  return {
    source: "table",
    pattern: entry.pattern,
    model: entry.model,
    provider: entry.provider,
    overrideId: null,
    inputPerMTok: entry.inputPerMTok,
    outputPerMTok: entry.outputPerMTok,
    cachedInputPerMTok: entry.cachedInputPerMTok ?? null,
    reasoningPerMTok: entry.reasoningPerMTok ?? null,
  };
}
