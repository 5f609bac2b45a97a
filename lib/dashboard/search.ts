export type SearchParams = Record<string, string | string[] | undefined>;

/** Next's searchParams back to the query string the browser has (repeated names kept), so server and client key the same data. */
export function toSearch(sp: SearchParams): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(sp)) for (const one of Array.isArray(v) ? v : v === undefined ? [] : [v]) out.append(k, one);
  return out.toString();
}
