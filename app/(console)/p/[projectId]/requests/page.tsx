import { SearchX, Send } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AddToQueue } from "@/components/explorer/add-to-queue";
import { ColumnPicker } from "@/components/explorer/column-picker";
import { ExportButtons } from "@/components/explorer/export-buttons";
import { LocalTime } from "@/components/explorer/local-time";
import { Pager } from "@/components/explorer/pager";
import { RequestTable } from "@/components/explorer/request-table";
import { SearchBox } from "@/components/explorer/search-box";
import { FilterBar } from "@/components/filters/filter-bar";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { can, type ProjectCtx } from "@/lib/context";
import { breakdown } from "@/lib/dashboard/overview";
import { toSearch, type SearchParams } from "@/lib/dashboard/search";
import { AppError } from "@/lib/http/errors";
import type { RequestFilters } from "@/lib/metrics/filters";
import { hasAnyRequest } from "@/lib/requests/any";
import { explorerQuery, type ExplorerQuery } from "@/lib/requests/explorer-query";
import { EXPORT_MAX_ROWS } from "@/lib/requests/export";
import { listRequests, type RequestPage } from "@/lib/requests/list";

export const metadata: Metadata = { title: "Requests" };

/** Values seen in the range (all requests, not just the filtered ones) for the filter bar's menus; from the rollups. */
async function menuOptions(ctx: ProjectCtx, f: RequestFilters): Promise<Record<string, string[]>> {
  const range: RequestFilters = { from: f.from, to: f.to, tags: [], metadata: {}, flags: {} };
  const dims = ["model", "endpoint", "userId", "environment"];
  const found = await Promise.all(dims.map((by) => breakdown(ctx, range, by, by, 50)));
  return Object.fromEntries(found.map((b) => [b.by, b.rows.map((r) => r.key)]));
}

const problemOf = (err: AppError) => (err.issues?.length ? `${err.message} ${err.issues.slice(1).map((i) => `${i.path}: ${i.message}`).join("; ")}`.trim() : err.message);

export default async function RequestsPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  const search = toSearch(await searchParams);
  const base = `/p/${projectId}/requests`;
  let query: ExplorerQuery | null = null;
  let page: RequestPage | null = null;
  let problem: string | null = null;
  try {
    query = explorerQuery(new URLSearchParams(search));
    page = await listRequests(ctx, { filters: query.filters, cursor: query.cursor, order: query.order, limit: query.limit });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    problem = problemOf(err);
  }
  const [options, anyAtAll] = await Promise.all([
    query ? menuOptions(ctx, query.filters) : undefined,
    page && page.items.length === 0 ? hasAnyRequest(ctx) : true,
  ]);
  const filterQuery = new URLSearchParams(search);
  filterQuery.delete("cursor");
  const keep = new URLSearchParams([...filterQuery].filter(([k]) => ["range", "from", "to", "order"].includes(k)));

  return (
    <>
      <PageHeader
        title="Requests"
        description="Every model call and span. Open one to see its input, output, cost and trace."
        actions={
          <div className="flex flex-wrap items-start gap-2">
            {page?.items.length && can(ctx.actor, "review.write") ? <AddToQueue projectId={projectId} requestIds={page.items.map((r) => r.id)} label="Add this page to review queue" /> : null}
            <ExportButtons exportPath={`${base}/export`} query={filterQuery.toString()} />
          </div>
        }
      />
      <FilterBar options={options} />
      <Card>
        <div className="grid gap-2 border-b px-4 py-3">
          <div className="flex flex-wrap items-center gap-2">
            <SearchBox key={search} />
            <ColumnPicker />
          </div>
          {query ? (
            <p className="text-xs text-muted-fg">
              <LocalTime iso={query.filters.from.toISOString()} /> to <LocalTime iso={query.filters.to.toISOString()} /> (your time) · sorted by time, {query.order === "desc" ? "newest" : "oldest"} first; only Time sorts, select its header to reverse · exports take up to {EXPORT_MAX_ROWS.toLocaleString("en-US")} rows
            </p>
          ) : null}
        </div>
        {problem ? (
          <div className="p-4">
            <ErrorAlert>
              These filters cannot be used: {problem}{" "}
              <Link className="underline" href={base}>Reset the filters</Link>
            </ErrorAlert>
          </div>
        ) : !page ? null : page.items.length > 0 ? (
          <>
            <RequestTable items={page.items} projectId={projectId} order={query!.order} search={search} />
            <Pager search={search} nextCursor={page.nextCursor} onFirstPage={!query!.cursor} order={query!.order} shown={page.items.length} />
          </>
        ) : !anyAtAll ? (
          <EmptyState icon={Send} title="No requests yet" action={<Button asChild><Link href={`/p/${projectId}`}>Set up the SDK</Link></Button>}>
            Nothing has been recorded in this project. Create an API key in{" "}
            <Link className="text-primary hover:underline" href={`/p/${projectId}/settings/api-keys`}>Settings → API keys</Link> and send requests with the SDK or{" "}
            <code className="font-mono text-xs">POST /api/v1/ingest</code>; they appear here within seconds.
          </EmptyState>
        ) : query!.cursor ? (
          <EmptyState icon={SearchX} title="No more requests" action={<Button asChild variant="secondary"><Link href={`?${filterQuery.toString()}`}>Back to the first page</Link></Button>}>
            This was the last page for these filters.
          </EmptyState>
        ) : (
          <EmptyState icon={SearchX} title="No requests match" action={<Button asChild variant="secondary"><Link href={`?${keep.toString()}`}>Clear filters and search</Link></Button>}>
            Nothing in this time range matches the filters{query!.filters.q ? " and the search" : ""}. Clear them, or pick a longer range above.
          </EmptyState>
        )}
      </Card>
    </>
  );
}
