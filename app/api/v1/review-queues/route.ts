import { NextResponse } from "next/server";
import { readJson, withApiKey } from "@/lib/http/route";
import { createQueue } from "@/lib/review/create-queue";
import { listQueues } from "@/lib/review/list-queues";
import { CreateQueueInput } from "@/lib/review/schemas";

/** GET /api/v1/review-queues — the project's queues with pending/completed counts. */
export const GET = withApiKey(["secret"], async (_req, { ctx }) => NextResponse.json({ queues: await listQueues(ctx) }));

/** POST /api/v1/review-queues — a queue with its rubric and sampling rules; 201 with its id, 409 for a taken name. */
export const POST = withApiKey(["secret"], async (req, { ctx }) => {
  const body = await readJson(req, CreateQueueInput);
  return NextResponse.json(await createQueue(ctx, body), { status: 201 });
});
