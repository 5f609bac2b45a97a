/**
 * The error classes Sextant reports for model calls, read from the official `openai` and
 * `@anthropic-ai/sdk` error types by shape (name, status, code), so the SDK needs neither
 * package at run time.
 */
export type ErrorClass =
  | "rate_limit"
  | "timeout"
  | "server_error"
  | "auth"
  | "bad_request"
  | "content_filter"
  | "network"
  | "parse"
  | "stream_interrupted";

export type ClassifiedError = { type: string; message: string; httpStatus?: number; retryable: boolean };

type Shape = { name?: unknown; status?: unknown; code?: unknown; type?: unknown; message?: unknown; cause?: unknown; error?: unknown };

const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "EPIPE", "ETIMEDOUT", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);

function errorName(err: Shape): string {
  const ctor = (err as { constructor?: { name?: string } }).constructor?.name;
  return typeof err.name === "string" && err.name !== "Error" ? err.name : (ctor ?? "Error");
}

function mentionsContentPolicy(err: Shape): boolean {
  const body = err.error as { code?: unknown; type?: unknown } | undefined;
  const text = `${String(err.code ?? "")} ${String(body?.code ?? "")} ${String(body?.type ?? "")}`;
  return /content_policy|content_filter|safety/i.test(text);
}

/**
 * Classifies what a provider call threw. `inStream`: the error came while reading a
 * stream that had already started, which makes a dropped connection `stream_interrupted`.
 * Errors that are not a provider's keep their own name as the type (e.g. `TypeError`).
 */
export function classifyError(err: unknown, inStream = false): ClassifiedError {
  if (typeof err !== "object" || err === null) return { type: "Error", message: String(err), retryable: false };
  const e = err as Shape;
  const message = typeof e.message === "string" ? e.message.slice(0, 2000) : String(err);
  const name = errorName(e);
  const status = typeof e.status === "number" ? e.status : undefined;
  const http = status !== undefined ? { httpStatus: status } : {};
  if (name === "APIConnectionTimeoutError" || name === "TimeoutError") return { type: "timeout", message, retryable: true };
  if (status === 429) return { type: "rate_limit", message, ...http, retryable: true };
  if (status === 408) return { type: "timeout", message, ...http, retryable: true };
  if (status !== undefined && status >= 500) return { type: "server_error", message, ...http, retryable: true };
  if (status === 401 || status === 403) return { type: "auth", message, ...http, retryable: false };
  if (status !== undefined && status >= 400) {
    return { type: mentionsContentPolicy(e) ? "content_filter" : "bad_request", message, ...http, retryable: false };
  }
  if (inStream) return { type: "stream_interrupted", message, retryable: true };
  if (name === "SyntaxError") return { type: "parse", message, retryable: false };
  const cause = e.cause as Shape | undefined;
  if (name === "APIConnectionError" || name === "APIUserAbortError" || name === "AbortError" || NETWORK_CODES.has(String(e.code ?? cause?.code ?? "")) || message === "fetch failed") {
    return { type: "network", message, retryable: name !== "APIUserAbortError" && name !== "AbortError" };
  }
  return { type: name, message, retryable: false };
}

type HeaderBag = { get?: (name: string) => string | null } & Record<string, unknown>;

function header(err: Shape, name: string): string | undefined {
  const h = (err as { headers?: HeaderBag }).headers;
  if (!h || typeof h !== "object") return undefined;
  const v = typeof h.get === "function" ? h.get(name) : h[name];
  return typeof v === "string" ? v : undefined;
}

/**
 * How long the provider asked us to wait before trying again, in ms: `retry-after-ms`
 * (OpenAI) first, then `Retry-After` (seconds or an HTTP date). Undefined when it said nothing.
 */
export function retryAfterOf(err: unknown, now = Date.now()): number | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const ms = Number(header(err as Shape, "retry-after-ms"));
  if (header(err as Shape, "retry-after-ms") !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  const raw = header(err as Shape, "retry-after");
  if (raw === undefined) return undefined;
  const value = raw.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, at - now) : undefined;
}

/** A permanent refusal because the prompt does not fit the model's context window (a larger-context model may take it). */
export function isContextLengthError(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const e = err as Shape;
  if (e.status !== 400 && e.status !== 413) return false;
  const body = e.error as { code?: unknown; type?: unknown; message?: unknown; error?: { message?: unknown } } | undefined;
  const text = `${String(e.code ?? "")} ${String(body?.code ?? "")} ${String(e.message ?? "")} ${String(body?.error?.message ?? "")}`;
  return /context_length_exceeded|context length|context window|prompt is too long|maximum context/i.test(text);
}
