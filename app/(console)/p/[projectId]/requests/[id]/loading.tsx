import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

/** The detail page's outline while it loads: header, four tiles, bodies beside the side cards, the trace. */
export default function Loading() {
  return (
    <div role="status" aria-label="Loading request" className="grid gap-4">
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-7 w-64" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-24" />)}
      </div>
      <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
        <Card className="grid gap-3 p-5">
          <Skeleton className="h-5 w-20" />
          <Skeleton className="h-16 w-3/4" />
          <Skeleton className="ml-auto h-16 w-3/4" />
        </Card>
        <Card className="grid gap-3 p-5">
          <Skeleton className="h-5 w-20" />
          <Skeleton className="h-4 w-full" />
          <Skeleton className="h-4 w-5/6" />
        </Card>
      </div>
      <Skeleton className="h-40 w-full" />
    </div>
  );
}
