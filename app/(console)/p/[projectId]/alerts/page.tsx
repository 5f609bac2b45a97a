import { Bell, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { OpenAlertsTable } from "@/components/alerts/open-alerts-table";
import { RulesTable } from "@/components/alerts/rules-table";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listChannels } from "@/lib/alerts/channels";
import { listAlertRules } from "@/lib/alerts/list-rules";
import { listOpenAlerts } from "@/lib/alerts/open-alerts";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  const [rules, open, channels] = await Promise.all([listAlertRules(ctx), listOpenAlerts(ctx), listChannels(ctx)]);
  const canWrite = can(ctx.actor, "alerts.write");
  const newButton = canWrite ? <Button asChild><Link href={`/p/${projectId}/alerts/new`}><Plus aria-hidden /> New rule</Link></Button> : null;
  const channelsHref = `/p/${projectId}/settings/channels`;
  return (
    <>
      <PageHeader title="Alerts" description="Rules on any dashboard metric, per group; what is firing now comes first." actions={newButton} />
      <AlertsTabs projectId={projectId} current="rules" />
      <div className="grid gap-6">
        {rules.length > 0 ? (
          <Card aria-label="Firing and pending">
            <CardHeader title="Firing and pending" description="Instances that breach their rule now, most severe first. Silenced ones still show, without notifying." />
            {open.length ? (
              <OpenAlertsTable projectId={projectId} alerts={open} />
            ) : (
              <CardBody><p className="text-sm text-muted-fg">Nothing is firing or pending. Every enabled rule was healthy at its last evaluation.</p></CardBody>
            )}
          </Card>
        ) : null}
        <Card aria-label="Rules">
          <CardHeader title="Rules" description="Each is evaluated every minute from the rollups, the same numbers as the dashboards." />
          {rules.length === 0 ? (
            <EmptyState icon={Bell} title="No alert rules yet" action={newButton}>
              {canWrite ? (
                <>
                  Create a rule — for example error rate above 5 % for a model over 5 minutes.{" "}
                  {channels.length === 0 ? <>To be notified, first <Link className="text-primary hover:underline" href={channelsHref}>add a notification channel</Link> (webhook or Slack).</> : null}
                </>
              ) : (
                "Ask a member, admin or owner to create one; you will see its state here."
              )}
            </EmptyState>
          ) : (
            <RulesTable projectId={projectId} rules={rules} open={open} />
          )}
        </Card>
      </div>
    </>
  );
}
