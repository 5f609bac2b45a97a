// Sampling at ingestion: deterministic rate over real ingests, filters, negative feedback, cost.
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { ingestScores } from "@/lib/scores/ingest";
import { keyCtx, store } from "@/lib/requests/test-events";
import { testDb } from "@/test/db";
import { makeWorld } from "@/test/factories";
import { createQueue } from "./create-queue";
import { deleteQueue } from "./delete-queue";
import { compileRule, pickForReview, type SampledRequest } from "./sampling";
import { requestEvents, RUBRIC, storeRequests } from "./test-helpers";
import { updateQueue } from "./update-queue";

async function itemsOf(queueId: string): Promise<{ request_id: string; source: string }[]> {
  const r = await testDb().execute<{ request_id: string; source: string }>(sql`select request_id, source from review_items where queue_id = ${queueId} order by request_id`);
  return r.rows;
}

const row = (over: Partial<SampledRequest> = {}): SampledRequest => ({
  project_id: "p", id: randomUUID(), kind: "llm", trace_id: null, model: "gpt-4o", provider: "openai", endpoint: "/chat", user_id: "u1", session_id: null,
  environment: "production", status: "ok", error_type: null, prompt_name: "answer", prompt_version: 3, tags: ["beta"], metadata: { tier: 2, plan: "pro" },
  flags: { model: "new" }, ...over,
});

describe("sampling requests into review queues", () => {
  it("takes 10 % ± 1 % of 10k ingested requests, and the same ones when they are re-sent", async () => {
    const w = await makeWorld();
    const queue = await createQueue(w.as("owner"), { name: "tenth", rubric: RUBRIC, samplingRules: [{ filter: { endpoint: "/chat" }, rate: 10 }] });
    const events = requestEvents(10_000, `s-${randomUUID().slice(0, 8)}`);
    await store(w, events);
    const first = await itemsOf(queue.id);
    expect(first.length).toBeGreaterThanOrEqual(900);
    expect(first.length).toBeLessThanOrEqual(1100);
    expect(first.every((i) => i.source === "sampling")).toBe(true);

    // Re-sent (every one a duplicate): nothing new, nothing lost.
    const again = await (await import("@/lib/ingest/ingest")).ingestEvents(keyCtx(w), events.slice(0, 1000));
    expect(again).toMatchObject({ accepted: 0, duplicates: 1000 });
    expect(await itemsOf(queue.id)).toEqual(first);

    // The hash decides, not chance: the same ids in a new project land in a queue exactly when the bucket says so.
    const twin = await makeWorld();
    const twinQueue = await createQueue(twin.as("owner"), { name: "twin", rubric: RUBRIC, samplingRules: [{ filter: {}, rate: 10 }] });
    await store(twin, events.slice(0, 2000));
    const rule = compileRule(twinQueue.id, { filter: {}, rate: 10 });
    const expected = pickForReview(() => [rule], events.slice(0, 2000).map((e) => row({ id: e.id! })), "sampling").map((p) => p.request_id).sort();
    expect((await itemsOf(twinQueue.id)).map((i) => i.request_id)).toEqual(expected);
  });

  it("applies only matching rules, stops when the queue changes, and ignores deleted queues", async () => {
    const w = await makeWorld();
    const all = await createQueue(w.as("owner"), { name: "errors", rubric: RUBRIC, samplingRules: [{ filter: { status: "error", metadata: { tier: "2" } }, rate: 100 }] });
    await storeRequests(w, 4, "ok", { metadata: { tier: 2 } });
    await storeRequests(w, 3, "err", { status: "error", error: { type: "timeout", message: "slow" }, metadata: { tier: 2 } });
    await storeRequests(w, 2, "err-other-tier", { status: "error", error: { type: "timeout", message: "slow" }, metadata: { tier: 3 } });
    expect((await itemsOf(all.id)).map((i) => i.request_id)).toEqual(["err-00000", "err-00001", "err-00002"]);

    await updateQueue(w.as("owner"), all.id, { samplingRules: [] });
    await storeRequests(w, 2, "err-later", { status: "error", metadata: { tier: 2 } });
    expect(await itemsOf(all.id)).toHaveLength(3);
    await deleteQueue(w.as("owner"), all.id);
    await storeRequests(w, 2, "after-delete", { status: "error", metadata: { tier: 2 } });
    expect(await itemsOf(all.id)).toHaveLength(0);
  });

  it("queues requests when negative user feedback arrives, if a rule asks for it", async () => {
    const w = await makeWorld();
    const queue = await createQueue(w.as("owner"), { name: "unhappy", rubric: RUBRIC, samplingRules: [{ filter: { feedback: "negative", model: "gpt-4o" }, rate: 100 }] });
    const ids = await storeRequests(w, 4, "fb");
    expect(await itemsOf(queue.id)).toEqual([]); // a feedback rule does not sample at ingestion
    await ingestScores(keyCtx(w), [
      { requestId: ids[0]!, name: "thumbs_up", value: false, source: "user" },
      { requestId: ids[1]!, name: "thumbs_up", value: true, source: "user" },
      { requestId: ids[2]!, name: "rating", value: -1, source: "user" },
      { requestId: ids[3]!, name: "thumbs_up", value: false, source: "eval" },
    ]);
    expect(await itemsOf(queue.id)).toEqual([
      { request_id: ids[0], source: "feedback" },
      { request_id: ids[2], source: "feedback" },
    ]);
  });

  it("matches every filter field, and samples model calls only", () => {
    const rule = (filter: Record<string, unknown>, rate = 100) => compileRule("00000000-0000-4000-8000-000000000000", { filter, rate });
    const yes = [{ model: "gpt-4o" }, { environment: "production", endpoint: "/chat" }, { tags: ["beta"] }, { metadata: { tier: "2" } }, { flags: { model: "new" } }, { promptName: "answer", promptVersion: 3 }, { status: "ok" }];
    const no = [{ model: "other" }, { tags: ["beta", "vip"] }, { metadata: { tier: "3" } }, { flags: { model: "old" } }, { promptVersion: 4 }, { status: "error" }, { errorType: "timeout" }];
    for (const f of yes) expect(rule(f).test(row()), JSON.stringify(f)).toBe(true);
    for (const f of no) expect(rule(f).test(row()), JSON.stringify(f)).toBe(false);
    expect(rule({ model: "bad", colour: "red" }).threshold).toBe(0); // an unreadable stored rule samples nothing

    // A trace's root span and its tool calls carry the endpoint too; only its model call is for people to review.
    const all = [rule({ endpoint: "/chat" })];
    const trace = [row({ kind: "span", model: null }), row({ kind: "tool", model: null }), row()];
    expect(pickForReview(() => all, trace, "sampling").map((p) => p.request_id)).toEqual([trace[2]!.id]);
  });
});
