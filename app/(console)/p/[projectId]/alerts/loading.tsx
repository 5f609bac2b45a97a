import { Skeleton } from "@/components/ui/skeleton";

/** The alerts pages' outline while they load: header, tabs, then the firing list and the rules. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading alerts" className="grid gap-4">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-4 w-96" />
      <Skeleton className="h-9 w-full" />
      <div className="grid gap-2 rounded-lg border p-4">
        {Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-10 w-full" />)}
      </div>
      <div className="grid gap-2 rounded-lg border p-4">
        {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-10 w-full" />)}
      </div>
    </div>
  );
}
