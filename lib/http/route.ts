import "server-only";
import type { KeyKind } from "@sextant/sdk";
import type { NextRequest } from "next/server";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { authenticateKey, bearerToken, type KeyIdentity } from "@/lib/api-keys/authenticate";
import type { ProjectCtx } from "@/lib/context";
import { readJsonBody } from "./body";
import { forbidden, fromZod, unauthorized } from "./errors";
import { errorResponse } from "./respond";

type RouteArgs<P> = { params: Promise<P> };
export type KeyRouteContext<P> = { ctx: ProjectCtx; key: KeyIdentity; params: P };

/**
 * The wrapper for machine routes: authenticates the Bearer key, checks the key
 * kind the route allows, builds the project context and maps every error.
 */
export function withApiKey<P = Record<string, never>>(
  allow: KeyKind[],
  handler: (req: NextRequest, route: KeyRouteContext<P>) => Promise<Response>,
) {
  return async (req: NextRequest, args: RouteArgs<P>): Promise<Response> => {
    try {
      const token = bearerToken(req.headers.get("authorization"));
      if (!token) throw unauthorized("Send your project key in the header Authorization: Bearer sk-….");
      const db = getDb();
      const key = await authenticateKey(db, token);
      if (!key) throw unauthorized("This API key is not valid or has been revoked.");
      if (!allow.includes(key.kind)) {
        throw forbidden(key.kind === "public" ? "This route needs the secret key (sk-…); public keys only read flags and prompts." : "This route needs the public key.");
      }
      const ctx: ProjectCtx = {
        db,
        orgId: key.orgId,
        projectId: key.projectId,
        actor: { type: "api_key", keyId: key.keyId, kind: key.kind, label: `API key “${key.name}”` },
      };
      return await handler(req, { ctx, key, params: await args.params });
    } catch (err) {
      return errorResponse(err, `${req.method} ${req.nextUrl.pathname}`);
    }
  };
}

/** Reads a JSON body through the one capped reader (415, 413, 400), then validates it: 422 for invalid fields. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  const { json } = await readJsonBody(req);
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw fromZod(parsed.error);
  return parsed.data;
}
