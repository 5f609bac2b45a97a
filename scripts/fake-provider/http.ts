import type { ServerResponse } from "node:http";
import { sleep, type Fault } from "./shape";

/** Server-sent events writer; Anthropic names each event, OpenAI does not. */
export function sse(res: ServerResponse, named = false): (data: Record<string, unknown>) => void {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
  res.flushHeaders();
  return (data) => res.write(`${named && typeof data.type === "string" ? `event: ${data.type}\n` : ""}data: ${JSON.stringify(data)}\n\n`);
}

/** The provider's own error shapes and statuses for an injected fault. */
export function fail(res: ServerResponse, fault: Exclude<Fault, "none" | "midstream" | "malformed">, flavor: "openai" | "anthropic", retryAfterMs?: number): void {
  if (fault === "timeout") return; // never answer: the client's timeout fires
  if (fault === "stream_drop") return void res.destroy(); // the connection drops before any answer
  if (fault === "context_length") return tooLong(res, flavor);
  const status = fault === "rate_limit" ? 429 : 500;
  const message = fault === "rate_limit" ? "Rate limit reached for requests" : "The server had an error while processing your request";
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (fault === "rate_limit") headers["retry-after"] = "1";
  if (fault === "rate_limit" && retryAfterMs !== undefined) headers["retry-after-ms"] = String(retryAfterMs);
  const body =
    flavor === "openai"
      ? { error: { message, type: fault === "rate_limit" ? "rate_limit_exceeded" : "server_error", param: null, code: null } }
      : { type: "error", error: { type: fault === "rate_limit" ? "rate_limit_error" : "api_error", message } };
  res.writeHead(status, headers).end(JSON.stringify(body));
}

/** A non-streamed JSON answer; a "malformed" fault cuts it off mid-document instead. */
export function json(res: ServerResponse, body: unknown, fault: Fault): void {
  res.writeHead(200, { "content-type": "application/json" });
  res.end(fault === "malformed" ? JSON.stringify(body).slice(0, 30) : JSON.stringify(body));
}

/**
 * Streams one delta per word. A "midstream" fault lets the first half reach the
 * client and then drops the connection; returns false when it did.
 */
export async function streamWords(res: ServerResponse, words: string[], fault: Fault, chunkDelayMs: number | undefined, sendWord: (w: string) => void): Promise<boolean> {
  for (const [i, w] of words.entries()) {
    if (fault === "midstream" && i === Math.floor(words.length / 2)) {
      await sleep(20);
      res.destroy();
      return false;
    }
    if (chunkDelayMs) await sleep(chunkDelayMs);
    sendWord(w);
  }
  return true;
}

/** The providers' own refusal of a prompt longer than the model's context window (a permanent 400). */
function tooLong(res: ServerResponse, flavor: "openai" | "anthropic"): void {
  const body =
    flavor === "openai"
      ? { error: { message: "This model's maximum context length is 8192 tokens. However, your messages resulted in 9001 tokens.", type: "invalid_request_error", param: "messages", code: "context_length_exceeded" } }
      : { type: "error", error: { type: "invalid_request_error", message: "prompt is too long: 210000 tokens > 200000 maximum" } };
  res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify(body));
}
