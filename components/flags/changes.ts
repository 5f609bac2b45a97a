export type Change = { path: string; before: unknown; after: unknown };

const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === "object" && v !== null;

/**
 * What changed between two definitions, leaf by leaf ("environments.production.enabled:
 * true → false"), in a stable order. Added or removed subtrees are one change each.
 */
export function changedPaths(before: unknown, after: unknown, path = ""): Change[] {
  if (Object.is(before, after)) return [];
  if (!isContainer(before) || !isContainer(after) || Array.isArray(before) !== Array.isArray(after)) {
    return [{ path: path || "(whole flag)", before, after }];
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  if (!Array.isArray(before)) keys.sort();
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return keys.flatMap((k) => {
    const at = path ? `${path}.${k}` : k;
    if (!Object.hasOwn(b, k)) return [{ path: at, before: undefined, after: a[k] }];
    if (!Object.hasOwn(a, k)) return [{ path: at, before: b[k], after: undefined }];
    return changedPaths(b[k], a[k], at);
  });
}

const ORDER = [
  "key", "description", "tags", "type", "variants", "environments", "enabled", "offVariant", "defaultVariant", "rules",
  "id", "conditions", "attribute", "negate", "operator", "values", "serve", "variant", "split", "weight", "stickiness",
];
const rank = (k: string) => (ORDER.includes(k) ? ORDER.indexOf(k) : ORDER.length);

/** A copy with the flag's fields in reading order (jsonb returns keys shortest first). */
export function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (typeof v !== "object" || v === null) return v;
  const entries = Object.entries(v).sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  return Object.fromEntries(entries.map(([k, x]) => [k, canonical(x)]));
}

/** A value for the history table: JSON in reading order, or "—" when absent. */
export function show(v: unknown): string {
  return v === undefined ? "—" : JSON.stringify(canonical(v));
}

/** The history's words for each audited action. */
export const ACTION_WORDS: Record<string, string> = {
  "flag.create": "Created",
  "flag.update": "Changed",
  "flag.toggle": "Kill switch",
  "flag.delete": "Deleted",
};
