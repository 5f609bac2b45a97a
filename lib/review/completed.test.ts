// The console's reads of finished work: completed items page by page, one item with its reviews.
import { describe, expect, it } from "vitest";
import { expectAppError, makeWorld } from "@/test/factories";
import { addItems } from "./add-items";
import { claimItem } from "./claim";
import { completeItem } from "./complete";
import { getItem, listCompleted } from "./completed";
import { createQueue } from "./create-queue";
import { skipItem } from "./skip";
import { answers, RUBRIC, storeRequests } from "./test-helpers";

describe("completed review items", () => {
  it("lists completed items newest first in keyset pages, each with its reviews; skips are not completions", async () => {
    const w = await makeWorld();
    const ids = await storeRequests(w, 5);
    const queue = await createQueue(w.as("owner"), { name: "done", rubric: RUBRIC, allowCorrection: true });
    await addItems(w.as("owner"), queue.id, { requestIds: ids });
    const reviewer = w.as("reviewer");
    const finished: string[] = [];
    for (let i = 0; i < 4; i++) {
      const { item } = await claimItem(reviewer, queue.id);
      await completeItem(reviewer, item!.id, { scores: answers(i + 1), comment: `c${i}`, ...(i === 0 ? { correctedOutput: "better" } : {}) });
      finished.push(item!.id);
    }
    const { item: fifth } = await claimItem(reviewer, queue.id);
    await skipItem(reviewer, fifth!.id);

    const first = await listCompleted(w.as("viewer"), queue.id, { limit: 3 });
    expect(first.items.map((i) => i.id)).toEqual(finished.slice(1).reverse());
    expect(first.nextBefore).not.toBeNull();
    const second = await listCompleted(w.as("viewer"), queue.id, { limit: 3, before: first.nextBefore! });
    expect(second.items.map((i) => i.id)).toEqual([finished[0]]);
    expect(second.nextBefore).toBeNull();
    expect(second.items[0]!.reviews).toEqual([
      expect.objectContaining({ reviewer: w.users.reviewer.email, status: "completed", scores: answers(1), correctedOutput: "better", comment: "c0" }),
    ]);

    const one = await getItem(w.as("reviewer"), fifth!.id);
    expect(one.item).toMatchObject({ status: "pending", reviews: [expect.objectContaining({ status: "skipped" })] });
    expect(one.request).toMatchObject({ id: fifth!.requestId });
  });

  it("never shows another project's queue or item (404)", async () => {
    const [a, b] = await Promise.all([makeWorld(), makeWorld()]);
    const [id] = await storeRequests(a, 1);
    const queue = await createQueue(a.as("owner"), { name: "mine", rubric: RUBRIC });
    await addItems(a.as("owner"), queue.id, { requestIds: [id!] });
    const { item } = await claimItem(a.as("reviewer"), queue.id);
    await expectAppError(listCompleted(b.as("owner"), queue.id), "NOT_FOUND");
    await expectAppError(getItem(b.as("owner"), item!.id), "NOT_FOUND");
    await expectAppError(getItem(b.as("owner"), "not-a-uuid"), "NOT_FOUND");
  });
});
