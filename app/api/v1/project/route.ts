import { NextResponse } from "next/server";
import { getProject } from "@/lib/projects/get";
import { withApiKey } from "@/lib/http/route";

/** Which project a key belongs to — the SDK's "is my key right?" check. */
export const GET = withApiKey(["secret", "public"], async (_req, { ctx, key }) => {
  const project = await getProject(ctx);
  return NextResponse.json({ id: project.id, name: project.name, orgId: project.orgId, key: { kind: key.kind, name: key.name, publicKey: key.publicKey } });
});
