import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteQueue } from "@/components/review/delete-queue";
import { QueueForm } from "@/components/review/queue-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { queueOr404, reviewerChoices } from "../../load";

export const metadata: Metadata = { title: "Edit review queue" };

export default async function EditQueuePage({ params }: { params: Promise<{ projectId: string; queueId: string }> }) {
  const { projectId, queueId } = await params;
  const ctx = await requireProject(projectId);
  if (!can(ctx.actor, "review.write")) notFound();
  const [queue, members] = await Promise.all([queueOr404(ctx, queueId), reviewerChoices(ctx)]);
  return (
    <>
      <PageHeader
        title={`Edit ${queue.name}`}
        description="A new rubric applies to reviews from now on; completed reviews keep their answers. Rule changes apply to requests ingested from now on."
        actions={<DeleteQueue projectId={projectId} queueId={queue.id} name={queue.name} />}
      />
      <QueueForm projectId={projectId} existing={queue} members={members} />
    </>
  );
}
