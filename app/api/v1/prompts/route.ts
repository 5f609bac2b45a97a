import { NextResponse } from "next/server";
import { readJson, withApiKey } from "@/lib/http/route";
import { createPrompt } from "@/lib/prompts/create";
import { jsonWithEtag } from "@/lib/prompts/etag";
import { listPrompts } from "@/lib/prompts/list";
import { CreatePromptInput } from "@/lib/prompts/schemas";

/** GET /api/v1/prompts — every prompt with its labels (public or secret key; ETag). */
export const GET = withApiKey(["secret", "public"], async (req, { ctx }) => jsonWithEtag(req, { prompts: await listPrompts(ctx) }));

/** POST /api/v1/prompts — `{name, type, prompt, config?, labels?, commitMessage?}`: the prompt and its version 1; 201. */
export const POST = withApiKey(["secret"], async (req, { ctx }) => {
  const body = await readJson(req, CreatePromptInput);
  return NextResponse.json(await createPrompt(ctx, body), { status: 201 });
});
