import { ListChecks, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ProgressBar } from "@/components/review/progress-bar";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { count } from "@/lib/format";
import { listQueues } from "@/lib/review/list-queues";
import { queueProgress } from "@/lib/review/progress";

export const metadata: Metadata = { title: "Review queues" };

export default async function ReviewQueuesPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  const queues = await listQueues(ctx);
  // Per-reviewer counts for each queue; a project has a handful of queues, not hundreds.
  const progress = await Promise.all(queues.map((q) => queueProgress(ctx, q.id)));
  const canWrite = can(ctx.actor, "review.write");
  const canWork = can(ctx.actor, "review.work");
  const base = `/p/${projectId}/review`;
  const newButton = canWrite ? <Button asChild><Link href={`${base}/new`}><Plus aria-hidden /> New queue</Link></Button> : null;
  return (
    <>
      <PageHeader title="Review queues" description="People score sampled outputs against a rubric. Verdicts become human scores on the request and can be exported as an evaluation set." actions={newButton} />
      <Card aria-label="All queues">
        {queues.length === 0 ? (
          <EmptyState icon={ListChecks} title="No review queues yet" action={newButton}>
            {canWrite
              ? "Create a queue with a rubric and a sampling rule; matching requests fill it as they arrive, and you can add any request from the Requests page."
              : "Ask a member, admin or owner to create a queue; it will appear here for you to work on."}
          </EmptyState>
        ) : (
          <Table aria-label="Review queues">
            <THead>
              <tr><Th>Queue</Th><Th className="text-right">Pending</Th><Th className="text-right">Completed</Th><Th>Progress</Th><Th>Reviewers</Th><Th><span className="sr-only">Actions</span></Th></tr>
            </THead>
            <TBody>
              {queues.map((q, i) => {
                const p = progress[i]!;
                return (
                  <Tr key={q.id}>
                    <Td>
                      <Link className="font-medium text-primary hover:underline" href={`${base}/${q.id}`}>{q.name}</Link>
                      {q.description ? <p className="max-w-72 truncate text-xs text-muted-fg" title={q.description}>{q.description}</p> : null}
                    </Td>
                    <Td className="text-right tabular-nums">{count(q.counts.pending)}</Td>
                    <Td className="text-right tabular-nums">{count(q.counts.completed)}</Td>
                    <Td><ProgressBar done={q.counts.completed} total={q.counts.pending + q.counts.completed} label={`${q.name} completed`} /></Td>
                    <Td className="text-xs">
                      {p.reviewers.length ? (
                        <ul className="grid gap-0.5">
                          {p.reviewers.slice(0, 4).map((r) => <li key={r.reviewerId}><span className="font-medium">{r.reviewer}</span> <span className="tabular-nums text-muted-fg">{count(r.completed)} done{r.skipped ? `, ${count(r.skipped)} skipped` : ""}</span></li>)}
                          {p.reviewers.length > 4 ? <li className="text-muted-fg">and {p.reviewers.length - 4} more</li> : null}
                        </ul>
                      ) : <span className="text-muted-fg">nobody yet</span>}
                    </Td>
                    <Td className="text-right">
                      {canWork && q.counts.pending > 0 ? <Button asChild size="sm"><Link href={`${base}/${q.id}/work`} aria-label={`Review ${q.name}`}>Review</Link></Button> : null}
                    </Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
        )}
      </Card>
    </>
  );
}
