/** What one POST of a batch came to. */
export type Outcome =
  | { kind: "ok"; rejected: number }
  | { kind: "retry"; retryAfterMs: number | null; detail: string }
  | { kind: "permanent"; detail: string };

export function errText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** `Retry-After` (delta seconds or an HTTP date) → milliseconds to wait; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
  if (header == null) return null;
  const value = header.trim();
  if (value === "") return null;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : null;
}

/** Full jitter: uniform in [0, min(max, base·2^attempt)], and never shorter than the server's Retry-After. */
export function fullJitterMs(attempt: number, baseMs: number, maxMs: number, random: number, retryAfter: number | null): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** attempt);
  const r = Number.isFinite(random) ? Math.min(1, Math.max(0, random)) : 0.5;
  return Math.max(retryAfter ?? 0, r * ceiling);
}

/** Number of entries in a 2xx answer's `rejected` array; 0 when absent or unreadable. */
function countRejected(text: string): number {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === "object" && body !== null && "rejected" in body && Array.isArray(body.rejected)) return body.rejected.length;
  } catch {
    // A 2xx without a readable body still means the batch was stored.
  }
  return 0;
}

export type PostRequest = { fetch: typeof fetch; url: string; secretKey: string; body: Buffer; gzipped: boolean; signal: AbortSignal; now: () => number };

/** One POST to `/api/v1/ingest`, classified: stored, worth retrying (429, 5xx, network), or refused for good. */
export async function postBatch(r: PostRequest): Promise<Outcome> {
  try {
    const headers: Record<string, string> = { authorization: `Bearer ${r.secretKey}`, "content-type": "application/json" };
    if (r.gzipped) headers["content-encoding"] = "gzip";
    const res = await r.fetch(r.url, { method: "POST", headers, body: new Uint8Array(r.body), signal: r.signal });
    const text = await res.text().catch(() => "");
    if (res.status >= 200 && res.status < 300) return { kind: "ok", rejected: countRejected(text) };
    const detail = `HTTP ${res.status}${text ? ` ${text.slice(0, 300)}` : ""}`;
    if (res.status === 429 || res.status >= 500) return { kind: "retry", retryAfterMs: retryAfterMs(res.headers.get("retry-after"), r.now()), detail };
    return { kind: "permanent", detail };
  } catch (err) {
    return { kind: "retry", retryAfterMs: null, detail: errText(r.signal.aborted ? r.signal.reason : err) };
  }
}
