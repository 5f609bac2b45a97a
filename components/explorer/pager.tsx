import { ChevronRight, ChevronsLeft } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";

/**
 * Keyset paging in the URL: "Next page" carries the last row's cursor, so the back
 * button returns to the page before; the first-page link drops the cursor.
 */
export function Pager({ search, nextCursor, onFirstPage, order, shown }: { search: string; nextCursor: string | null; onFirstPage: boolean; order: "desc" | "asc"; shown: number }) {
  const withCursor = (cursor: string | null) => {
    const next = new URLSearchParams(search);
    if (cursor) next.set("cursor", cursor);
    else next.delete("cursor");
    return `?${next.toString()}`;
  };
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2 border-t px-4 py-3 text-sm">
      <p className="text-muted-fg tabular-nums">
        {shown} {shown === 1 ? "request" : "requests"} on this page{nextCursor ? ", more after" : onFirstPage ? "" : ", the last page"}
      </p>
      <div className="flex items-center gap-2">
        {onFirstPage ? null : (
          <Button asChild variant="secondary" size="sm">
            <Link href={withCursor(null)}>
              <ChevronsLeft aria-hidden /> {order === "desc" ? "Newest" : "Oldest"}
            </Link>
          </Button>
        )}
        {nextCursor ? (
          <Button asChild variant="secondary" size="sm">
            <Link href={withCursor(nextCursor)}>
              Next page <ChevronRight aria-hidden />
            </Link>
          </Button>
        ) : null}
      </div>
    </nav>
  );
}
