import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { VersionSummary } from "@/lib/prompts/get";
import { ConfirmMove } from "./confirm-move";
import { LabelBadges } from "./label-badges";

/** The history, newest first: open a version, diff it with the one before, or move production to it. */
export function VersionTable({ projectId, name, versions, production, canDeploy }: { projectId: string; name: string; versions: VersionSummary[]; production: number | null; canDeploy: boolean }) {
  const base = `/p/${projectId}/prompts/${encodeURIComponent(name)}`;
  return (
    <Table aria-label="Version history">
      <THead>
        <tr><Th>Version</Th><Th>Commit message</Th><Th>Author</Th><Th>Created</Th><Th>Labels</Th><Th><span className="sr-only">Actions</span></Th></tr>
      </THead>
      <TBody>
        {versions.map((v) => (
          <Tr key={v.version}>
            <Td><Link className="font-medium text-primary hover:underline" href={`${base}?version=${v.version}`}>v{v.version}</Link></Td>
            <Td className="max-w-64 truncate">{v.commitMessage ?? <span className="text-muted-fg">—</span>}</Td>
            <Td className="text-muted-fg">{v.createdBy}</Td>
            <Td><Time value={v.createdAt} /></Td>
            <Td><LabelBadges labels={v.labels} /></Td>
            <Td className="text-right">
              <span className="inline-flex items-center gap-2">
                {v.version > 1 ? <Link className="text-sm text-primary hover:underline" href={`${base}/diff?a=${v.version - 1}&b=${v.version}`} aria-label={`Diff v${v.version - 1} and v${v.version}`}>Diff</Link> : null}
                {canDeploy && production !== v.version ? <ConfirmMove projectId={projectId} name={name} label="production" from={production} to={v.version} trigger={`Deploy v${v.version}`} /> : null}
              </span>
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
