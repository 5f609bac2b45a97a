import { errText, fullJitterMs, retryAfterMs } from "./exporter-transport.js";

/** `sextant.escalate(...)`: hand a request to people — it becomes an item in a review queue. */
export type EscalationInput = {
  /** The request to review (e.g. `span.lastGenerationId`), or its trace (the trace's root request is used). */
  requestId?: string;
  traceId?: string;
  /** The queue's name or id. */
  queue: string;
  reason?: string;
  /** −1000…1000, default 0; higher is claimed first. */
  priority?: number;
};

export type EscalationResult =
  | { ok: true; created: boolean; item: { id: string; queueId: string; requestId: string; status: string } }
  | { ok: false; status: number | null; error: string };

export type EscalateOptions = { baseUrl: string; secretKey: string | undefined; fetch?: typeof fetch; onError?: (err: Error) => void; attempts?: number; timeoutMs?: number };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * POSTs one escalation to `/api/v1/escalations`, retrying network errors, 429 and 5xx
 * (full jitter, honouring Retry-After). Never throws: a refusal or an outage comes back
 * as `{ok: false}` and goes to `onError`, because escalation is itself the fallback.
 */
export async function sendEscalation(o: EscalateOptions, input: EscalationInput): Promise<EscalationResult> {
  const fail = (status: number | null, error: string): EscalationResult => {
    o.onError?.(new Error(`Sextant: escalation to "${input.queue}" failed: ${error}`));
    return { ok: false, status, error };
  };
  if (!o.secretKey) return fail(null, "no secret key (option secretKey or SEXTANT_SECRET_KEY)");
  if (!input.requestId && !input.traceId) return fail(null, "give requestId or traceId");
  const body = JSON.stringify({ requestId: input.requestId, traceId: input.requestId ? undefined : input.traceId, queue: input.queue, reason: input.reason, priority: input.priority });
  const attempts = o.attempts ?? 3;
  let last = "";
  let lastStatus: number | null = null;
  for (let attempt = 0; attempt < attempts; attempt++) {
    let wait: number | null = null;
    try {
      const res = await (o.fetch ?? fetch)(`${o.baseUrl.replace(/\/+$/, "")}/api/v1/escalations`, {
        method: "POST",
        headers: { authorization: `Bearer ${o.secretKey}`, "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(o.timeoutMs ?? 5_000),
      });
      const text = await res.text();
      if (res.ok) {
        const answer = JSON.parse(text) as { created: boolean; item: { id: string; queueId: string; requestId: string; status: string } };
        return { ok: true, created: answer.created, item: answer.item };
      }
      lastStatus = res.status;
      last = `${res.status} ${text.slice(0, 300)}`;
      if (res.status !== 429 && res.status < 500) return fail(res.status, last);
      wait = retryAfterMs(res.headers.get("retry-after"), Date.now());
    } catch (err) {
      last = errText(err);
      lastStatus = null;
    }
    if (attempt + 1 < attempts) await sleep(fullJitterMs(attempt, 200, 2_000, Math.random(), wait));
  }
  return fail(lastStatus, last);
}
