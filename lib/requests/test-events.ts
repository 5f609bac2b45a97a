// Test fixtures for the read side: events with fixed ids and times, stored through
// the real ingest path so the rows and rollups are exactly what production writes.
import type { Event } from "@sextant/sdk";
import { expect } from "vitest";
import { usdToNanos } from "@/lib/cost/money";
import { ingestEvents } from "@/lib/ingest/ingest";
import type { ProjectCtx } from "@/lib/context";
import type { World } from "@/test/factories";

export const MINUTE = 60_000;

/** A minute boundary `minutesAgo` minutes back: fixed times inside the last hour. */
export function minuteAgo(minutesAgo: number, now = Date.now()): number {
  return Math.floor((now - minutesAgo * MINUTE) / MINUTE) * MINUTE;
}

/** The project as its secret key acts: ingestion is a key's job, not a signed-in role's. */
export function keyCtx(world: World): ProjectCtx {
  return { ...world.as("owner"), actor: { type: "api_key", keyId: "test-key", kind: "secret", label: "test key" } };
}

/** Stores events through the real ingest path and insists every one was accepted. */
export async function store(world: World, events: Event[]): Promise<void> {
  for (let i = 0; i < events.length; i += 1000) {
    const batch = events.slice(i, i + 1000);
    const result = await ingestEvents(keyCtx(world), batch);
    expect(result.rejected).toEqual([]);
    expect(result.accepted).toBe(batch.length);
  }
}

/** USD → nano-dollars exactly as ingest converts a client-given cost. */
export const nanos = usdToNanos;

/**
 * Thirty varied requests: three share each start time (so ids break ties), the
 * times `spacingMs` apart, and every filterable field takes several values, some absent.
 */
export function variedEvents(base: number, spacingMs = 1000): Event[] {
  return Array.from({ length: 30 }, (_, i): Event => {
    const error = i % 4 === 3;
    return {
      id: `req-${String(i).padStart(2, "0")}`,
      traceId: `trace-${i % 5}`,
      startTime: new Date(base + Math.floor(i / 3) * spacingMs).toISOString(),
      durationMs: 100 + i * 10,
      timeToFirstTokenMs: i % 2 === 0 ? 20 + i : undefined,
      provider: i % 2 ? "openai" : "anthropic",
      model: ["alpha", "beta", "gamma"][i % 3],
      endpoint: ["/chat", "/search"][(i >> 1) % 2],
      userId: i % 5 === 0 ? undefined : `user-${i % 4}`,
      sessionId: `session-${i % 6}`,
      environment: i % 7 === 0 ? "staging" : "production",
      status: error ? "error" : "ok",
      error: error ? { type: i % 8 === 3 ? "rate_limit" : "timeout", message: "upstream said no", httpStatus: 429, retryable: true } : undefined,
      prompt: i % 3 === 1 ? { name: "greeter", version: 1 + (i % 2) } : undefined,
      tags: i % 2 ? ["red", "blue"] : ["red"],
      metadata: { plan: i % 3 ? "pro" : "free", seats: i % 4 },
      flags: i % 4 ? { beta: i % 2 ? "on" : "off" } : undefined,
      usage: { inputTokens: 100 + i, outputTokens: 10 + i, cachedInputTokens: i % 3 === 0 ? 50 : 0, reasoningTokens: i % 5 },
      costUsd: i % 5 === 4 ? undefined : (i + 1) * 0.000123,
      attempts: i % 6 === 0 ? 2 : 1,
      fallbackFrom: i % 9 === 0 ? "gpt-old" : undefined,
      cacheHit: i % 10 === 0,
      input: { messages: [{ role: "user", content: `hello ${i}` }] },
      output: { text: `answer ${i}` },
    };
  });
}

/** Two requests of one trace ("matrix-trace": matrix-1 → matrix-2), for permission tests of the read verbs. */
export async function storeSmallTrace(world: World): Promise<void> {
  const start = Date.now() - 10 * MINUTE;
  await store(world, [
    { id: "matrix-1", traceId: "matrix-trace", startTime: start, durationMs: 10 },
    { id: "matrix-2", traceId: "matrix-trace", parentId: "matrix-1", startTime: start + 1, durationMs: 5 },
  ]);
}
