import "server-only";
import { notFound } from "next/navigation";
import type { ProjectCtx } from "@/lib/context";
import { AppError } from "@/lib/http/errors";
import { getAlertRule } from "./list-rules";
import type { AlertRule } from "./schemas";

/** For pages: a rule that is not there (or not this project's) is the 404 page. */
export async function loadRule(ctx: ProjectCtx, id: string): Promise<AlertRule> {
  try {
    return await getAlertRule(ctx, id);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
