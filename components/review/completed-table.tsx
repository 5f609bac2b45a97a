import { CheckCheck } from "lucide-react";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { CompletedPage } from "@/lib/review/completed";
import { ScoreList } from "./score-list";

/** Completed items, newest first, each opening its reviews; keyset pages through `?before=`. */
export function CompletedTable({ page, base, rubric, firstPage }: { page: CompletedPage; base: string; rubric: string[]; firstPage: boolean }) {
  return (
    <Card aria-label="Completed items">
      <CardHeader title="Completed items" description="Newest first. Open one to see every review, its comment and correction." />
      {page.items.length === 0 ? (
        <EmptyState icon={CheckCheck} title={firstPage ? "Nothing completed yet" : "No more completed items"} action={firstPage ? null : <Button asChild variant="secondary"><Link href={base}>Back to the newest</Link></Button>}>
          {firstPage ? "Items appear here once they have all their reviews." : "This was the last page."}
        </EmptyState>
      ) : (
        <>
          <Table aria-label="Completed items">
            <THead><tr><Th>Request</Th><Th>Completed</Th><Th>Reviewers</Th><Th>Scores (newest review)</Th></tr></THead>
            <TBody>
              {page.items.map((item) => {
                const done = item.reviews.filter((r) => r.status === "completed");
                return (
                  <Tr key={item.id}>
                    <Td><Link className="whitespace-nowrap font-mono text-xs text-primary hover:underline" href={`${base}/items/${item.id}`}>{item.requestId}</Link></Td>
                    <Td><Time value={item.completedAt} /></Td>
                    <Td className="text-xs">{done.map((r) => r.reviewer).join(", ")}</Td>
                    <Td><ScoreList scores={done[done.length - 1]?.scores ?? {}} order={rubric} /></Td>
                  </Tr>
                );
              })}
            </TBody>
          </Table>
          {page.nextBefore || !firstPage ? (
            <div className="flex justify-end gap-2 border-t px-4 py-3">
              {!firstPage ? <Button asChild variant="secondary" size="sm"><Link href={base}>Newest</Link></Button> : null}
              {page.nextBefore ? <Button asChild variant="secondary" size="sm"><Link href={`${base}?before=${encodeURIComponent(page.nextBefore)}`}>Older</Link></Button> : null}
            </div>
          ) : null}
        </>
      )}
    </Card>
  );
}
