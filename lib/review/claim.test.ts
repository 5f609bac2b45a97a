// Claiming, completing and skipping against the real database: concurrency, lock expiry, agreement.
import { describe, expect, it } from "vitest";
import type { ProjectCtx } from "@/lib/context";
import { queryMetrics } from "@/lib/metrics/query";
import { getRequest } from "@/lib/requests/get";
import { addMember, expectAppError, makeWorld } from "@/test/factories";
import { addItems } from "./add-items";
import { claimItem } from "./claim";
import { completeItem } from "./complete";
import { createQueue } from "./create-queue";
import { exportQueue } from "./export";
import { queueProgress } from "./progress";
import { skipItem } from "./skip";
import { answers, RUBRIC, storeRequests } from "./test-helpers";

const asUser = (ctx: ProjectCtx, user: { id: string; email: string }): ProjectCtx => ({ ...ctx, actor: { type: "user", userId: user.id, email: user.email, role: "reviewer" } });

describe("claiming review items", () => {
  it("gives each of 100 items to exactly one of 20 concurrent reviewers", async () => {
    const w = await makeWorld();
    const ids = await storeRequests(w, 100);
    const queue = await createQueue(w.as("owner"), { name: "busy", rubric: [{ name: "ok", type: "boolean" }] });
    expect(await addItems(w.as("owner"), queue.id, { requestIds: ids })).toEqual({ added: 100, alreadyQueued: 0, notFound: [] });
    const reviewers = await Promise.all(Array.from({ length: 20 }, (_, i) => addMember(w.orgId, "reviewer", `r${i}`)));
    const claimedBy = new Map<string, string[]>();
    await Promise.all(
      reviewers.map(async (user) => {
        const ctx = asUser(w.as("reviewer"), user);
        for (;;) {
          const { item } = await claimItem(ctx, queue.id);
          if (!item) return;
          claimedBy.set(item.id, [...(claimedBy.get(item.id) ?? []), user.id]);
          await completeItem(ctx, item.id, { scores: { ok: true } });
        }
      }),
    );
    expect(claimedBy.size).toBe(100);
    expect([...claimedBy.values()].every((who) => who.length === 1)).toBe(true);
    const progress = await queueProgress(w.as("viewer"), queue.id);
    expect(progress.items).toEqual({ pending: 0, inReview: 0, completed: 100, total: 100 });
    expect(progress.reviewers.reduce((n, r) => n + r.completed, 0)).toBe(100);
  });

  it("hands an item to another reviewer once the lock expires (fake clock), highest priority first", async () => {
    const w = await makeWorld();
    const [low, high] = await storeRequests(w, 2);
    const queue = await createQueue(w.as("owner"), { name: "locks", rubric: [{ name: "ok", type: "boolean" }], lockSeconds: 60 });
    await addItems(w.as("owner"), queue.id, { requestIds: [low!] });
    await addItems(w.as("owner"), queue.id, { requestIds: [high!], priority: 5 });
    const ann = asUser(w.as("reviewer"), await addMember(w.orgId, "reviewer", "ann"));
    const bob = asUser(w.as("reviewer"), await addMember(w.orgId, "reviewer", "bob"));
    let now = new Date("2030-01-01T10:00:00Z");
    const clock = () => now;

    const first = await claimItem(ann, queue.id, clock);
    expect(first.item!.requestId).toBe(high);
    expect(first.request).toMatchObject({ id: high, output: { role: "assistant", content: "answer 1" } });
    expect((await claimItem(ann, queue.id, clock)).item!.id).toBe(first.item!.id); // "next" again returns what you hold
    expect((await claimItem(bob, queue.id, clock)).item!.requestId).toBe(low);

    now = new Date(now.getTime() + 59_000);
    const bobsNext = asUser(w.as("reviewer"), await addMember(w.orgId, "reviewer", "cy"));
    expect((await claimItem(bobsNext, queue.id, clock)).item).toBeNull();
    now = new Date(now.getTime() + 2_000);
    const taken = await claimItem(bobsNext, queue.id, clock);
    expect(taken.item!.id).toBe(first.item!.id);
    // Ann's claim went to someone else: her late answer is refused, the new holder's accepted.
    await expectAppError(completeItem(ann, first.item!.id, { scores: { ok: false } }), "CONFLICT");
    expect(await completeItem(bobsNext, first.item!.id, { scores: { ok: true } })).toMatchObject({ status: "completed" });
  });

  it("never offers an item twice to one reviewer: skips and 2-reviewer agreement", async () => {
    const w = await makeWorld();
    const ids = await storeRequests(w, 3);
    const queue = await createQueue(w.as("owner"), { name: "pairs", rubric: RUBRIC, reviewsPerItem: 2, allowCorrection: true });
    await addItems(w.as("owner"), queue.id, { requestIds: ids });
    const ann = asUser(w.as("reviewer"), await addMember(w.orgId, "reviewer", "ann"));
    const bob = asUser(w.as("reviewer"), await addMember(w.orgId, "reviewer", "bob"));
    const done: string[] = [];
    for (const [who, helpful] of [[ann, 4], [bob, 4], [ann, 5], [bob, 3]] as const) {
      const { item } = await claimItem(who, queue.id);
      await completeItem(who, item!.id, { scores: answers(helpful), comment: `by ${who.actor.type === "user" ? who.actor.email : ""}`, correctedOutput: helpful === 3 ? "A shorter answer." : undefined });
      done.push(item!.requestId);
    }
    expect(new Set(done).size).toBe(2); // each reviewer reviewed two items, both reviewed each
    const skipped = await claimItem(ann, queue.id);
    await skipItem(ann, skipped.item!.id);
    expect((await claimItem(ann, queue.id)).item).toBeNull();
    expect((await claimItem(bob, queue.id)).item!.id).toBe(skipped.item!.id);

    const progress = await queueProgress(w.as("reviewer"), queue.id);
    expect(progress.items).toMatchObject({ completed: 2, pending: 1, inReview: 1 });
    expect(progress.reviewers.map((r) => [r.reviewer, r.completed, r.skipped]).sort()).toEqual([[ann.actor.type === "user" ? ann.actor.email : "", 2, 1], [bob.actor.type === "user" ? bob.actor.email : "", 2, 0]].sort());
    expect(progress.agreement.items).toBe(2);
    expect(progress.agreement.scores.helpful).toMatchObject({ items: 2, agreed: 1, rate: 0.5, meanAbsDifference: 1 });
    expect(progress.agreement.scores.correct).toMatchObject({ items: 2, agreed: 2, rate: 1 });
    expect(progress.agreement.scores.notes).toBeUndefined();

    const lines: string[] = [];
    for await (const line of await exportQueue(w.as("viewer"), queue.id)) lines.push(line);
    const rows = lines.join("").trimEnd().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(rows).toHaveLength(2);
    const corrected = rows.find((r) => r.correctedOutput !== null)!;
    expect(corrected).toMatchObject({ correctedOutput: "A shorter answer.", input: [{ role: "user" }], output: { role: "assistant" } });
    expect((corrected.reviews as unknown[]).length).toBe(2);
    expect(corrected.comments).toHaveLength(2);
  });

  it("turns answers into human scores on the request and in the quality metrics", async () => {
    const w = await makeWorld();
    const [id] = await storeRequests(w, 1);
    const queue = await createQueue(w.as("owner"), { name: "scores", rubric: RUBRIC });
    await addItems(w.as("owner"), queue.id, { requestIds: [id!] });
    const reviewer = w.as("reviewer");
    const { item } = await claimItem(reviewer, queue.id);
    await completeItem(reviewer, item!.id, { scores: answers(4), comment: "good" });
    const detail = await getRequest(w.as("viewer"), id!);
    expect(detail.scores.map((s) => [s.name, s.value, s.source, s.comment]).sort()).toEqual([
      ["correct", true, "human", "good"],
      ["helpful", 4, "human", "good"],
      ["tone", "friendly", "human", "good"],
    ]);
    expect(detail.scores.every((s) => s.id.includes(w.users.reviewer.id))).toBe(true);
    const metrics = await queryMetrics(w.as("viewer"), {});
    expect(metrics.groups[0]!.scores).toMatchObject({ helpful: { avg: 4, count: 1 }, correct: { avg: 1, count: 1 } });
    await expectAppError(completeItem(reviewer, item!.id, { scores: answers(2) }), "CONFLICT");
  });

  it("keeps queues with assigned reviewers to them", async () => {
    const w = await makeWorld();
    const assigned = await addMember(w.orgId, "reviewer", "assigned");
    const queue = await createQueue(w.as("owner"), { name: "private", rubric: RUBRIC, reviewers: [assigned.id] });
    await expectAppError(claimItem(w.as("reviewer"), queue.id), "FORBIDDEN");
    expect((await claimItem(asUser(w.as("reviewer"), assigned), queue.id)).item).toBeNull();
  });
});
