import { History } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { FlagChange } from "@/lib/flags/history";
import { ACTION_WORDS, canonical, changedPaths, show } from "./changes";

const SHOWN = 8;

/** Who changed what and when, each change as "path: before → after", the whole definitions one click away. */
export function HistoryTable({ changes }: { changes: FlagChange[] }) {
  if (changes.length === 0) return <EmptyState icon={History} title="No changes recorded">Changes made from now on appear here with who made them.</EmptyState>;
  return (
    <Table aria-label="Flag history">
      <THead><tr><Th>When</Th><Th>Who</Th><Th>What</Th><Th>Before → after</Th></tr></THead>
      <TBody>
        {changes.map((c) => {
          const diff = c.action === "flag.create" || c.action === "flag.delete" ? [] : changedPaths(c.before, c.after);
          return (
            <Tr key={c.id}>
              <Td className="whitespace-nowrap align-top"><Time value={c.at} /></Td>
              <Td className="align-top">
                <span className="block">{c.actor}</span>
                <span className="block text-xs text-muted-fg">{c.actorType.replace("_", " ")}</span>
              </Td>
              <Td className="align-top"><span className="font-medium">{ACTION_WORDS[c.action] ?? c.action}</span> <code className="block font-mono text-xs text-muted-fg">{c.action}</code></Td>
              <Td className="max-w-xl align-top">
                {diff.length ? (
                  <ul className="grid gap-0.5 font-mono text-xs">
                    {diff.slice(0, SHOWN).map((d) => (
                      <li key={d.path} className="break-all"><span className="text-muted-fg">{d.path}:</span> <span className="text-danger">{show(d.before)}</span> → <span className="text-success">{show(d.after)}</span></li>
                    ))}
                    {diff.length > SHOWN ? <li className="text-muted-fg">and {diff.length - SHOWN} more</li> : null}
                  </ul>
                ) : <span className="text-xs text-muted-fg">{c.action === "flag.create" ? "Created with the definition below." : c.action === "flag.delete" ? "Deleted; the last definition is below." : "No field changed."}</span>}
                <details className="mt-1 text-xs">
                  <summary className="cursor-pointer text-primary">Whole definition before and after</summary>
                  <div className="mt-1 grid gap-2 md:grid-cols-2">
                    <pre className="overflow-x-auto rounded border bg-muted/40 p-2" aria-label="Before">{c.before ? JSON.stringify(canonical(c.before), null, 2) : "—"}</pre>
                    <pre className="overflow-x-auto rounded border bg-muted/40 p-2" aria-label="After">{c.after ? JSON.stringify(canonical(c.after), null, 2) : "—"}</pre>
                  </div>
                </details>
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
