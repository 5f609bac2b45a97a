import "server-only";
import { createHmac } from "node:crypto";

export const SIGNATURE_HEADER = "X-Sextant-Signature";
export const TIMESTAMP_HEADER = "X-Sextant-Timestamp";
const TIMEOUT_MS = 10_000;
const EXCERPT_CHARS = 300;

/**
 * `sha256=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`: the timestamp (Unix seconds,
 * sent as X-Sextant-Timestamp) is signed with the exact body bytes so a receiver can
 * refuse replays of old deliveries.
 */
export function sign(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

export type SendResult = { ok: boolean; status: number | null; excerpt: string | null; error: string | null };

/** Reads at most a short excerpt of the answer, then drops the rest unread. */
async function excerptOf(res: Response): Promise<string> {
  if (!res.body) return "";
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < EXCERPT_CHARS * 4) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).toString("utf8").slice(0, EXCERPT_CHARS);
}

/**
 * POSTs a JSON body to a channel: 10 s timeout, no redirects followed (a 3xx is a
 * failure, so a notification can never be bounced to another host), only a short
 * excerpt of the answer kept. Never throws; the URL is never put in the error text.
 */
export async function postJson(url: string, body: string, secret: string | null, now = Date.now()): Promise<SendResult> {
  const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Sextant-Alerts/1" };
  if (secret) {
    const ts = Math.floor(now / 1000);
    headers[TIMESTAMP_HEADER] = String(ts);
    headers[SIGNATURE_HEADER] = sign(secret, ts, body);
  }
  try {
    const res = await fetch(url, { method: "POST", body, headers, redirect: "manual", signal: AbortSignal.timeout(TIMEOUT_MS) });
    const excerpt = await excerptOf(res).catch(() => "");
    if (res.status >= 300 && res.status < 400) return { ok: false, status: res.status, excerpt, error: `The receiver answered a redirect (${res.status}); redirects are not followed.` };
    if (!res.ok) return { ok: false, status: res.status, excerpt, error: `The receiver answered ${res.status}.` };
    return { ok: true, status: res.status, excerpt, error: null };
  } catch (err) {
    const e = err as Error & { cause?: { code?: string } };
    const why = e.name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (e.cause?.code ?? e.name);
    return { ok: false, status: null, excerpt: null, error: `The request failed: ${why}.` };
  }
}
