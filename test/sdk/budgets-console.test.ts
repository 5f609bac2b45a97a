// Budgets and per-user limits defined in the console (through /api/v1/budgets) reach the
// SDK with the flag configuration and are enforced before the call by
// `sextant.reliable(client, { budget: true })` — against the fake provider, real `openai`.
import { BudgetExceededError, Sextant } from "@sextant/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createBudgetRoute } from "@/app/api/v1/budgets/route";
import { PUT as userLimitRoute } from "@/app/api/v1/budgets/user-rate-limit/route";
import { GET as configRoute } from "@/app/api/v1/flags/config/route";
import { GET as listRoute } from "@/app/api/v1/requests/route";
import { startFakeProvider, type FakeProvider } from "@/scripts/fake-provider/server";
import { ask, callUntilRefused, cost } from "@/test/sdk/budget-calls";
import { event, INGEST_ROUTES, ingestWorld, serveRoutes } from "@/test/ingest-helpers";
import type { RequestItem } from "@/lib/requests/item";

let app: Awaited<ReturnType<typeof serveRoutes>>;
let provider: FakeProvider;
let w: Awaited<ReturnType<typeof ingestWorld>>;
let sx: Sextant;
let openai: OpenAI;

beforeAll(async () => {
  app = await serveRoutes([
    ...INGEST_ROUTES,
    { method: "GET", path: /^\/api\/v1\/requests$/, handler: listRoute },
    { method: "GET", path: /^\/api\/v1\/flags\/config$/, handler: configRoute },
    { method: "POST", path: /^\/api\/v1\/budgets$/, handler: createBudgetRoute },
    { method: "PUT", path: /^\/api\/v1\/budgets\/user-rate-limit$/, handler: userLimitRoute },
  ]);
  provider = await startFakeProvider({ seed: 31, latencyMs: 10 });
  w = await ingestWorld(app.url);
  // Polling and the stream are off: each delivery below is an explicit refresh, as a poll would do.
  sx = new Sextant({ baseUrl: app.url, secretKey: w.key.secretKey, exitHooks: false, onError: (e) => console.error(e), flags: { key: w.key.secretKey, stream: false, pollIntervalMs: 0, exposures: false } });
  openai = sx.wrapOpenAI(new OpenAI({ baseURL: provider.openaiBaseUrl, apiKey: "test", maxRetries: 0 }));
});

afterAll(async () => {
  await sx.shutdown(2_000);
  await provider.close();
  await app.close();
});


async function putBudget(body: unknown): Promise<void> {
  const res = await fetch(`${app.url}/api/v1/budgets`, { method: "POST", headers: { authorization: `Bearer ${w.key.secretKey}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(res.status).toBe(201);
}

async function recorded(endpoint: string): Promise<RequestItem[]> {
  await sx.flush();
  const res = await fetch(`${app.url}/api/v1/requests?endpoint=${endpoint}&limit=500`, { headers: { authorization: `Bearer ${w.key.secretKey}` } });
  return ((await res.json()) as { items: RequestItem[] }).items.filter((i) => i.kind === "llm");
}

describe("budgets from the console", () => {
  it("a hard budget defined through the API stops calls within one call of the limit, counting the server's spend", async () => {
    // $0.0095 already spent on the endpoint this day, as the server's rollups know it.
    expect((await w.post("/api/v1/ingest", { events: [event({ id: "earlier", endpoint: "console-block", startTime: new Date(Date.now() - 2_000).toISOString(), costUsd: 0.0095 })] })).status).toBe(200);
    const ai = sx.reliable(openai, { budget: true }); // made before the budget exists: the next delivery brings it
    await putBudget({ name: "block-cap", scope: "endpoint", match: "console-block", period: "day", limitUsd: 0.01, enforcement: "hard" });
    await sx.flags.refresh();
    expect(sx.flags.limits()!.budgets).toEqual([expect.objectContaining({ id: "block-cap", spentUsd: 0.0095 })]);

    const { served, stopped: stopped } = await callUntilRefused(sx, ai, "console-block");
    expect(stopped).toBeInstanceOf(BudgetExceededError);
    expect(served.length).toBeGreaterThan(0);
    expect(0.0095 + served.slice(0, -1).reduce((s, a) => s + cost(a), 0)).toBeLessThan(0.01); // only the last served call crossed it
    expect(0.0095 + served.reduce((s, a) => s + cost(a), 0)).toBeGreaterThanOrEqual(0.01);
    const rows = await recorded("console-block");
    expect(rows.filter((r) => r.error?.type === "budget_blocked")).toEqual([expect.objectContaining({ metadata: expect.objectContaining({ "reliable.budgetId": "block-cap" }) })]);
  });

  it("a hard downgrade budget sends calls past the limit to the named cheaper model", async () => {
    await putBudget({ name: "cheap-after", scope: "endpoint", match: "console-downgrade", period: "month", limitUsd: 0.002, enforcement: "hard", action: "downgrade", downgradeTo: "gpt-4o-mini" });
    await sx.flags.refresh();
    const ai = sx.reliable(openai, { budget: true });
    const models = await sx.trace("downgrade", async () => {
      const out: string[] = [];
      for (let i = 0; i < 6; i++) out.push((await ai.chat.completions.create(ask(`cheap ${i}`))).model);
      return out;
    }, { endpoint: "console-downgrade" });
    const firstCheap = models.indexOf("gpt-4o-mini");
    expect(firstCheap).toBeGreaterThan(0);
    expect(models.slice(firstCheap).every((m) => m === "gpt-4o-mini")).toBe(true);
  });

  it("the per-user limit set in the console sheds the 11th request of a user in a 10-per-minute window", async () => {
    const res = await fetch(`${app.url}/api/v1/budgets/user-rate-limit`, { method: "PUT", headers: { authorization: `Bearer ${w.key.secretKey}`, "content-type": "application/json" }, body: JSON.stringify({ requestsPerMinute: 10 }) });
    expect(res.status).toBe(200);
    await sx.flags.refresh();
    const ai = sx.reliable(openai, { budget: true });
    const before = provider.requests;
    await sx.trace("user-1", async () => {
      for (let i = 0; i < 10; i++) await ai.chat.completions.create(ask(`u1 ${i}`));
      // Another budget change is a new delivery with the same per-user limit: the user's bucket is kept.
      await putBudget({ name: "heads-up", scope: "project", period: "month", limitUsd: 1000, enforcement: "soft" });
      await sx.flags.refresh();
      expect(sx.flags.limits()!.budgets!.map((b) => b.id)).toContain("heads-up");
      await expect(ai.chat.completions.create(ask("u1 11"))).rejects.toMatchObject({ name: "ShedError", reason: "rate_limit" });
    }, { endpoint: "console-user", userId: "user-1" });
    await sx.trace("user-2", () => ai.chat.completions.create(ask("u2")), { endpoint: "console-user", userId: "user-2" });
    expect(provider.requests - before).toBe(11);
    const shed = (await recorded("console-user")).filter((r) => r.error?.type === "shed");
    expect(shed).toEqual([expect.objectContaining({ userId: "user-1", metadata: expect.objectContaining({ "reliable.shed": "rate_limit" }) })]);
  });
});
