import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DashboardTabs } from "@/components/dashboard/tabs";
import { ViewPanel } from "@/components/dashboard/view-panel";
import { FilterBar } from "@/components/filters/filter-bar";
import { ErrorAlert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { toSearch, type SearchParams } from "@/lib/dashboard/search";
import { loadView, VIEWS, type ViewData, type ViewName } from "@/lib/dashboard/views";
import { AppError } from "@/lib/http/errors";

const TITLES: Record<ViewName, string> = { latency: "Latency", errors: "Errors", cost: "Cost", quality: "Quality", users: "Users" };
const ABOUT: Record<ViewName, string> = {
  latency: "Percentiles over time, time to first token, and the slowest models and endpoints.",
  errors: "Error rate by class and provider, the most frequent messages, retries, fallbacks and cache hits.",
  cost: "Spend over time, by model, endpoint and user; month to date and the month-end projection.",
  quality: "Scores by name, prompt version and flag variant; how often users give feedback and how much of it is negative.",
  users: "Who uses the AI features, how much, at what cost, and when they were last seen. Open a user to see their requests.",
};

export async function generateMetadata({ params }: { params: Promise<{ view: string }> }): Promise<Metadata> {
  const { view } = await params;
  return { title: TITLES[view as ViewName] ?? "Dashboard" };
}

export default async function DashboardViewPage({ params, searchParams }: { params: Promise<{ projectId: string; view: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId, view } = await params;
  if (!(VIEWS as readonly string[]).includes(view)) notFound();
  const ctx = await requireProject(projectId);
  const search = toSearch(await searchParams);
  let data: ViewData | null = null;
  let problem: string | null = null;
  try {
    data = await loadView(ctx, view as ViewName, new URLSearchParams(search));
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problem = err.message;
  }
  return (
    <>
      <PageHeader title={TITLES[view as ViewName]} description={ABOUT[view as ViewName]} />
      <DashboardTabs projectId={projectId} />
      <FilterBar options={data ? Object.fromEntries(data.tables.filter((b) => !b.by.startsWith("flag:")).map((b) => [b.by, b.rows.map((r) => r.key)])) : undefined} />
      {data ? <ViewPanel projectId={projectId} initial={data} initialSearch={search} /> : <ErrorAlert>These filters cannot be shown here: {problem}</ErrorAlert>}
    </>
  );
}
