import { ArrowLeft, Lock } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ReviewScreen } from "@/components/review/review-screen";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { queueOr404 } from "../../load";

export const metadata: Metadata = { title: "Reviewing" };

export default async function WorkPage({ params }: { params: Promise<{ projectId: string; queueId: string }> }) {
  const { projectId, queueId } = await params;
  const ctx = await requireProject(projectId);
  const queue = await queueOr404(ctx, queueId);
  const assigned = queue.reviewers.length === 0 || (ctx.actor.type === "user" && queue.reviewers.includes(ctx.actor.userId));
  const back = (
    <Link href={`/p/${projectId}/review/${queue.id}`} className="mb-3 inline-flex items-center gap-1 text-sm text-muted-fg hover:text-fg">
      <ArrowLeft aria-hidden className="size-4" /> {queue.name}
    </Link>
  );
  if (!can(ctx.actor, "review.work") || !assigned) {
    return (
      <>
        {back}
        <PageHeader title={`Reviewing ${queue.name}`} />
        <Card>
          <EmptyState icon={Lock} title="You cannot review this queue">
            {!assigned ? "It is assigned to other reviewers. Ask a member, admin or owner to add you to it." : "Your role can look at review queues but not score items. Ask an admin for the reviewer role."}
          </EmptyState>
        </Card>
      </>
    );
  }
  return (
    <>
      {back}
      <PageHeader title={`Reviewing ${queue.name}`} description="Score with the number keys, Enter to submit, s to skip, ? for every shortcut." />
      <ReviewScreen projectId={projectId} queue={{ id: queue.id, name: queue.name, rubric: queue.rubric, allowCorrection: queue.allowCorrection, instructions: queue.instructions }} />
    </>
  );
}
