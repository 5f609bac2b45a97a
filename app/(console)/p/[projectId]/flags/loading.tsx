import { Skeleton } from "@/components/ui/skeleton";

/** The flags list's outline while it loads: header, then one row per flag. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading flags" className="grid gap-4">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-4 w-96" />
      <div className="grid gap-2 rounded-lg border p-4">
        {Array.from({ length: 5 }, (_, i) => <Skeleton key={i} className="h-10 w-full" />)}
      </div>
    </div>
  );
}
