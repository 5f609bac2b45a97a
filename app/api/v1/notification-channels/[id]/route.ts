import { NextResponse } from "next/server";
import { deleteChannel, getChannel, updateChannel } from "@/lib/alerts/channels";
import { readJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/route";

type P = { id: string };

export const GET = withApiKey<P>(["secret"], async (_req, { ctx, params }) => NextResponse.json(await getChannel(ctx, params.id)));

/** PATCH — {name?, url?, secret? (null stops signing)}. */
export const PATCH = withApiKey<P>(["secret"], async (req, { ctx, params }) => {
  const { json } = await readJsonBody(req);
  return NextResponse.json(await updateChannel(ctx, params.id, json));
});

/** DELETE — 204; rules that sent to it stop doing so. */
export const DELETE = withApiKey<P>(["secret"], async (_req, { ctx, params }) => {
  await deleteChannel(ctx, params.id);
  return new Response(null, { status: 204 });
});
