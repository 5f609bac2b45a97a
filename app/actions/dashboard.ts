"use server";

import { loadOverview } from "@/lib/dashboard/overview";
import { actionProjectCtx, runAction } from "@/lib/http/action";

/** The overview's data for a query string: what auto-refresh fetches (the page renders the first load itself). */
export async function overviewAction(projectId: string, search: string) {
  return runAction("overview", async () => loadOverview(await actionProjectCtx(projectId), new URLSearchParams(search)));
}
