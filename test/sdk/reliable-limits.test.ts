// The toolkit's limits against the fake provider with the real `openai` client: load
// shedding by the concurrency limiter, a per-user rate limit, and hard and soft budgets
// from a local limits object — each decision read back through /api/v1/requests.
import { BudgetExceededError, ShedError, Sextant, type Limits } from "@sextant/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listRoute } from "@/app/api/v1/requests/route";
import { startFakeProvider, type FakeProvider } from "@/scripts/fake-provider/server";
import { ask, callUntilRefused, cost } from "@/test/sdk/budget-calls";
import { INGEST_ROUTES, ingestWorld, serveRoutes } from "@/test/ingest-helpers";
import type { RequestItem } from "@/lib/requests/item";

let app: Awaited<ReturnType<typeof serveRoutes>>;
let provider: FakeProvider;
let w: Awaited<ReturnType<typeof ingestWorld>>;
let sx: Sextant;
let openai: OpenAI;

beforeAll(async () => {
  app = await serveRoutes([...INGEST_ROUTES, { method: "GET", path: /^\/api\/v1\/requests$/, handler: listRoute }]);
  provider = await startFakeProvider({ seed: 21, latencyMs: 20 });
  w = await ingestWorld(app.url);
  sx = new Sextant({ baseUrl: app.url, secretKey: w.key.secretKey, exitHooks: false, onError: (e) => console.error(e) });
  openai = sx.wrapOpenAI(new OpenAI({ baseURL: provider.openaiBaseUrl, apiKey: "test", maxRetries: 0 }));
});

afterAll(async () => {
  await sx.shutdown(2_000);
  await provider.close();
  await app.close();
});


async function recorded(endpoint: string): Promise<RequestItem[]> {
  await sx.flush();
  const res = await fetch(`${app.url}/api/v1/requests?endpoint=${endpoint}&limit=500`, { headers: { authorization: `Bearer ${w.key.secretKey}` } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: RequestItem[] }).items.filter((i) => i.kind === "llm");
}

describe("concurrency limiter", () => {
  it("with 4 in flight and 8 queued, a burst of 50 gets 12 served and 38 shed at once", async () => {
    const ai = sx.reliable(openai, { limiter: { maxInFlight: 4, maxQueue: 8, maxWaitMs: 30_000 } });
    const before = provider.requests;
    const order: string[] = [];
    await sx.trace("burst", () =>
      Promise.all(Array.from({ length: 50 }, (_, i) => ai.chat.completions.create(ask(`burst ${i}`)).then(() => order.push("served"), (e: unknown) => order.push(e instanceof ShedError ? e.reason : String(e))))),
    { endpoint: "limits-burst" });
    expect(order.slice(0, 38)).toEqual(Array(38).fill("queue_full")); // every shed call settled before the first answer
    expect(order.slice(38)).toEqual(Array(12).fill("served"));
    expect(provider.requests - before).toBe(12);
    const rows = await recorded("limits-burst");
    expect(rows.filter((r) => r.error?.type === "shed" && r.metadata["reliable.shed"] === "queue_full")).toHaveLength(38);
    expect(rows.filter((r) => r.status === "ok")).toHaveLength(12);
  });
});

describe("per-user rate limit", () => {
  it("sheds the 11th request of a user in a 10-per-minute window, and only that user's", async () => {
    const ai = sx.reliable(openai, { userRateLimit: { requestsPerMinute: 10 } });
    const before = provider.requests;
    await sx.trace("user-1", async () => {
      for (let i = 0; i < 10; i++) await ai.chat.completions.create(ask(`u1 ${i}`));
      await expect(ai.chat.completions.create(ask("u1 11"))).rejects.toMatchObject({ name: "ShedError", reason: "rate_limit" });
    }, { endpoint: "limits-user", userId: "user-1" });
    await sx.trace("user-2", () => ai.chat.completions.create(ask("u2")), { endpoint: "limits-user", userId: "user-2" });
    expect(provider.requests - before).toBe(11);
    const shed = (await recorded("limits-user")).filter((r) => r.error?.type === "shed");
    expect(shed).toEqual([expect.objectContaining({ userId: "user-1", tags: ["shed"], metadata: expect.objectContaining({ "reliable.shed": "rate_limit" }) })]);
  });
});

describe("budgets from the local limits object", () => {
  const prices = { "gpt-4o-mini": { inputPerMTok: 0.15, outputPerMTok: 0.6 }, "gpt-4o": { inputPerMTok: 2.5, outputPerMTok: 10 } };
  const limits = (action: "block" | "downgrade"): Limits => ({
    prices,
    budgets: [{ id: `daily-${action}`, scope: "endpoint", match: `limits-${action}`, period: "day", limitUsd: 0.01, enforcement: "hard", action, downgradeTo: "gpt-4o-mini", spentUsd: 0.0095 }],
  });

  it("hard block: calls stop within one call of the limit", async () => {
    const ai = sx.reliable(openai, { budget: { limits: limits("block") } });
    const { served, stopped: blocked } = await callUntilRefused(sx, ai, "limits-block");
    expect(blocked).toBeInstanceOf(BudgetExceededError);
    const spentBeforeLast = 0.0095 + served.slice(0, -1).reduce((s, a) => s + cost(a), 0);
    expect(spentBeforeLast).toBeLessThan(0.01); // only the last served call crossed the limit
    const rows = await recorded("limits-block");
    expect(rows.filter((r) => r.error?.type === "budget_blocked")).toEqual([expect.objectContaining({ metadata: expect.objectContaining({ "reliable.budget": "blocked", "reliable.budgetId": "daily-block" }) })]);
  });

  it("hard downgrade: past the limit calls go to the named cheaper model; a soft budget is reported", async () => {
    const soft: string[] = [];
    const l = limits("downgrade");
    l.budgets!.push({ id: "alert", scope: "project", period: "month", limitUsd: 0, enforcement: "soft" });
    const ai = sx.reliable(openai, { budget: { limits: l, onSoftLimit: (b) => soft.push(b.id) } });
    const answers = await sx.trace("downgrade", async () => {
      const out: OpenAI.ChatCompletion[] = [];
      for (let i = 0; i < 8; i++) out.push(await ai.chat.completions.create(ask(`cheap ${i}`)));
      return out;
    }, { endpoint: "limits-downgrade" });
    const models = answers.map((a) => a.model);
    const firstCheap = models.indexOf("gpt-4o-mini");
    expect(firstCheap).toBeGreaterThan(0);
    expect(models.slice(firstCheap).every((m) => m === "gpt-4o-mini")).toBe(true);
        const full = answers.slice(0, firstCheap);
    expect(0.0095 + full.slice(0, -1).reduce((s, a) => s + cost(a), 0)).toBeLessThan(0.01); // downgraded within one call of the limit
    expect(0.0095 + full.reduce((s, a) => s + cost(a), 0)).toBeGreaterThanOrEqual(0.01);
    expect(soft).toEqual(["alert"]);
    const rows = await recorded("limits-downgrade");
    expect(rows.filter((r) => r.metadata["reliable.budget"] === "downgraded").every((r) => r.model === "gpt-4o-mini" && r.metadata["reliable.downgradedFrom"] === "gpt-4o")).toBe(true);
    expect(rows.filter((r) => r.metadata["reliable.budget"] === "downgraded")).toHaveLength(8 - firstCheap);
    expect(rows.every((r) => r.tags.includes("budget:soft"))).toBe(true);
  });
});
