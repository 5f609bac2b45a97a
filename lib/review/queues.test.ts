// Queue configuration verbs against the real database: validation, roles, audit, isolation.
import { describe, expect, it } from "vitest";
import { auditRowsOf, expectAppError, makeWorld, orgFootprint } from "@/test/factories";
import { keyCtx } from "@/lib/requests/test-events";
import { addItems } from "./add-items";
import { claimItem } from "./claim";
import { completeItem } from "./complete";
import { createQueue } from "./create-queue";
import { deleteQueue } from "./delete-queue";
import { getQueue } from "./get-queue";
import { listQueues } from "./list-queues";
import { updateQueue } from "./update-queue";
import { RUBRIC, storeRequests } from "./test-helpers";

describe("review queues", () => {
  it("creates, reads, lists, updates and deletes a queue, auditing each change", async () => {
    const w = await makeWorld();
    const queue = await createQueue(w.as("member"), { name: "Support answers", rubric: RUBRIC, samplingRules: [{ filter: { endpoint: "/chat" }, rate: 10 }], reviewers: [w.users.reviewer.id] });
    expect(queue).toMatchObject({ name: "Support answers", rubric: RUBRIC, allowCorrection: false, reviewsPerItem: 1, lockSeconds: 300, reviewers: [w.users.reviewer.id] });
    expect(queue.samplingRules).toEqual([{ filter: { endpoint: "/chat" }, rate: 10 }]);
    expect(await getQueue(w.as("viewer"), queue.id)).toEqual(queue);
    expect((await listQueues(w.as("reviewer"))).map((q) => [q.name, q.counts])).toEqual([["Support answers", { pending: 0, completed: 0 }]]);

    const updated = await updateQueue(w.as("admin"), queue.id, { allowCorrection: true, reviewsPerItem: 2, description: "Weekly sample" });
    expect(updated).toMatchObject({ allowCorrection: true, reviewsPerItem: 2, description: "Weekly sample", rubric: RUBRIC });
    await deleteQueue(w.as("owner"), queue.id);
    await expectAppError(getQueue(w.as("owner"), queue.id), "NOT_FOUND");

    const audit = (await auditRowsOf(w.orgId)).filter((a) => a.resourceType === "review_queue");
    expect(audit.map((a) => [a.action, a.actorLabel])).toEqual([
      ["review_queue.create", w.users.member.email],
      ["review_queue.update", w.users.admin.email],
      ["review_queue.delete", w.users.owner.email],
    ]);
    expect(audit[1]).toMatchObject({ before: { allowCorrection: false }, after: { allowCorrection: true } });
  });

  it("refuses queue changes to reviewers and viewers (403) and leaves everything as it was", async () => {
    const w = await makeWorld();
    const queue = await createQueue(w.as("owner"), { name: "q", rubric: RUBRIC });
    const before = await orgFootprint(w);
    for (const role of ["reviewer", "viewer"] as const) {
      await expectAppError(createQueue(w.as(role), { name: "mine", rubric: RUBRIC }), "FORBIDDEN");
      await expectAppError(updateQueue(w.as(role), queue.id, { name: "renamed" }), "FORBIDDEN");
      await expectAppError(deleteQueue(w.as(role), queue.id), "FORBIDDEN");
      await expectAppError(addItems(w.as(role), queue.id, { requestIds: ["x"] }), "FORBIDDEN");
    }
    await expectAppError(claimItem(w.as("viewer"), queue.id), "FORBIDDEN");
    expect(await orgFootprint(w)).toEqual(before);
    expect((await getQueue(w.as("owner"), queue.id)).name).toBe("q");
  });

  it("names every invalid field: rubric lines, rates, reviewers, duplicate names", async () => {
    const w = await makeWorld();
    const err = await expectAppError(
      createQueue(w.as("owner"), {
        name: "bad",
        rubric: [
          { name: "score", type: "numeric", min: 5, max: 1 },
          { name: "tone", type: "categorical" },
          { name: "ok", type: "boolean", options: ["a", "b"] },
          { name: "score", type: "text" },
        ],
        samplingRules: [{ filter: { colour: "red" }, rate: 120 }],
      }),
      "UNPROCESSABLE_ENTITY",
    );
    expect(err.issues!.map((i) => i.path).sort()).toEqual(["rubric.0.max", "rubric.1.options", "rubric.2.options", "rubric.3.name", "samplingRules.0.filter", "samplingRules.0.rate"]);
    const outsider = await makeWorld();
    const reviewers = await expectAppError(createQueue(w.as("owner"), { name: "r", rubric: RUBRIC, reviewers: [outsider.users.reviewer.id, w.users.viewer.id] }), "UNPROCESSABLE_ENTITY");
    expect(reviewers.issues!.map((i) => i.path)).toEqual(["reviewers.0", "reviewers.1"]);
    await createQueue(w.as("owner"), { name: "taken", rubric: RUBRIC });
    await expectAppError(createQueue(w.as("owner"), { name: "taken", rubric: RUBRIC }), "CONFLICT");
    expect((await listQueues(w.as("owner"))).map((q) => q.name)).toEqual(["taken"]);
  });

  it("checks answers against the rubric and the correction setting", async () => {
    const w = await makeWorld();
    const [id] = await storeRequests(w, 1);
    const queue = await createQueue(w.as("owner"), { name: "q", rubric: RUBRIC });
    await addItems(w.as("owner"), queue.id, { requestIds: [id!] });
    const { item } = await claimItem(w.as("reviewer"), queue.id);
    const bad = await expectAppError(completeItem(w.as("reviewer"), item!.id, { scores: { helpful: 9, correct: "yes", tone: "angry", extra: 1 } }), "UNPROCESSABLE_ENTITY");
    expect(bad.issues!.map((i) => i.path)).toEqual(["scores.extra", "scores.helpful", "scores.correct", "scores.tone"]);
    const missing = await expectAppError(completeItem(w.as("reviewer"), item!.id, { scores: { helpful: 3 } }), "UNPROCESSABLE_ENTITY");
    expect(missing.issues!.map((i) => i.path)).toEqual(["scores.correct", "scores.tone"]);
    const correction = await expectAppError(completeItem(w.as("reviewer"), item!.id, { scores: { helpful: 3, correct: true, tone: "neutral" }, correctedOutput: "better" }), "UNPROCESSABLE_ENTITY");
    expect(correction.issues!.map((i) => i.path)).toEqual(["correctedOutput"]);
    const done = await completeItem(w.as("reviewer"), item!.id, { scores: { helpful: 3, correct: true, tone: "neutral" } });
    expect(done).toMatchObject({ status: "completed", completedReviews: 1, lockedBy: null });
  });

  it("hides another project's queues and items (404)", async () => {
    const mine = await makeWorld();
    const other = await makeWorld();
    const queue = await createQueue(other.as("owner"), { name: "theirs", rubric: RUBRIC });
    const [id] = await storeRequests(other, 1);
    await addItems(other.as("owner"), queue.id, { requestIds: [id!] });
    const { item } = await claimItem(keyCtx(other), queue.id);
    await expectAppError(getQueue(mine.as("owner"), queue.id), "NOT_FOUND");
    await expectAppError(updateQueue(mine.as("owner"), queue.id, { name: "mine" }), "NOT_FOUND");
    await expectAppError(deleteQueue(mine.as("owner"), queue.id), "NOT_FOUND");
    await expectAppError(claimItem(mine.as("owner"), queue.id), "NOT_FOUND");
    await expectAppError(completeItem(mine.as("owner"), item!.id, { scores: {} }), "NOT_FOUND");
    await expectAppError(getQueue(mine.as("owner"), "not-a-uuid"), "NOT_FOUND");
    // Requests of another project cannot be queued either.
    const own = await createQueue(mine.as("owner"), { name: "mine", rubric: RUBRIC });
    await expectAppError(addItems(mine.as("owner"), own.id, { requestIds: [id!] }), "NOT_FOUND");
    expect(await listQueues(mine.as("owner"))).toHaveLength(1);
  });
});
