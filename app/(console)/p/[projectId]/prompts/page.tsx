import { BookText, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { DeployPolicy } from "@/components/prompts/deploy-policy";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { requireProject } from "@/lib/auth/session";
import { listPrompts } from "@/lib/prompts/list";
import { canPrompt } from "@/lib/prompts/permissions";
import type { LabelState } from "@/lib/prompts/schemas";
import { getPromptSettings } from "@/lib/prompts/settings";

export const metadata: Metadata = { title: "Prompts" };

function LabelCell({ label }: { label: LabelState | undefined }) {
  if (!label) return <span className="text-muted-fg">—</span>;
  return (
    <span className="grid">
      <span className="font-medium tabular-nums">v{label.version}</span>
      <span className="text-xs text-muted-fg">moved <Time value={label.movedAt} /></span>
    </span>
  );
}

export default async function PromptsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  const [prompts, settings] = await Promise.all([listPrompts(ctx), getPromptSettings(ctx)]);
  const canWrite = canPrompt(ctx.actor, "prompts.write");
  const newButton = canWrite ? <Button asChild><Link href={`/p/${projectId}/prompts/new`}><Plus aria-hidden /> New prompt</Link></Button> : null;
  return (
    <>
      <PageHeader title="Prompts" description="Immutable versions; moving production deploys, moving it back rolls back. Your code fetches prompts with the SDK." actions={newButton} />
      <div className="grid gap-6">
        <Card aria-label="All prompts">
          {prompts.length === 0 ? (
            <EmptyState icon={BookText} title="No prompts yet" action={newButton}>
              {canWrite ? "Create a prompt, move production to it and fetch it with sextant.prompts.get(name)." : "Ask a member, admin or owner to create one."}
            </EmptyState>
          ) : (
            <Table>
              <THead>
                <tr><Th>Name</Th><Th>Type</Th><Th>Latest</Th><Th>Production</Th><Th>Staging</Th><Th>Other labels</Th><Th>Updated</Th></tr>
              </THead>
              <TBody>
                {prompts.map((p) => {
                  const other = p.labels.filter((l) => l.label !== "production" && l.label !== "staging");
                  return (
                    <Tr key={p.name}>
                      <Td><Link className="font-medium text-primary hover:underline" href={`/p/${projectId}/prompts/${encodeURIComponent(p.name)}`}>{p.name}</Link></Td>
                      <Td><Badge>{p.type}</Badge></Td>
                      <Td className="tabular-nums">v{p.latestVersion}</Td>
                      <Td><LabelCell label={p.labels.find((l) => l.label === "production")} /></Td>
                      <Td><LabelCell label={p.labels.find((l) => l.label === "staging")} /></Td>
                      <Td className="text-xs">{other.length ? other.map((l) => `${l.label} → v${l.version}`).join(", ") : <span className="text-muted-fg">—</span>}</Td>
                      <Td><Time value={p.updatedAt} /></Td>
                    </Tr>
                  );
                })}
              </TBody>
            </Table>
          )}
        </Card>
        <Card aria-label="Deploy policy">
          <CardHeader title="Deploy policy" description="Who may move the production label in this project." />
          <CardBody><DeployPolicy projectId={projectId} membersMayDeploy={settings.membersMayDeployProduction} canManage={canPrompt(ctx.actor, "prompts.manage")} /></CardBody>
        </Card>
      </div>
    </>
  );
}
