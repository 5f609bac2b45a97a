import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { count, pct } from "@/lib/format";
import type { QueueProgress } from "@/lib/review/progress";
import { ProgressBar } from "./progress-bar";

function Figure({ label, value, hint }: { label: string; value: number; hint?: string }) {
  return (
    <div data-testid={`items-${label.toLowerCase().replace(/\s+/g, "-")}`}>
      <dt className="text-xs font-medium uppercase tracking-wide text-muted-fg">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums">{count(value)}</dd>
      {hint ? <dd className="text-xs text-muted-fg">{hint}</dd> : null}
    </div>
  );
}

/** Where the queue stands: items by state, each reviewer's work. */
export function ProgressCard({ p }: { p: QueueProgress }) {
  return (
    <Card aria-label="Progress">
      <CardHeader title="Progress" description="Skipped items go back to the queue for the others." />
      <CardBody className="grid gap-4">
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Figure label="Pending" value={p.items.pending} hint="not yet fully reviewed" />
          <Figure label="In review" value={p.items.inReview} hint="claimed, lock running" />
          <Figure label="Completed" value={p.items.completed} />
          <Figure label="Total" value={p.items.total} />
        </dl>
        <ProgressBar done={p.items.completed} total={p.items.total} label="Items completed" />
      </CardBody>
      {p.reviewers.length ? (
        <Table aria-label="Reviewers">
          <THead><tr><Th>Reviewer</Th><Th className="text-right">Completed</Th><Th className="text-right">Skipped</Th><Th>Last review</Th></tr></THead>
          <TBody>
            {p.reviewers.map((r) => (
              <Tr key={r.reviewerId}>
                <Td className="font-medium">{r.reviewer}</Td>
                <Td className="text-right tabular-nums">{count(r.completed)}</Td>
                <Td className="text-right tabular-nums">{count(r.skipped)}</Td>
                <Td><Time value={r.lastReviewAt} /></Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : <CardBody className="border-t text-sm text-muted-fg">Nobody has reviewed an item yet.</CardBody>}
    </Card>
  );
}

/** Agreement on items with two or more reviews, per rubric line (text lines are not compared). */
export function AgreementCard({ p, reviewsPerItem }: { p: QueueProgress; reviewsPerItem: number }) {
  const lines = Object.entries(p.agreement.scores);
  return (
    <Card aria-label="Agreement">
      <CardHeader
        title="Agreement between reviewers"
        description={p.agreement.items ? `Over ${count(p.agreement.items)} items with two or more reviews: the share where every reviewer gave the same answer.` : reviewsPerItem > 1 ? "Appears once an item has two completed reviews." : "This queue asks one review per item. Set reviews per item to 2 or more to measure agreement."}
      />
      {p.agreement.items ? (
        <Table>
          <THead><tr><Th>Score</Th><Th className="text-right">Items</Th><Th className="text-right">Agreed</Th><Th className="text-right">Rate</Th><Th className="text-right">Mean difference</Th></tr></THead>
          <TBody>
            {lines.map(([name, a]) => (
              <Tr key={name}>
                <Td className="font-medium">{name}</Td>
                <Td className="text-right tabular-nums">{count(a.items)}</Td>
                <Td className="text-right tabular-nums">{count(a.agreed)}</Td>
                <Td className="text-right tabular-nums">{a.rate === null ? "—" : pct(a.rate, 1)}</Td>
                <Td className="text-right tabular-nums">{a.meanAbsDifference === undefined || a.meanAbsDifference === null ? "—" : `${a.meanAbsDifference.toFixed(2)} points`}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      ) : null}
    </Card>
  );
}
