// Live demo traffic: ~200 users hitting four AI endpoints through the real provider
// clients against the local fake provider; events flow through the SDK exporter to
// the app, with a little user feedback. Runs until stopped.
import Anthropic from "@anthropic-ai/sdk";
import { Exporter } from "@sextant/sdk";
import OpenAI from "openai";
import { seeded } from "../fake-provider/shape";
import { startFakeProvider, type FakeProvider } from "../fake-provider/server";
import { ENDPOINTS, simulateRequest, type Persona } from "./calls";

export type Traffic = { stop: () => Promise<void>; provider: FakeProvider; exporter: Exporter };

export async function startTraffic(opts: { baseUrl: string; secretKey: string; requestsPerSecond?: number; seed?: number }): Promise<Traffic> {
  const rand = seeded(opts.seed ?? Date.now() % 1_000_000);
  const provider = await startFakeProvider({
    latencyMs: 350,
    chunkDelayMs: 8,
    seed: opts.seed,
    faults: { rate_limit: 0.02, server_error: 0.01, timeout: 0.003, midstream: 0.01, malformed: 0.003 },
  });
  const clients = {
    openai: new OpenAI({ baseURL: provider.openaiBaseUrl, apiKey: "demo", maxRetries: 0, timeout: 5_000 }),
    anthropic: new Anthropic({ baseURL: provider.anthropicBaseUrl, apiKey: "demo", maxRetries: 0, timeout: 5_000 }),
  };
  const exporter = new Exporter({ baseUrl: opts.baseUrl, secretKey: opts.secretKey, flushAt: 200, flushIntervalMs: 1_000 });
  const users = Array.from({ length: 200 }, (_, i) => `user-${String(i).padStart(3, "0")}`);
  const interval = 1_000 / (opts.requestsPerSecond ?? 8);
  let running = true;
  const inFlight = new Set<Promise<void>>();

  const feedback = async (requestId: string, positive: boolean) => {
    await fetch(`${opts.baseUrl}/api/v1/scores`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${opts.secretKey}` },
      body: JSON.stringify({ scores: [{ requestId, name: "user_feedback", value: positive, source: "user" }] }),
    }).catch(() => undefined);
  };

  const tick = () => {
    if (!running) return;
    const persona: Persona = {
      userId: users[Math.floor(rand() ** 2 * users.length)]!, // a few heavy users, a long tail
      sessionId: `session-${Math.floor(rand() * 800)}`,
      endpoint: ENDPOINTS[Math.floor(rand() * ENDPOINTS.length)]!,
      environment: rand() < 0.9 ? "production" : "staging",
    };
    const job = simulateRequest(clients, persona, rand)
      .then((events) => {
        for (const e of events) exporter.enqueue(e);
        const llm = events.find((e) => e.kind === "llm");
        if (llm && rand() < 0.15) setTimeout(() => void feedback(llm.id, llm.status !== "error" && rand() < 0.8), 4_000).unref();
      })
      .catch(() => undefined)
      .finally(() => inFlight.delete(job));
    inFlight.add(job);
    setTimeout(tick, interval * (0.5 + rand())).unref();
  };
  tick();

  return {
    provider,
    exporter,
    stop: async () => {
      running = false;
      await Promise.allSettled([...inFlight]);
      await exporter.shutdown();
      await provider.close();
    },
  };
}
