import { NextResponse } from "next/server";
import { readJson, withApiKey } from "@/lib/http/route";
import { deleteQueue } from "@/lib/review/delete-queue";
import { getQueue } from "@/lib/review/get-queue";
import { UpdateQueueInput } from "@/lib/review/schemas";
import { updateQueue } from "@/lib/review/update-queue";

type Params = { id: string };

/** GET /api/v1/review-queues/{id} — one queue; 404 when it is not in this project. */
export const GET = withApiKey<Params>(["secret"], async (_req, { ctx, params }) => NextResponse.json(await getQueue(ctx, params.id)));

/** PATCH /api/v1/review-queues/{id} — changes the fields given (lists replace whole). */
export const PATCH = withApiKey<Params>(["secret"], async (req, { ctx, params }) => {
  const body = await readJson(req, UpdateQueueInput);
  return NextResponse.json(await updateQueue(ctx, params.id, body));
});

/** DELETE /api/v1/review-queues/{id} — the queue, its items and reviews; 204. */
export const DELETE = withApiKey<Params>(["secret"], async (_req, { ctx, params }) => {
  await deleteQueue(ctx, params.id);
  return new Response(null, { status: 204 });
});
