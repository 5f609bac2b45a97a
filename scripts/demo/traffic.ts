// Live demo traffic: ~200 users hitting four AI endpoints through the real provider
// clients, wrapped by the Sextant SDK, against the local fake provider; a little user
// feedback on top. Runs until stopped.
import Anthropic from "@anthropic-ai/sdk";
import { Sextant } from "@sextant/sdk";
import OpenAI from "openai";
import { seeded } from "../fake-provider/shape";
import { startFakeProvider, type FakeProvider } from "../fake-provider/server";
import { ENDPOINTS, simulateRequest, type Clients, type Persona } from "./calls";
import { startSupportModelFlag } from "./flags";
import { seedPrompts, startReleases } from "./prompts";

export type Traffic = { stop: () => Promise<void>; provider: FakeProvider; sextant: Sextant };

export async function startTraffic(opts: { baseUrl: string; secretKey: string; requestsPerSecond?: number; seed?: number; releaseEveryMs?: number }): Promise<Traffic> {
  const rand = seeded(opts.seed ?? Date.now() % 1_000_000);
  const provider = await startFakeProvider({
    latencyMs: 350,
    chunkDelayMs: 8,
    seed: opts.seed,
    faults: { rate_limit: 0.02, server_error: 0.01, timeout: 0.003, midstream: 0.01, malformed: 0.003 },
  });
  const sextant = new Sextant({ baseUrl: opts.baseUrl, secretKey: opts.secretKey, release: "v1.4.2", flushAt: 200, flushIntervalMs: 1_000, exitHooks: false, onError: () => undefined });
  const clients: Clients = {
    openai: sextant.wrapOpenAI(new OpenAI({ baseURL: provider.openaiBaseUrl, apiKey: "demo", maxRetries: 0, timeout: 5_000 })),
    anthropic: sextant.wrapAnthropic(new Anthropic({ baseURL: provider.anthropicBaseUrl, apiKey: "demo", maxRetries: 0, timeout: 5_000 })),
  };
  clients.reliable = sextant.reliable(clients.openai, {
    retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 },
    breaker: { failureRatio: 0.5, minRequests: 10, windowMs: 30_000, cooldownMs: 15_000 },
    fallbacks: [{ model: "gpt-4o-mini" }],
    cache: { ttlMs: 300_000 },
  });
  // Managed prompts for two endpoints; until they exist (or if seeding fails) the SDK's fallback serves.
  await seedPrompts(opts.baseUrl, opts.secretKey).catch((err: Error) => console.warn(`[demo] prompts not seeded: ${err.message}`));
  const stopReleases = startReleases(opts.baseUrl, opts.secretKey, opts.releaseEveryMs);
  const supportModel = startSupportModelFlag(opts.baseUrl, opts.secretKey);
  await supportModel.ready;
  const users = Array.from({ length: 200 }, (_, i) => `user-${String(i).padStart(3, "0")}`);
  const interval = 1_000 / (opts.requestsPerSecond ?? 8);
  let running = true;
  const inFlight = new Set<Promise<void>>();

  const tick = () => {
    if (!running) return;
    const persona: Persona = {
      userId: users[Math.floor(rand() ** 2 * users.length)]!, // a few heavy users, a long tail
      sessionId: `session-${Math.floor(rand() * 800)}`,
      endpoint: ENDPOINTS[Math.floor(rand() * ENDPOINTS.length)]!,
      environment: rand() < 0.9 ? "production" : "staging",
    };
    const support = persona.endpoint === "support-chat" ? supportModel.choose(persona.userId, persona.environment) : undefined;
    const job = simulateRequest(sextant, clients, persona, rand, support)
      .then(({ generationId }) => {
        // Some users rate the answer a few seconds later.
        if (generationId && rand() < 0.15) setTimeout(() => sextant.feedback({ requestId: generationId, positive: rand() < 0.8 }), 4_000).unref();
      })
      .catch(() => undefined) // a failed model call fails the request; the SDK has recorded it
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
    setTimeout(tick, interval * (0.5 + rand())).unref();
  };
  tick();

  return {
    provider,
    sextant,
    stop: async () => {
      running = false;
      stopReleases();
      supportModel.stop();
      await Promise.allSettled([...inFlight]);
      await sextant.shutdown(1_500); // on Ctrl-C the app is stopping too: do not wait long for it
      await provider.close();
    },
  };
}
