"use server";

import { revalidatePath } from "next/cache";
import { actionProjectCtx, runAction } from "@/lib/http/action";
import { addItems } from "@/lib/review/add-items";
import { claimItem } from "@/lib/review/claim";
import { completeItem } from "@/lib/review/complete";
import { createQueue } from "@/lib/review/create-queue";
import { deleteQueue } from "@/lib/review/delete-queue";
import { listQueues } from "@/lib/review/list-queues";
import type { CompleteInput, CreateQueueInput, UpdateQueueInput } from "@/lib/review/schemas";
import { skipItem } from "@/lib/review/skip";
import { updateQueue } from "@/lib/review/update-queue";

// Server actions of the review pages: each resolves the session's context in the project
// (404 when it is not theirs) and calls one verb, which checks the role and the queue's reviewers.

const refresh = (projectId: string) => revalidatePath(`/p/${projectId}/review`, "layout");

export async function createQueueAction(projectId: string, input: CreateQueueInput) {
  return runAction("createReviewQueue", async () => {
    const q = await createQueue(await actionProjectCtx(projectId), input);
    refresh(projectId);
    return { id: q.id };
  });
}

export async function updateQueueAction(projectId: string, queueId: string, input: UpdateQueueInput) {
  return runAction("updateReviewQueue", async () => {
    const q = await updateQueue(await actionProjectCtx(projectId), queueId, input);
    refresh(projectId);
    return { id: q.id };
  });
}

export async function deleteQueueAction(projectId: string, queueId: string) {
  return runAction("deleteReviewQueue", async () => {
    await deleteQueue(await actionProjectCtx(projectId), queueId);
    refresh(projectId);
    return { deleted: true };
  });
}

/** "Next": the item the caller holds, else a newly locked one, with its request. */
export async function claimAction(projectId: string, queueId: string) {
  return runAction("claimReviewItem", async () => claimItem(await actionProjectCtx(projectId), queueId));
}

export async function completeAction(projectId: string, itemId: string, input: CompleteInput) {
  return runAction("completeReviewItem", async () => completeItem(await actionProjectCtx(projectId), itemId, input));
}

export async function skipAction(projectId: string, itemId: string) {
  return runAction("skipReviewItem", async () => skipItem(await actionProjectCtx(projectId), itemId));
}

/** The queues a request can be added to, for the explorer's menu. */
export async function queueChoicesAction(projectId: string) {
  return runAction("listReviewQueues", async () => (await listQueues(await actionProjectCtx(projectId))).map((q) => ({ id: q.id, name: q.name })));
}

/** Adds requests (one from a request's page, or a page of the explorer) to a queue. */
export async function addToQueueAction(projectId: string, queueId: string, requestIds: string[]) {
  return runAction("addReviewItems", async () => {
    const result = await addItems(await actionProjectCtx(projectId), queueId, { requestIds });
    refresh(projectId);
    return result;
  });
}
