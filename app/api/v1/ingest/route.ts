import { IngestBody } from "@sextant/sdk";
import { NextResponse } from "next/server";
import { ingestEvents } from "@/lib/ingest/ingest";
import { hasUnstorableText, readJsonBody } from "@/lib/http/body";
import { AppError } from "@/lib/http/errors";
import { takeTokens } from "@/lib/http/rate-limit";
import { withApiKey } from "@/lib/http/route";

/** POST /api/v1/ingest — a batch of events; 2xx only after they are committed. */
export const POST = withApiKey(["secret"], async (req, { ctx, key }) => {
  const { json, text } = await readJsonBody(req);
  const envelope = IngestBody.safeParse(json);
  if (!envelope.success) {
    throw new AppError("BAD_REQUEST", `The body must be {"events": [...]} with 1 to 1000 events. ${envelope.error.issues[0]?.message ?? ""}`.trim());
  }
  takeTokens(key.keyId, envelope.data.events.length);
  const result = await ingestEvents(ctx, envelope.data.events, { checkText: hasUnstorableText(text) !== null });
  if (result.accepted + result.duplicates === 0 && result.rejected.length > 0) {
    return NextResponse.json(
      { error: { code: "UNPROCESSABLE_ENTITY", message: `None of the ${result.rejected.length} events is valid. ${result.rejected[0]!.error.path}: ${result.rejected[0]!.error.message}` }, ...result },
      { status: 422 },
    );
  }
  return NextResponse.json(result, { status: result.rejected.length > 0 ? 207 : 200 });
});
