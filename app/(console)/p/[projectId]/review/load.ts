import "server-only";
import { notFound } from "next/navigation";
import type { ProjectCtx } from "@/lib/context";
import { AppError } from "@/lib/http/errors";
import { listMembers } from "@/lib/members/list";
import { getQueue } from "@/lib/review/get-queue";
import type { Queue } from "@/lib/review/rows";

/** The queue of a page's URL, or Next's 404 page (unknown id, another project's, or not a uuid). */
export async function queueOr404(ctx: ProjectCtx, queueId: string): Promise<Queue> {
  try {
    return await getQueue(ctx, queueId);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}

/** Members who may be assigned to a queue: the reviewer role and above. */
export async function reviewerChoices(ctx: ProjectCtx) {
  const { members } = await listMembers(ctx);
  return members.filter((m) => m.role !== "viewer").map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role }));
}
