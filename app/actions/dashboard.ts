"use server";

import { loadOverview } from "@/lib/dashboard/overview";
import { loadView, VIEWS, type ViewName } from "@/lib/dashboard/views";
import { AppError } from "@/lib/http/errors";
import { actionProjectCtx, runAction } from "@/lib/http/action";

/** The overview's data for a query string: what auto-refresh fetches (the page renders the first load itself). */
export async function overviewAction(projectId: string, search: string) {
  return runAction("overview", async () => loadOverview(await actionProjectCtx(projectId), new URLSearchParams(search)));
}

/** One focused dashboard view's data (latency, errors, cost, quality, users), for auto-refresh. */
export async function viewAction(projectId: string, view: ViewName, search: string) {
  return runAction("dashboardView", async () => {
    if (!(VIEWS as readonly string[]).includes(view)) throw new AppError("NOT_FOUND", "No such dashboard view.");
    return loadView(await actionProjectCtx(projectId), view, new URLSearchParams(search));
  });
}
