"use client";

import Link from "next/link";
import { expireSilenceAction } from "@/app/(console)/p/[projectId]/alerts/actions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { useAction } from "@/components/ui/use-action";
import type { SilenceRow } from "./silence-rows";


const TONE = { active: "info", scheduled: "neutral", ended: "neutral" } as const;

function ExpireButton({ projectId, id }: { projectId: string; id: string }) {
  const { pending, error, run } = useAction();
  return (
    <>
      <Button type="button" size="sm" variant="secondary" disabled={pending} onClick={() => run(() => expireSilenceAction(projectId, id))}>{pending ? "Ending…" : "Expire"}</Button>
      {error ? <span role="alert" className="block text-xs text-danger">{error}</span> : null}
    </>
  );
}

/** Silences, in force first; ending one keeps it for the record. */
export function SilencesTable({ projectId, silences, canWrite }: { projectId: string; silences: SilenceRow[]; canWrite: boolean }) {
  return (
    <Table aria-label="Silences">
      <THead><tr><Th>Status</Th><Th>Silences</Th><Th>From</Th><Th>Until</Th><Th>Comment</Th><Th><span className="sr-only">Actions</span></Th></tr></THead>
      <TBody>
        {silences.map((s) => (
          <Tr key={s.id}>
            <Td><Badge tone={TONE[s.status]}>{s.status}</Badge></Td>
            <Td className="text-sm">
              {s.ruleId ? <Link className="font-medium text-primary hover:underline" href={`/p/${projectId}/alerts/${s.ruleId}`}>{s.ruleName ?? "deleted rule"}</Link> : <span>any rule</span>}
              {Object.keys(s.matchers).length ? <span className="block font-mono text-xs text-muted-fg">{Object.entries(s.matchers).map(([k, v]) => `${k}=${v}`).join(", ")}</span> : null}
            </Td>
            <Td><Time value={s.startsAt} /></Td>
            <Td><Time value={s.endsAt} /></Td>
            <Td className="text-sm">{s.comment}<span className="block text-xs text-muted-fg">by {s.createdBy}</span></Td>
            <Td className="text-right">{canWrite && s.status !== "ended" ? <ExpireButton projectId={projectId} id={s.id} /> : null}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
