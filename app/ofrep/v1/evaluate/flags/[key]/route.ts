import { NextResponse } from "next/server";
import { evaluateOne } from "@/lib/flags/evaluate";
import { readOfrepBody } from "@/lib/flags/ofrep-body";
import { withApiKey } from "@/lib/http/route";

/** POST /ofrep/v1/evaluate/flags/{key} — OFREP single evaluation; secret or public key. */
export const POST = withApiKey<{ key: string }>(["secret", "public"], async (req, { ctx, params }) => {
  const read = await readOfrepBody(req);
  if ("errorCode" in read) return NextResponse.json({ key: params.key, ...read }, { status: 400 });
  const answer = await evaluateOne(ctx, { key: params.key, body: read.body });
  return NextResponse.json(answer.body, { status: answer.status });
});
