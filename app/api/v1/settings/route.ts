import { NextResponse } from "next/server";
import { readJson, withApiKey } from "@/lib/http/route";
import { getProjectSettings } from "@/lib/settings/get";
import { ProjectSettingsInput } from "@/lib/settings/schemas";
import { updateProjectSettings } from "@/lib/settings/update";

/** GET /api/v1/settings — the key's project settings (retention, redaction). */
export const GET = withApiKey(["secret"], async (_req, { ctx }) => NextResponse.json(await getProjectSettings(ctx)));

/** PATCH /api/v1/settings — a partial change; answers the settings as saved. */
export const PATCH = withApiKey(["secret"], async (req, { ctx }) => {
  const input = await readJson(req, ProjectSettingsInput);
  return NextResponse.json(await updateProjectSettings(ctx, input));
});
