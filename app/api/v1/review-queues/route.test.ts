// The review routes end to end with a secret key: envelope, statuses, JSONL export, scores in reads.
import { describe, expect, it } from "vitest";
import { RUBRIC, storeRequests } from "@/lib/review/test-helpers";
import { errorOf, reviewApi } from "./test-client";

type Json = Record<string, unknown> & { id: string };

describe("/api/v1/review-queues", () => {
  it("creates a queue, reviews an item and shows the verdict on the request, in metrics and in the export", async () => {
    const api = await reviewApi();
    const ids = await storeRequests(api.world, 3, "api");
    const created = await api.create({ name: "answers", rubric: RUBRIC, allowCorrection: true });
    expect(created.status).toBe(201);
    const queue = (await created.json()) as Json;
    expect(queue.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await (await api.list()).json()) as { queues: Json[] }).queues.map((x) => x.name)).toEqual(["answers"]);
    expect(await (await api.addItems(queue.id, { requestIds: [...ids, "nope"], priority: 2 })).json()).toEqual({ added: 3, alreadyQueued: 0, notFound: ["nope"] });

    const claimed = (await (await api.claim(queue.id)).json()) as { item: Json; request: Json };
    expect(claimed.request.id).toBe(claimed.item.requestId);
    const bad = await api.complete(claimed.item.id, { scores: { helpful: 0, correct: true, tone: "neutral" } });
    expect(bad.status).toBe(422);
    expect((await errorOf(bad)).issues!.map((i) => i.path)).toEqual(["scores.helpful"]);
    const done = await api.complete(claimed.item.id, { scores: { helpful: 2, correct: false, tone: "rude", notes: "wrong order id" }, correctedOutput: { role: "assistant", content: "Order 42 ships today." }, comment: "made up" });
    expect(done.status).toBe(200);
    expect(await done.json()).toMatchObject({ status: "completed" });

    const request = (await (await api.request(claimed.item.requestId as string)).json()) as { scores: { name: string; value: unknown; source: string }[] };
    expect(request.scores.map((s) => [s.name, s.value, s.source]).sort()).toEqual([["correct", false, "human"], ["helpful", 2, "human"], ["tone", "rude", "human"]]);
    const metrics = (await (await api.metrics()).json()) as { groups: { scores: Record<string, { avg: number; count: number }> }[] };
    expect(metrics.groups[0]!.scores).toMatchObject({ helpful: { avg: 2, count: 1 }, correct: { avg: 0, count: 1 } });

    const second = (await (await api.claim(queue.id)).json()) as { item: Json };
    expect((await api.skip(second.item.id)).status).toBe(200);
    const progress = (await (await api.progress(queue.id)).json()) as { items: Record<string, number>; reviewers: { reviewer: string; completed: number; skipped: number }[] };
    expect(progress.items).toMatchObject({ pending: 2, completed: 1 });
    expect(progress.reviewers).toMatchObject([{ reviewer: "API key “reviews”", completed: 1, skipped: 1 }]);

    const exported = await api.exportQueue(queue.id);
    expect(exported.headers.get("content-type")).toContain("application/x-ndjson");
    const lines = (await exported.text()).split("\n");
    expect(lines.pop()).toBe("");
    const rows = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toEqual([
      expect.objectContaining({
        requestId: claimed.item.requestId,
        input: [{ role: "user", content: expect.stringMatching(/^question/) }],
        output: { role: "assistant", content: expect.stringMatching(/^answer/) },
        correctedOutput: { role: "assistant", content: "Order 42 ships today." },
        scores: { helpful: 2, correct: false, tone: "rude", notes: "wrong order id" },
        comments: ["made up"],
      }),
    ]);
  });

  it("escalates by request or trace id to a queue named by the SDK", async () => {
    const api = await reviewApi();
    const [id] = await storeRequests(api.world, 1, "esc");
    const queue = (await (await api.create({ name: "human-fallback", rubric: RUBRIC })).json()) as Json;
    const first = await api.escalate({ requestId: id, queue: "human-fallback", reason: "guardrail tripped", priority: 10 });
    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({ created: true, item: { requestId: id, traceId: "esc-trace-0", source: "escalation", priority: 10, reason: "guardrail tripped" } });
    const byTrace = await api.escalate({ traceId: "esc-trace-0", queue: queue.id, priority: 20 });
    expect(byTrace.status).toBe(200);
    expect(await byTrace.json()).toMatchObject({ created: false, item: { requestId: id, priority: 20 } });
    const early = await api.escalate({ requestId: "not-arrived-yet", queue: "human-fallback" });
    expect(early.status).toBe(201);
    expect((await api.escalate({ traceId: "unknown-trace", queue: "human-fallback" })).status).toBe(404);
    expect((await api.escalate({ requestId: id, queue: "no-such-queue" })).status).toBe(404);
    const both = await api.escalate({ requestId: id, traceId: "t", queue: "human-fallback" });
    expect(both.status).toBe(422);
  });

  it("answers 404 for another project's queue and items, 403 for the public key, 422 with paths", async () => {
    const api = await reviewApi();
    const other = await reviewApi();
    const theirs = (await (await other.create({ name: "theirs", rubric: RUBRIC })).json()) as Json;
    const [id] = await storeRequests(other.world, 1, "iso");
    await other.addItems(theirs.id, { requestIds: [id] });
    const item = ((await (await other.claim(theirs.id)).json()) as { item: Json }).item;
    for (const res of [await api.get(theirs.id), await api.patch(theirs.id, { name: "x" }), await api.remove(theirs.id), await api.claim(theirs.id), await api.exportQueue(theirs.id), await api.complete(item.id, { scores: {} }), await api.skip(item.id)]) {
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe("NOT_FOUND");
    }
    expect((await api.get(theirs.id, api.key.publicKey)).status).toBe(403);
    const invalid = await api.create({ name: "", rubric: [] });
    expect(invalid.status).toBe(422);
    expect((await errorOf(invalid)).issues!.map((i) => i.path)).toEqual(["name", "rubric"]);
    expect((await api.create("{oops")).status).toBe(400);
    expect((await other.remove(theirs.id)).status).toBe(204);
    expect((await other.get(theirs.id)).status).toBe(404);
  });
});
