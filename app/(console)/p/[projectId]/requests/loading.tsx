import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The list's outline while it loads: header, filter bar, search and rows, so nothing jumps. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading requests" className="grid gap-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="grid gap-2">
          <Skeleton className="h-7 w-32" />
          <Skeleton className="h-4 w-96 max-w-full" />
        </div>
        <Skeleton className="h-8 w-72" />
      </div>
      <Skeleton className="h-24 w-full" />
      <Card>
        <div className="border-b px-4 py-3">
          <Skeleton className="h-8 w-full" />
        </div>
        <div className="grid gap-3 p-4">
          {Array.from({ length: 10 }, (_, i) => (
            <Skeleton key={i} className="h-6 w-full" />
          ))}
        </div>
      </Card>
    </div>
  );
}
