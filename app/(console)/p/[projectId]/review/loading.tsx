import { Skeleton } from "@/components/ui/skeleton";

/** The review pages' outline while they load: header, then a block of rows. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading review queues" className="grid gap-4">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-4 w-96" />
      <div className="grid gap-2 rounded-lg border p-4">
        {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-12 w-full" />)}
      </div>
    </div>
  );
}
