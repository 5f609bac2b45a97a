import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { FlagRecord } from "@/lib/flags/schemas";
import { ShareCell } from "./share-cell";
import { environmentNames, shareOf, type StaleHint } from "./summary";

/** Every flag: its environments' state and shares, stale hints, last change. */
export function FlagsTable({ projectId, flags, hints }: { projectId: string; flags: FlagRecord[]; hints: Map<string, StaleHint[]> }) {
  return (
    <Table aria-label="Flags">
      <THead>
        <tr><Th>Key</Th><Th>Type</Th><Th>Environments</Th><Th>Hints</Th><Th>Changed</Th></tr>
      </THead>
      <TBody>
        {flags.map((f) => (
          <Tr key={f.key}>
            <Td className="max-w-72">
              <Link className="font-medium text-primary hover:underline" href={`/p/${projectId}/flags/${encodeURIComponent(f.key)}`}>{f.key}</Link>
              {f.description ? <span className="block truncate text-xs text-muted-fg">{f.description}</span> : null}
            </Td>
            <Td><Badge>{f.type}</Badge></Td>
            <Td>
              <div className="grid gap-1">
                {environmentNames(f.environments).map((name) => <ShareCell key={name} environment={name} share={shareOf(f.environments[name]!)} />)}
                {Object.keys(f.environments).length === 0 ? <span className="text-xs text-muted-fg">no environments: SDKs answer their default</span> : null}
              </div>
            </Td>
            <Td>
              <div className="grid gap-1">
                {(hints.get(f.key) ?? []).map((h) => <Badge key={h.kind} className="w-fit">{h.text}</Badge>)}
              </div>
            </Td>
            <Td><Time value={f.updatedAt} /></Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
