import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { Tag } from "lucide-react";
import { ConfirmMove } from "./confirm-move";

export type LabelRow = { label: string; version: number; movedAt: Date; movedBy: string; previous: number | null; canMove: boolean };

/** Where each label points, when and by whom it moved, and the one-click rollback. */
export function LabelsCard({ projectId, name, labels, latest }: { projectId: string; name: string; labels: LabelRow[]; latest: number }) {
  return (
    <Card aria-label="Labels">
      <CardHeader title="Labels" description={`Moving a label deploys; moving it back rolls back. latest is always v${latest}.`} />
      {labels.length === 0 ? (
        <EmptyState icon={Tag} title="No labels yet">Move production to a version in the history below; your code fetches the production version by default.</EmptyState>
      ) : (
        <Table>
          <THead>
            <tr><Th>Label</Th><Th>Version</Th><Th>Moved</Th><Th>By</Th><Th><span className="sr-only">Actions</span></Th></tr>
          </THead>
          <TBody>
            {labels.map((l) => (
              <Tr key={l.label}>
                <Td className="font-medium">{l.label}</Td>
                <Td className="tabular-nums">v{l.version}</Td>
                <Td><Time value={l.movedAt} /></Td>
                <Td className="text-muted-fg">{l.movedBy}</Td>
                <Td className="text-right">
                  {l.canMove && l.previous !== null ? <ConfirmMove projectId={projectId} name={name} label={l.label} from={l.version} to={l.previous} rollback trigger={`Roll back ${l.label} to v${l.previous}`} /> : null}
                </Td>
              </Tr>
            ))}
          </TBody>
        </Table>
      )}
    </Card>
  );
}
