import "server-only";
import { getServerSession } from "next-auth";
import { notFound as pageNotFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { projectContext } from "@/lib/access/resolve";
import { AppError } from "@/lib/http/errors";
import { authOptions } from "./options";

/** The signed-in user's id, or null. */
export async function sessionUserId(): Promise<string | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: unknown } | undefined)?.id;
  return typeof id === "string" ? id : null;
}

/** For pages: the user's id, or a redirect to sign-in. */
export async function requireUserId(): Promise<string> {
  const id = await sessionUserId();
  if (!id) redirect("/sign-in");
  return id;
}

/** For pages under /p/[projectId]: the project context, or the 404 page when it is not the user's. */
export async function requireProject(projectId: string) {
  const userId = await requireUserId();
  try {
    return await projectContext(getDb(), userId, projectId);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") pageNotFound();
    if (err instanceof AppError && err.code === "UNAUTHORIZED") redirect("/sign-in");
    throw err;
  }
}
