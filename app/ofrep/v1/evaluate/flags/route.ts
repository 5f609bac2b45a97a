import { NextResponse } from "next/server";
import { etagMatches, etagOfJson } from "@/lib/flags/etag";
import { evaluateAll } from "@/lib/flags/evaluate";
import { readOfrepBody } from "@/lib/flags/ofrep-body";
import { withApiKey } from "@/lib/http/route";

/**
 * POST /ofrep/v1/evaluate/flags — OFREP bulk evaluation for one context; secret or public key.
 * The ETag is a hash of the answer, so If-None-Match → 304 until a flag or the context changes.
 */
export const POST = withApiKey(["secret", "public"], async (req, { ctx }) => {
  const read = await readOfrepBody(req);
  if ("errorCode" in read) return NextResponse.json(read, { status: 400 });
  const answer = await evaluateAll(ctx, { body: read.body });
  if (answer.status !== 200) return NextResponse.json(answer.body, { status: answer.status });
  const json = JSON.stringify(answer.body);
  const headers = { ETag: etagOfJson(json), "Cache-Control": "private, no-cache" };
  if (etagMatches(req.headers.get("if-none-match"), headers.ETag)) return new Response(null, { status: 304, headers });
  return new NextResponse(json, { status: 200, headers: { ...headers, "content-type": "application/json" } });
});
