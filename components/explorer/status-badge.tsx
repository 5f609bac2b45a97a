import { Badge } from "@/components/ui/badge";

/** ok, or the error named by its type (red says "error"; screen readers hear it). */
export function StatusBadge({ status, errorType }: { status: string; errorType?: string | null }) {
  if (status !== "error") return <Badge tone="success">ok</Badge>;
  return (
    <Badge tone="danger" className="whitespace-nowrap" title={errorType ? `error: ${errorType}` : "error"}>
      {errorType ? <><span className="sr-only">error: </span>{errorType}</> : "error"}
    </Badge>
  );
}
