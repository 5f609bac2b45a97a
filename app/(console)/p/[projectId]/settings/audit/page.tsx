import { History } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AuditFilters } from "@/components/audit/audit-filters";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listAudit } from "@/lib/audit/list";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";

export const metadata: Metadata = { title: "Audit log" };

type Search = { action?: string; actor?: string; before?: string };

function change(before: unknown, after: unknown): string {
  const parts = [];
  if (before) parts.push(`before ${JSON.stringify(before)}`);
  if (after) parts.push(`after ${JSON.stringify(after)}`);
  return parts.join("\n");
}

export default async function AuditPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<Search> }) {
  const { projectId } = await params;
  const search = await searchParams;
  const ctx = await requireProject(projectId);
  const header = <PageHeader title="Audit log" description="Every change to members, roles, projects and keys in this organization, newest first." />;
  if (!can(ctx.actor, "audit.read")) {
    return <>{header}<ErrorAlert>Only owners and admins can read the audit log.</ErrorAlert></>;
  }
  const action = search.action || undefined;
  const actor = search.actor || undefined;
  const { rows, nextCursor } = await listAudit(ctx, { action, actor, before: search.before || undefined });
  const next = new URLSearchParams({ ...(action ? { action } : {}), ...(actor ? { actor } : {}), before: String(nextCursor ?? "") });
  return (
    <>
      {header}
      <AuditFilters action={action} actor={actor} />
      <Card>
        {rows.length === 0 ? (
          <EmptyState icon={History} title="No matching changes">
            {action || actor ? "Clear the filters to see every change." : "Changes to members, keys and projects will appear here."}
          </EmptyState>
        ) : (
          <Table>
            <THead><tr><Th>When</Th><Th>Actor</Th><Th>Action</Th><Th>Resource</Th><Th>Change</Th></tr></THead>
            <TBody>
              {rows.map((r) => (
                <Tr key={r.id}>
                  <Td className="whitespace-nowrap"><Time value={r.createdAt} /></Td>
                  <Td>
                    <span className="block">{r.actorLabel}</span>
                    <span className="block text-xs text-muted-fg">{r.actorType.replace("_", " ")}</span>
                  </Td>
                  <Td><code className="font-mono text-xs">{r.action}</code></Td>
                  <Td className="text-xs"><span className="text-muted-fg">{r.resourceType}</span> <code className="font-mono">{r.resourceId.slice(0, 8)}</code></Td>
                  <Td className="max-w-md"><pre className="whitespace-pre-wrap break-all font-mono text-xs text-muted-fg">{change(r.before, r.after)}</pre></Td>
                </Tr>
              ))}
            </TBody>
          </Table>
        )}
      </Card>
      {nextCursor ? (
        <div className="mt-4 flex justify-end">
          <Button asChild variant="secondary"><Link href={`?${next.toString()}`}>Older changes</Link></Button>
        </div>
      ) : null}
    </>
  );
}
