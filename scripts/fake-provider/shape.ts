// Shared pieces of the fake provider: a seeded random source, realistic sizes and
// latencies, and the faults it can inject.

export type Fault = "none" | "rate_limit" | "server_error" | "timeout" | "malformed" | "midstream" | "context_length" | "stream_drop";

export type FaultRates = Partial<Record<Exclude<Fault, "none">, number>>;

export type ProviderOptions = {
  /** Median latency before the first byte, in ms; spread is log-normal. */
  latencyMs?: number;
  /** Delay between stream chunks, in ms. */
  chunkDelayMs?: number;
  /** Probability (0..1) of each fault per request; a request's `x-fake-fault` header wins. */
  faults?: FaultRates;
  seed?: number;
  /** Also send `retry-after-ms` with this value on a 429 (as OpenAI does), so tests need not wait whole seconds. */
  retryAfterMs?: number;
};

export function seeded(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => ((s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0) / 4_294_967_296);
}

/** Log-normal around the median, so tails look like real providers'. */
export function latency(rand: () => number, medianMs: number): number {
  const u = Math.max(rand(), 1e-9);
  const v = rand();
  const normal = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.max(0, medianMs * Math.exp(0.5 * normal));
}

export function pickFault(header: string | undefined, rand: () => number, rates: FaultRates = {}): Fault {
  const forced = header as Fault | undefined;
  if (forced && ["none", "rate_limit", "server_error", "timeout", "malformed", "midstream", "context_length", "stream_drop"].includes(forced)) return forced;
  let r = rand();
  for (const [fault, rate] of Object.entries(rates) as [Exclude<Fault, "none">, number][]) {
    if (r < rate) return fault;
    r -= rate;
  }
  return "none";
}

const WORDS = "sure here is a short answer based on the documents you shared with the team about latency cost and quality".split(" ");

/** A reply of about `tokens` tokens (one word ≈ one token here). */
export function reply(rand: () => number, tokens: number): string[] {
  return Array.from({ length: Math.max(1, tokens) }, (_, i) => (i === 0 ? "" : " ") + WORDS[Math.floor(rand() * WORDS.length)]);
}

/** Rough token count of the prompt: ~4 characters per token, like the real tokenizers. */
export function promptTokens(value: unknown): number {
  return Math.max(1, Math.ceil(JSON.stringify(value ?? "").length / 4));
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
