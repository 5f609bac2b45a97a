// The reliability toolkit against the fake provider with the real `openai` and
// `@anthropic-ai/sdk` clients: transient failures retried, a dead provider's circuit opened
// and later closed by one probe, a stale cached answer when every provider is down, an
// escalation when nothing is cached — and every decision read back through /api/v1/requests.
import Anthropic from "@anthropic-ai/sdk";
import { CircuitOpenError, Sextant, type BreakerChange } from "@sextant/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/requests/route";
import { startFakeProvider, type FakeProvider } from "@/scripts/fake-provider/server";
import { INGEST_ROUTES, ingestWorld, serveRoutes } from "@/test/ingest-helpers";
import type { RequestItem } from "@/lib/requests/item";

let app: Awaited<ReturnType<typeof serveRoutes>>;
let primary: FakeProvider;
let backup: FakeProvider;
let w: Awaited<ReturnType<typeof ingestWorld>>;
let sx: Sextant;

beforeAll(async () => {
  app = await serveRoutes([...INGEST_ROUTES, { method: "GET", path: /^\/api\/v1\/requests$/, handler: listRoute }]);
  primary = await startFakeProvider({ seed: 11, retryAfterMs: 5 });
  backup = await startFakeProvider({ seed: 12 });
  w = await ingestWorld(app.url);
  sx = new Sextant({ baseUrl: app.url, secretKey: w.key.secretKey, exitHooks: false, onError: (e) => console.error(e) });
});

afterAll(async () => {
  await sx.shutdown(2_000);
  await primary.close();
  await backup.close();
  await app.close();
});

const openaiOn = (p: FakeProvider) => sx.wrapOpenAI(new OpenAI({ baseURL: p.openaiBaseUrl, apiKey: "test", maxRetries: 0 }));
const claudeOn = (p: FakeProvider) => sx.wrapAnthropic(new Anthropic({ baseURL: p.anthropicBaseUrl, apiKey: "test", maxRetries: 0 }));
const ask = (content: string, model = "gpt-4o") => ({ model, messages: [{ role: "user" as const, content }] });

/** Every request recorded for an endpoint, through the app's read API. */
async function recorded(endpoint: string): Promise<RequestItem[]> {
  await sx.flush();
  const items: RequestItem[] = [];
  let cursor = "";
  do {
    const res = await fetch(`${app.url}/api/v1/requests?endpoint=${endpoint}&limit=500${cursor ? `&cursor=${cursor}` : ""}`, { headers: { authorization: `Bearer ${w.key.secretKey}` } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { items: RequestItem[]; nextCursor: string | null };
    items.push(...page.items.filter((i) => i.kind === "llm"));
    cursor = page.nextCursor ? encodeURIComponent(page.nextCursor) : "";
  } while (cursor);
  return items;
}

describe("retry under 30 % transient failures", () => {
  it("serves ≥ 99.5 % of 2,000 calls, records the attempts, and never retries a permanent error", async () => {
    primary.setFaults({ server_error: 0.2, rate_limit: 0.1 });
    const ai = sx.reliable(openaiOn(primary), { retry: { maxAttempts: 4, baseDelayMs: 2, maxDelayMs: 20 }, fallbacks: [{ model: "gpt-4o-mini" }] });
    let ok = 0;
    await sx.trace("chaos", async () => {
      for (let batch = 0; batch < 40; batch++) {
        const results = await Promise.allSettled(Array.from({ length: 50 }, (_, i) => ai.chat.completions.create(ask(`question ${batch * 50 + i}`))));
        ok += results.filter((r) => r.status === "fulfilled").length;
      }
    }, { endpoint: "chaos-retry" });
    expect(ok / 2_000).toBeGreaterThanOrEqual(0.995);

    primary.setFaults({});
    const before = primary.requests;
    await expect(sx.trace("permanent", () => ai.chat.completions.create(ask("far too long"), { headers: { "x-fake-fault": "context_length" } }), { endpoint: "chaos-permanent" })).rejects.toBeInstanceOf(OpenAI.BadRequestError);
    expect(primary.requests - before).toBe(1);

    const rows = await recorded("chaos-retry");
    expect(rows.some((r) => r.status === "ok" && (r.attempts ?? 1) > 1)).toBe(true);
    expect(rows.filter((r) => r.status === "error").every((r) => ["server_error", "rate_limit"].includes(r.error!.type!))).toBe(true);
    expect(await recorded("chaos-permanent")).toEqual([expect.objectContaining({ status: "error", attempts: 1, error: expect.objectContaining({ type: "bad_request", httpStatus: 400 }) })]);
  }, 120_000);
});

describe("circuit breaker", () => {
  it("opens on a dead provider, fails fast to the fallback without a network attempt, and one probe closes it", async () => {
    const changes: BreakerChange[] = [];
    const ai = sx.reliable(openaiOn(primary), {
      breaker: { failureRatio: 0.5, minRequests: 4, windowMs: 60_000, cooldownMs: 200, onStateChange: (c) => changes.push(c) },
      fallbacks: [{ client: claudeOn(backup), model: "claude-3-5-haiku-latest" }],
    });
    primary.setFaults({ server_error: 1 });
    const start = primary.requests;
    const answers = await sx.trace("breaker", async () => {
      const out: OpenAI.ChatCompletion[] = [];
      for (let i = 0; i < 7; i++) out.push(await ai.chat.completions.create(ask(`breaker ${i}`)));
      return out;
    }, { endpoint: "chaos-breaker" });
    expect(primary.requests - start).toBe(4); // then open: the last 3 never reached the provider
    expect(answers.every((a) => a.object === "chat.completion" && a.model.startsWith("claude"))).toBe(true);
    expect(changes.map((c) => `${c.from}>${c.to}`)).toEqual(["closed>open"]);

    primary.setFaults({});
    await new Promise((r) => setTimeout(r, 250)); // the cool-down
    const probe = await sx.trace("probe", () => ai.chat.completions.create(ask("probe")), { endpoint: "chaos-breaker" });
    expect(probe.model).toBe("gpt-4o");
    expect(primary.requests - start).toBe(5);
    expect(changes.map((c) => `${c.from}>${c.to}`)).toEqual(["closed>open", "open>half_open", "half_open>closed"]);

    const rows = await recorded("chaos-breaker");
    expect(rows.filter((r) => r.error?.type === "circuit_open")).toHaveLength(3);
    expect(rows.filter((r) => r.provider === "anthropic" && r.fallbackFrom === "gpt-4o" && r.status === "ok")).toHaveLength(7);
    expect(rows.find((r) => r.metadata["reliable.breakerChange"] === "closed>open")).toMatchObject({ provider: "openai", status: "error" });
    expect(rows.find((r) => r.metadata["reliable.breaker"] === "half_open")).toMatchObject({ status: "ok", metadata: { "reliable.breakerChange": "half_open>closed" } });
  });

  it("throws CircuitOpenError at once when there is no fallback", async () => {
    const ai = sx.reliable(openaiOn(primary), { breaker: { minRequests: 1, cooldownMs: 60_000 } });
    primary.setFaults({ server_error: 1 });
    await expect(ai.chat.completions.create(ask("x", "gpt-4.1"))).rejects.toBeInstanceOf(OpenAI.InternalServerError);
    await expect(ai.chat.completions.create(ask("x", "gpt-4.1"))).rejects.toBeInstanceOf(CircuitOpenError);
    primary.setFaults({});
  });
});

describe("when every provider is down", () => {
  it("serves an earlier answer marked stale, and with nothing cached calls the escalate hook", async () => {
    const escalated: unknown[] = [];
    const ai = sx.reliable(openaiOn(primary), {
      cache: { ttlMs: 1 },
      fallbacks: [
        { client: claudeOn(backup), model: "claude-3-5-haiku-latest" },
        { cached: { maxStaleMs: 86_400_000 } },
        { escalate: { queue: "support", handler: (req) => void escalated.push(req), answer: { object: "chat.completion", choices: [{ message: { role: "assistant", content: "A person will reply by e-mail." } }] } } },
      ],
    });
    const first = await sx.trace("warm", () => ai.chat.completions.create(ask("What are your opening hours?")), { endpoint: "chaos-down" });
    await new Promise((r) => setTimeout(r, 5)); // older than the TTL: only a stale answer now
    primary.setFaults({ server_error: 1 });
    backup.setFaults({ server_error: 1 });
    try {
      const stale = await sx.trace("stale", () => ai.chat.completions.create(ask("What are your opening hours?")), { endpoint: "chaos-down" });
      expect(stale.choices[0]!.message.content).toBe(first.choices[0]!.message.content);
      const holding = await sx.trace("escalate", () => ai.chat.completions.create(ask("Cancel my subscription")), { endpoint: "chaos-down" });
      expect(holding.choices[0]!.message.content).toBe("A person will reply by e-mail.");
      expect(escalated).toEqual([expect.objectContaining({ queue: "support", model: "gpt-4o", input: [{ role: "user", content: "Cancel my subscription" }] })]);
    } finally {
      primary.setFaults({});
      backup.setFaults({});
    }
    const rows = await recorded("chaos-down");
    expect(rows.filter((r) => r.cacheHit)).toEqual([expect.objectContaining({ status: "ok", fallbackFrom: "gpt-4o", metadata: expect.objectContaining({ "reliable.cache": "stale" }), tags: expect.arrayContaining(["cache:stale"]) })]);
    expect(rows.filter((r) => r.tags.includes("escalated"))).toEqual([expect.objectContaining({ metadata: expect.objectContaining({ "reliable.escalation": "handler", "reliable.queue": "support" }) })]);
    expect(rows.filter((r) => r.provider === "anthropic" && r.status === "error")).toHaveLength(2);
  });
});

describe("the client's own helpers", () => {
  it("keep working through reliable() (they call the wrapped client, without the policy)", async () => {
    const ai = sx.reliable(openaiOn(primary), { retry: { maxAttempts: 2 } });
    const claude = sx.reliable(claudeOn(backup), { retry: { maxAttempts: 2 } });
    expect((await ai.chat.completions.stream(ask("helper")).finalChatCompletion()).object).toBe("chat.completion");
    expect((await claude.messages.stream({ model: "claude-3-5-haiku-latest", max_tokens: 50, messages: [{ role: "user", content: "hi" }] }).finalMessage()).type).toBe("message");
  });
});
