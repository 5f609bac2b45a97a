import { NextResponse } from "next/server";
import { createChannel, listChannels } from "@/lib/alerts/channels";
import { readJsonBody } from "@/lib/http/body";
import { withApiKey } from "@/lib/http/route";

/** GET /api/v1/notification-channels — never with URLs in full or secrets. */
export const GET = withApiKey(["secret"], async (_req, { ctx }) => NextResponse.json({ channels: await listChannels(ctx) }));

/** POST /api/v1/notification-channels — {type: "webhook"|"slack", name, url, secret?}; 201 with its id. */
export const POST = withApiKey(["secret"], async (req, { ctx }) => {
  const { json } = await readJsonBody(req);
  return NextResponse.json(await createChannel(ctx, json), { status: 201 });
});
