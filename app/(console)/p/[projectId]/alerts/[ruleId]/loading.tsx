import { Skeleton } from "@/components/ui/skeleton";

/** A rule's outline while it loads: header, chart and definition, then the timeline. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading the rule" className="grid gap-4">
      <Skeleton className="h-8 w-64" />
      <Skeleton className="h-4 w-96" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-64 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
      <Skeleton className="h-40 w-full" />
    </div>
  );
}
