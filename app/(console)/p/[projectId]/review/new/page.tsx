import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QueueForm } from "@/components/review/queue-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { reviewerChoices } from "../load";

export const metadata: Metadata = { title: "New review queue" };

export default async function NewQueuePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  if (!can(ctx.actor, "review.write")) notFound();
  return (
    <>
      <PageHeader title="New review queue" description="A rubric to score against, who reviews, and which requests to sample." />
      <QueueForm projectId={projectId} members={await reviewerChoices(ctx)} />
    </>
  );
}
