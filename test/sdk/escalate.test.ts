// The human fallback: `sextant.escalate` and the reliability chain's escalate step put a
// request into a review queue of a running app, through real HTTP.
import { Sextant } from "@sextant/sdk";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as escalationsRoute } from "@/app/api/v1/escalations/route";
import { claimItem } from "@/lib/review/claim";
import { createQueue } from "@/lib/review/create-queue";
import { startFakeProvider, type FakeProvider } from "@/scripts/fake-provider/server";
import { INGEST_ROUTES, ingestWorld, serveRoutes } from "@/test/ingest-helpers";

let app: Awaited<ReturnType<typeof serveRoutes>>;
let provider: FakeProvider;
let w: Awaited<ReturnType<typeof ingestWorld>>;
let sx: Sextant;
const errors: string[] = [];

beforeAll(async () => {
  app = await serveRoutes([...INGEST_ROUTES, { method: "POST", path: /^\/api\/v1\/escalations$/, handler: escalationsRoute }]);
  provider = await startFakeProvider({ seed: 5, latencyMs: 5 });
  w = await ingestWorld(app.url);
  sx = new Sextant({ baseUrl: app.url, secretKey: w.key.secretKey, exitHooks: false, onError: (e) => errors.push(e.message) });
});

afterAll(async () => {
  await sx.shutdown(2_000);
  await provider.close();
  await app.close();
});

describe("sextant.escalate", () => {
  it("queues a request by id (before its event arrives), and refuses an unknown queue without throwing", async () => {
    const queue = await createQueue(w.world.as("owner"), { name: "escalated", rubric: [{ name: "resolved", type: "boolean" }] });
    const result = await sx.escalate({ requestId: "req-angry", queue: "escalated", reason: "user asked for a person", priority: 5 });
    expect(result).toMatchObject({ ok: true, created: true, item: { requestId: "req-angry" } });
    const claimed = await claimItem(w.world.as("owner"), queue.id);
    expect(claimed.item).toMatchObject({ requestId: "req-angry", priority: 5 });

    const missing = await sx.escalate({ requestId: "req-angry", queue: "no-such-queue" });
    expect(missing).toMatchObject({ ok: false, status: 404 });
    expect(errors.some((e) => e.includes("no-such-queue"))).toBe(true);
  });

  it("is the last step of a fallback chain: when every provider fails, the failed call lands in the queue", async () => {
    const queue = await createQueue(w.world.as("owner"), { name: "fallback-humans", rubric: [{ name: "answered", type: "boolean" }] });
    provider.setFaults({ server_error: 1 });
    const ai = sx.reliable(sx.wrapOpenAI(new OpenAI({ baseURL: provider.openaiBaseUrl, apiKey: "test", maxRetries: 0 })), {
      fallbacks: [{ model: "gpt-4o-mini" }, { escalate: { queue: "fallback-humans", answer: "A person will reply by e-mail." } }],
    });
    const answer = await sx.trace("escalation", () => ai.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "help" }] }));
    provider.setFaults({});
    expect(JSON.stringify(answer)).toContain("A person will reply by e-mail.");
    await sx.flush();
    const claimed = await claimItem(w.world.as("owner"), queue.id);
    expect(claimed.item).not.toBeNull();
    // The item points at a request that was recorded: the failed call, with its input.
    expect(claimed.request?.status).toBe("error");
    expect(JSON.stringify(claimed.request?.input)).toContain("help");
  });
});
