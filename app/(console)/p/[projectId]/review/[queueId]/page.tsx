import { ArrowLeft, Download, Pencil, Play } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CompletedTable } from "@/components/review/completed-table";
import { AgreementCard, ProgressCard } from "@/components/review/progress-card";
import { QueueSummary } from "@/components/review/queue-summary";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { listMembers } from "@/lib/members/list";
import { listCompleted } from "@/lib/review/completed";
import { queueProgress } from "@/lib/review/progress";
import { queueOr404 } from "../load";

export const metadata: Metadata = { title: "Review queue" };

export default async function QueuePage({ params, searchParams }: { params: Promise<{ projectId: string; queueId: string }>; searchParams: Promise<{ before?: string | string[] }> }) {
  const { projectId, queueId } = await params;
  const before = (await searchParams).before;
  const ctx = await requireProject(projectId);
  const queue = await queueOr404(ctx, queueId);
  const [progress, completed, { members }] = await Promise.all([
    queueProgress(ctx, queue.id),
    listCompleted(ctx, queue.id, { before: typeof before === "string" ? before : undefined }),
    queue.reviewers.length ? listMembers(ctx) : { members: [] },
  ]);
  const base = `/p/${projectId}/review/${queue.id}`;
  const reviewerNames = queue.reviewers.map((id) => members.find((m) => m.userId === id)?.email ?? "a former member");
  const mayWork = can(ctx.actor, "review.work") && (queue.reviewers.length === 0 || (ctx.actor.type === "user" && queue.reviewers.includes(ctx.actor.userId)));
  return (
    <>
      <Link href={`/p/${projectId}/review`} className="mb-3 inline-flex items-center gap-1 text-sm text-muted-fg hover:text-fg">
        <ArrowLeft aria-hidden className="size-4" /> Review queues
      </Link>
      <PageHeader
        title={queue.name}
        description={queue.description ?? undefined}
        actions={
          <div className="flex flex-wrap gap-2">
            {can(ctx.actor, "review.write") ? <Button asChild variant="secondary"><Link href={`${base}/edit`}><Pencil aria-hidden /> Edit</Link></Button> : null}
            <Button asChild variant="secondary"><a href={`${base}/export`} download><Download aria-hidden /> Export JSONL</a></Button>
            {mayWork ? <Button asChild><Link href={`${base}/work`}><Play aria-hidden /> Start reviewing</Link></Button> : null}
          </div>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div className="grid content-start gap-4">
          <ProgressCard p={progress} />
          <AgreementCard p={progress} reviewsPerItem={queue.reviewsPerItem} />
          <CompletedTable page={completed} base={base} rubric={queue.rubric.map((l) => l.name)} firstPage={!before} />
        </div>
        <div className="grid content-start gap-4">
          <QueueSummary queue={queue} reviewerNames={reviewerNames} />
        </div>
      </div>
    </>
  );
}
