// Deterministic, realistically sized events for the ingest benchmark: ~1 KB bodies,
// metadata, 10 models, 1,000 users.
const MODELS = [
  ["openai", "gpt-4o-2024-08-06"], ["openai", "gpt-4o-mini"], ["openai", "o3-mini"], ["openai", "gpt-4.1"], ["anthropic", "claude-3-5-sonnet-20241022"],
  ["anthropic", "claude-3-5-haiku-20241022"], ["google", "gemini-2.0-flash-001"], ["google", "gemini-1.5-pro"], ["mistral", "mistral-large-2411"], ["mistral", "mistral-small-latest"],
] as const;
const ENDPOINTS = ["/chat", "/summarize", "/search", "/classify", "/extract"];
const WORDS = "the quick brown fox jumps over a lazy dog while operators watch latency cost and quality of every model call".split(" ");

function lcg(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_664_525 + 1_013_904_223) % 4_294_967_296) / 4_294_967_296);
}

export function generateEvents(count: number, seed = 1): Record<string, unknown>[] {
  const rand = lcg(seed);
  const text = (n: number) => Array.from({ length: n }, () => WORDS[Math.floor(rand() * WORDS.length)]).join(" ");
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => {
    const [provider, model] = MODELS[Math.floor(rand() * MODELS.length)]!;
    const error = rand() < 0.03;
    const input = Math.floor(200 + rand() * 2000);
    return {
      id: `bench-${seed}-${i}`,
      traceId: `trace-${seed}-${Math.floor(i / 3)}`,
      // Time-ordered over the last hour, as a live app sends them: a batch spans seconds.
      startTime: new Date(now - 3_600_000 + Math.floor((i / count) * 3_600_000)).toISOString(),
      durationMs: Math.round(Math.exp(rand() * 8) * 10) / 10,
      timeToFirstTokenMs: Math.round(rand() * 500),
      provider,
      model,
      status: error ? "error" : "ok",
      ...(error ? { error: { type: "rate_limit", message: "Rate limit reached for requests", httpStatus: 429, retryable: true } } : {}),
      usage: { inputTokens: input, outputTokens: Math.floor(rand() * 600), cachedInputTokens: Math.floor(rand() * input * 0.5) },
      input: [{ role: "system", content: text(40) }, { role: "user", content: text(60) }],
      output: { role: "assistant", content: text(50) },
      userId: `user-${Math.floor(rand() * 1000)}`,
      sessionId: `session-${Math.floor(rand() * 5000)}`,
      endpoint: ENDPOINTS[Math.floor(rand() * ENDPOINTS.length)],
      environment: rand() < 0.9 ? "production" : "staging",
      release: "v1.4.2",
      tags: ["bench", rand() < 0.5 ? "beta" : "ga"],
      metadata: { tenant: `t-${Math.floor(rand() * 50)}`, region: rand() < 0.5 ? "eu" : "us", retries: Math.floor(rand() * 3) },
    };
  });
}
