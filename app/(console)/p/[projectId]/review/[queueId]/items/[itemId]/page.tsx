import { ArrowLeft } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestBodies } from "@/components/review/request-bodies";
import { ReviewEntries } from "@/components/review/review-entries";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { AppError } from "@/lib/http/errors";
import { getItem } from "@/lib/review/completed";
import { queueOr404 } from "../../../load";

export const metadata: Metadata = { title: "Review item" };

export default async function ItemPage({ params }: { params: Promise<{ projectId: string; queueId: string; itemId: string }> }) {
  const { projectId, queueId, itemId } = await params;
  const ctx = await requireProject(projectId);
  const queue = await queueOr404(ctx, queueId);
  let found: Awaited<ReturnType<typeof getItem>>;
  try {
    found = await getItem(ctx, itemId);
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") notFound();
    throw err;
  }
  const { item, request } = found;
  if (item.queueId !== queue.id) notFound();
  return (
    <>
      <Link href={`/p/${projectId}/review/${queue.id}`} className="mb-3 inline-flex items-center gap-1 text-sm text-muted-fg hover:text-fg">
        <ArrowLeft aria-hidden className="size-4" /> {queue.name}
      </Link>
      <PageHeader
        title={`Item ${item.requestId}`}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge tone={item.status === "completed" ? "success" : "neutral"}>{item.status}</Badge>
            <span>{item.completedReviews} of {queue.reviewsPerItem} {queue.reviewsPerItem === 1 ? "review" : "reviews"}</span>
            <span>· from {item.source}{item.reason ? `: ${item.reason}` : ""}</span>
          </span>
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <RequestBodies request={request} requestId={item.requestId} projectId={projectId} />
        <ReviewEntries reviews={item.reviews} rubric={queue.rubric.map((l) => l.name)} />
      </div>
    </>
  );
}
