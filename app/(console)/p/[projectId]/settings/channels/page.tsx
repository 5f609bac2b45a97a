import { Megaphone } from "lucide-react";
import type { Metadata } from "next";
import { ChannelForm } from "@/components/alerts/channel-form";
import { ChannelRowActions } from "@/components/alerts/channel-row-actions";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import { listChannels } from "@/lib/alerts/channels";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";

export const metadata: Metadata = { title: "Notification channels" };

export default async function ChannelsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  const channels = await listChannels(ctx);
  const canWrite = can(ctx.actor, "alerts.write");
  return (
    <>
      <PageHeader title="Notification channels" description="Where alert rules send notifications. URLs and secrets are stored encrypted and never shown again." />
      <div className="grid gap-6">
        <Card aria-label="Channels">
          {channels.length === 0 ? (
            <EmptyState icon={Megaphone} title="No notification channels yet">
              {canWrite ? "Add a webhook or a Slack incoming webhook below, send a test, then pick it in an alert rule." : "Ask a member, admin or owner to add one."}
            </EmptyState>
          ) : (
            <Table aria-label="Notification channels">
              <THead><tr><Th>Name</Th><Th>Type</Th><Th>URL</Th><Th>Signed</Th><Th>Added</Th><Th><span className="sr-only">Actions</span></Th></tr></THead>
              <TBody>
                {channels.map((c) => (
                  <Tr key={c.id}>
                    <Td className="font-medium">{c.name}</Td>
                    <Td><Badge>{c.type === "slack" ? "Slack" : "webhook"}</Badge></Td>
                    <Td><code className="font-mono text-xs">{c.url}</code></Td>
                    <Td>{c.type === "slack" ? <span className="text-muted-fg">—</span> : c.hasSecret ? "HMAC-SHA256" : <span className="text-muted-fg">no</span>}</Td>
                    <Td><Time value={c.createdAt} /></Td>
                    <Td className="text-right">{canWrite ? <ChannelRowActions projectId={projectId} id={c.id} name={c.name} /> : null}</Td>
                  </Tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
        {canWrite ? (
          <Card aria-label="Add a channel">
            <CardHeader title="Add a channel" description="Webhooks get the Prometheus Alertmanager body (version 4); Slack gets a readable message with the value, threshold and a link." />
            <CardBody><ChannelForm projectId={projectId} /></CardBody>
          </Card>
        ) : null}
      </div>
    </>
  );
}
