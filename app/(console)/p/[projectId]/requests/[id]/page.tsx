import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AddToQueue } from "@/components/explorer/add-to-queue";
import { Body } from "@/components/explorer/chat";
import { ContextCard, CostCard, ScoresCard } from "@/components/explorer/detail-cards";
import { usdExact } from "@/lib/format";
import { LocalTime } from "@/components/explorer/local-time";
import { StatusBadge } from "@/components/explorer/status-badge";
import { TraceWaterfall } from "@/components/explorer/waterfall";
import { Tile } from "@/components/dashboard/tile";
import { ErrorAlert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { count, ms } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { getRequest, type RequestDetail } from "@/lib/requests/get";
import { getTrace, type Trace } from "@/lib/requests/trace";

export const metadata: Metadata = { title: "Request" };

/** The request, or Next's 404 page when it is not in this project (or its day was dropped by retention). */
async function load(ctx: Awaited<ReturnType<typeof requireProject>>, id: string): Promise<{ r: RequestDetail; trace: Trace | null }> {
  let r: RequestDetail;
  try {
    r = await getRequest(ctx, id);
  } catch (err) {
    if (err instanceof AppError && (err.code === "NOT_FOUND" || err.code === "UNPROCESSABLE_ENTITY")) notFound();
    throw err;
  }
  const trace = r.traceId ? await getTrace(ctx, r.traceId) : null;
  return { r, trace };
}

/** The segment arrives percent-encoded; a malformed one (typed by hand) is no request id. */
function decodeId(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    notFound();
  }
}

const num = (n: number | null) => (n === null ? "—" : count(n));

export default async function RequestPage({ params }: { params: Promise<{ projectId: string; id: string }> }) {
  const { projectId, id } = await params;
  const ctx = await requireProject(projectId);
  const { r, trace } = await load(ctx, decodeId(id));
  const listPath = `/p/${projectId}/requests`;
  const title = r.name ?? r.endpoint ?? r.id;
  const u = r.usage;

  return (
    <>
      <Link href={listPath} className="mb-3 inline-flex items-center gap-1 text-sm text-muted-fg hover:text-fg">
        <ArrowLeft aria-hidden className="size-4" /> Requests
      </Link>
      <PageHeader
        title={title}
        actions={can(ctx.actor, "review.write") ? <AddToQueue projectId={projectId} requestIds={[r.id]} /> : null}
        description={
          <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <StatusBadge status={r.status} errorType={r.error?.type} />
            <span className="font-mono text-xs">{r.model ?? "no model"}</span>
            {r.provider ? <span>{r.provider}</span> : null}
            <span>{r.kind}</span>
            <LocalTime iso={r.startTime} long />
          </span>
        }
      />
      <div className="grid gap-4">
        <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
          <Tile label="Duration" value={ms(r.durationMs)} hint={`ended ${r.endTime.slice(11, 23)} UTC`} testId="detail-duration" />
          <Tile label="Time to first token" value={ms(r.timeToFirstTokenMs)} hint={r.timeToFirstTokenMs === null ? "not streamed or not reported" : undefined} />
          <Tile label="Tokens in / out" value={`${num(u.inputTokens)} / ${num(u.outputTokens)}`} hint={["tokens", u.cachedInputTokens ? `${count(u.cachedInputTokens)} cached` : "", u.reasoningTokens ? `${count(u.reasoningTokens)} reasoning` : ""].filter(Boolean).join(" · ")} />
          <Tile label="Cost" value={usdExact(r.costUsd)} hint={`source: ${r.costSource}`} />
        </div>

        {r.error ? (
          <ErrorAlert>
            <p className="font-medium">
              {r.error.type ?? "error"}
              {r.error.httpStatus ? ` · HTTP ${r.error.httpStatus}` : ""}
              {r.error.retryable === null ? "" : r.error.retryable ? " · retryable" : " · not retryable"}
            </p>
            {r.error.message ? <p className="mt-1 whitespace-pre-wrap break-words text-fg">{r.error.message}</p> : null}
          </ErrorAlert>
        ) : null}

        <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
          <div className="grid content-start gap-4">
            <Card>
              <CardHeader title="Input" />
              <CardBody><Body value={r.input} side="input" /></CardBody>
            </Card>
            <Card>
              <CardHeader title="Output" />
              <CardBody><Body value={r.output} side="output" /></CardBody>
            </Card>
          </div>
          <div className="grid content-start gap-4">
            <CostCard r={r} />
            <ScoresCard r={r} />
            <ContextCard r={r} listPath={listPath} />
          </div>
        </div>

        {trace ? <TraceWaterfall trace={trace} currentId={r.id} projectId={projectId} /> : null}
      </div>
    </>
  );
}
