import { BellOff, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { SeverityBadge, StateBadge } from "@/components/alerts/badges";
import { EvaluateButton } from "@/components/alerts/evaluate-button";
import { DeliveriesTable, InstancesTable, TimelineTable } from "@/components/alerts/history-tables";
import { PreviewChart } from "@/components/alerts/preview-chart";
import { thresholdLines } from "@/components/alerts/preview-rows";
import { RuleActions } from "@/components/alerts/rule-actions";
import { RuleDefinition } from "@/components/alerts/rule-definition";
import { ruleState } from "@/components/alerts/rules-table";
import { describeCondition, duration } from "@/components/alerts/units";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listChannels } from "@/lib/alerts/channels";
import { listDeliveries, listHistory, listInstances } from "@/lib/alerts/history";
import { listOpenAlerts } from "@/lib/alerts/open-alerts";
import { loadRule } from "@/lib/alerts/page";
import { previewAlertRule, type RulePreview } from "@/lib/alerts/preview";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { AppError } from "@/lib/http/errors";

export const metadata: Metadata = { title: "Alert rule" };

const Empty = ({ children }: { children: React.ReactNode }) => <CardBody><p className="text-sm text-muted-fg">{children}</p></CardBody>;

export default async function RulePage({ params }: { params: Promise<{ projectId: string; ruleId: string }> }) {
  const { projectId, ruleId } = await params;
  const ctx = await requireProject(projectId);
  const rule = await loadRule(ctx, ruleId);
  const [instances, history, deliveries, channels, open, chart] = await Promise.all([
    listInstances(ctx, rule.id),
    listHistory(ctx, rule.id, { limit: 200 }),
    listDeliveries(ctx, rule.id),
    listChannels(ctx),
    listOpenAlerts(ctx),
    previewAlertRule(ctx, { ...rule, op: rule.condition.op }).catch((e: unknown) => (e instanceof AppError ? e.message : Promise.reject(e))) as Promise<RulePreview | string>,
  ]);
  const canWrite = can(ctx.actor, "alerts.write");
  const channelName = Object.fromEntries(channels.map((c) => [c.id, c.name]));
  const base = `/p/${projectId}/alerts/${rule.id}`;
  return (
    <>
      <PageHeader
        title={rule.name}
        description={<span className="flex flex-wrap items-center gap-2"><StateBadge state={ruleState(rule, open)} /> <SeverityBadge severity={rule.severity} /> {describeCondition(rule)}{rule.groupBy ? `, per ${rule.groupBy}` : ""}</span>}
        actions={canWrite ? (
          <div className="flex flex-wrap items-start gap-2">
            <Button asChild variant="secondary"><Link href={`/p/${projectId}/alerts/silences?ruleId=${rule.id}`}><BellOff aria-hidden /> Silence</Link></Button>
            <Button asChild variant="secondary"><Link href={`${base}/edit`}><Pencil aria-hidden /> Edit</Link></Button>
            <RuleActions projectId={projectId} ruleId={rule.id} name={rule.name} enabled={rule.enabled} />
            <EvaluateButton projectId={projectId} ruleId={rule.id} />
          </div>
        ) : <p className="text-sm text-muted-fg">Read-only: ask a member, admin or owner to change this rule.</p>}
      />
      <div className="grid gap-6">
        {rule.lastError ? <ErrorAlert>The last evaluation could not read the metric: {rule.lastError}</ErrorAlert> : null}
        <div className="grid gap-6 lg:grid-cols-2">
          <Card aria-label="Metric">
            <CardHeader title="Metric" description={`Each point is the value over the ${duration(rule.windowSeconds)} before it.`} />
            <CardBody>
              {typeof chart === "string" ? <ErrorAlert>{chart}</ErrorAlert> : <PreviewChart preview={chart} metric={rule.metric} thresholds={thresholdLines(rule.metric, rule.condition)} label={`${rule.name}: metric over time`} />}
            </CardBody>
          </Card>
          <RuleDefinition rule={rule} channelName={channelName} />
        </div>
        <Card aria-label="Instances">
          <CardHeader title="Instances" description="Groups that ever left OK. A group with no requests in the window is not listed." />
          {instances.length ? <InstancesTable instances={instances} metric={rule.metric} /> : <Empty>No group has breached this rule yet.</Empty>}
        </Card>
        <Card aria-label="State timeline">
          <CardHeader title="State timeline" description="Every state change with the value that caused it, newest first." />
          {history.items.length ? <TimelineTable items={history.items} metric={rule.metric} /> : <Empty>No state changes yet. {canWrite ? "Press “Evaluate now” to run the rule at once." : "The rule is evaluated every minute."}</Empty>}
        </Card>
        <Card aria-label="Notification log">
          <CardHeader title="Notification log" description="What was sent to which channel, retried with backoff; the newest 200." />
          {deliveries.length ? <DeliveriesTable items={deliveries} channelName={channelName} /> : <Empty>{rule.channels.length ? "Nothing sent yet." : "This rule has no channels, so it notifies nobody."}</Empty>}
        </Card>
      </div>
    </>
  );
}
