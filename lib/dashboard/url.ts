// Filter state lives in the URL. These pure helpers edit a query string the way the
// filter bar and the breakdown links need: set or drop a value, keep the rest.

/** The filters the bar offers as menus, in query-string spelling. */
export const MENU_FILTERS = [
  { name: "environment", label: "Environment" },
  { name: "provider", label: "Provider" },
  { name: "model", label: "Model" },
  { name: "endpoint", label: "Endpoint" },
  { name: "userId", label: "User" },
  { name: "promptVersion", label: "Prompt version" },
] as const;

/** A copy of `search` with each given name set (null or "" removes it); `tag` may repeat. */
export function withParams(search: string | URLSearchParams, changes: Record<string, string | null | undefined>): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const [name, value] of Object.entries(changes)) {
    next.delete(name);
    if (value !== null && value !== undefined && value !== "") next.set(name, value);
  }
  return next;
}

/** Adds one value of a repeatable parameter (tags), once. */
export function addParam(search: string | URLSearchParams, name: string, value: string): URLSearchParams {
  const next = new URLSearchParams(search);
  if (value && !next.getAll(name).includes(value)) next.append(name, value);
  return next;
}

/** Removes one value of a parameter (or all of them when `value` is omitted). */
export function removeParam(search: string | URLSearchParams, name: string, value?: string): URLSearchParams {
  const next = new URLSearchParams(search);
  if (value === undefined) next.delete(name);
  else {
    const kept = next.getAll(name).filter((v) => v !== value);
    next.delete(name);
    for (const v of kept) next.append(name, v);
  }
  return next;
}

/** The active filters as chips: everything except the time range and paging. */
export function activeChips(search: string | URLSearchParams): { name: string; value: string; label: string }[] {
  const params = new URLSearchParams(search);
  const chips: { name: string; value: string; label: string }[] = [];
  for (const [name, value] of params) {
    if (["range", "from", "to", "cursor", "q"].includes(name) || value === "") continue;
    const label = name === "promptName" ? "prompt" : name === "promptVersion" ? "prompt version" : name.startsWith("metadata.") ? name : name.startsWith("flag.") ? `flag ${name.slice(5)}` : name;
    chips.push({ name, value, label });
  }
  return chips;
}

/** `key=value` typed by a user, for metadata and flag filters; null when it has no `=` or an empty side. */
export function keyValue(text: string): { key: string; value: string } | null {
  const at = text.indexOf("=");
  if (at <= 0) return null;
  const key = text.slice(0, at).trim();
  const value = text.slice(at + 1).trim();
  return key && value ? { key, value } : null;
}

/** The URL changes for picking `value` in a menu: a prompt version is `name@version`, two parameters. */
export function menuChanges(name: string, value: string): Record<string, string | null> {
  if (name !== "promptVersion") return { [name]: value };
  const at = value.lastIndexOf("@");
  return at > 0 ? { promptName: value.slice(0, at), promptVersion: value.slice(at + 1) } : { promptName: null, promptVersion: null };
}

/** What a menu shows as chosen for the URL. */
export function menuValue(name: string, search: URLSearchParams): string {
  if (name !== "promptVersion") return search.get(name) ?? "";
  const n = search.get("promptName");
  const v = search.get("promptVersion");
  return n && v ? `${n}@${v}` : "";
}
