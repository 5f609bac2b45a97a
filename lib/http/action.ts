import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getDb } from "@/db/client";
import { orgContext, projectContext } from "@/lib/access/resolve";
import { sessionUserId } from "@/lib/auth/session";
import type { OrgCtx, ProjectCtx } from "@/lib/context";
import type { ActionResult } from "./action-result";
import { AppError, unauthorized } from "./errors";

/** Runs a server action body and turns any error into a result the form can show. */
export async function runAction<T>(name: string, fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (err) {
    unstable_rethrow(err); // redirects and notFound() belong to Next.js
    if (err instanceof AppError) return { ok: false, error: { code: err.code, message: err.message, issues: err.issues } };
    console.error(`[action] ${name} failed:`, err);
    return { ok: false, error: { code: "INTERNAL", message: "Something went wrong on our side. Try again." } };
  }
}

async function userId(): Promise<string> {
  const id = await sessionUserId();
  if (!id) throw unauthorized("Your session has ended. Sign in again.");
  return id;
}

/** The signed-in user's context in a project; 404 when it is not theirs. */
export async function actionProjectCtx(projectId: string): Promise<ProjectCtx> {
  return projectContext(getDb(), await userId(), projectId);
}

export async function actionOrgCtx(orgId: string): Promise<OrgCtx> {
  return orgContext(getDb(), await userId(), orgId);
}

export { userId as actionUserId };
