import { ScoresBody } from "@sextant/sdk";
import { NextResponse } from "next/server";
import { readJsonBody } from "@/lib/http/body";
import { AppError } from "@/lib/http/errors";
import { takeTokens } from "@/lib/http/rate-limit";
import { withApiKey } from "@/lib/http/route";
import { ingestScores } from "@/lib/scores/ingest";

/** POST /api/v1/scores — scores and feedback, answered like ingestion. */
export const POST = withApiKey(["secret"], async (req, { ctx, key }) => {
  const { json } = await readJsonBody(req);
  const envelope = ScoresBody.safeParse(json);
  if (!envelope.success) {
    throw new AppError("BAD_REQUEST", `The body must be {"scores": [...]} with 1 to 1000 scores. ${envelope.error.issues[0]?.message ?? ""}`.trim());
  }
  takeTokens(key.keyId, envelope.data.scores.length);
  const result = await ingestScores(ctx, envelope.data.scores);
  if (result.accepted + result.duplicates === 0 && result.rejected.length > 0) {
    return NextResponse.json({ error: { code: "UNPROCESSABLE_ENTITY", message: `None of the ${result.rejected.length} scores is valid.` }, ...result }, { status: 422 });
  }
  return NextResponse.json(result, { status: result.rejected.length > 0 ? 207 : 200 });
});
