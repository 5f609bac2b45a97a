import { BellOff } from "lucide-react";
import type { Metadata } from "next";
import { AlertsTabs } from "@/components/alerts/alerts-tabs";
import { SilenceForm } from "@/components/alerts/silence-form";
import { silenceRows } from "@/components/alerts/silence-rows";
import { SilencesTable } from "@/components/alerts/silences-table";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listAlertRules } from "@/lib/alerts/list-rules";
import { listSilences } from "@/lib/alerts/silences";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";

export const metadata: Metadata = { title: "Silences" };

export default async function SilencesPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<{ ruleId?: string }> }) {
  const { projectId } = await params;
  const { ruleId } = await searchParams;
  const ctx = await requireProject(projectId);
  const [silences, rules] = await Promise.all([listSilences(ctx), listAlertRules(ctx)]);
  const canWrite = can(ctx.actor, "alerts.write");
  const rows = silenceRows(silences, rules);
  return (
    <>
      <PageHeader title="Silences" description="Silenced alerts still change state and show on the Alerts page; they only notify nobody." />
      <AlertsTabs projectId={projectId} current="silences" />
      <div className="grid gap-6">
        {canWrite ? (
          <Card aria-label="New silence">
            <CardHeader title="New silence" description="For a planned deploy or a known incident: silence one rule, labels across rules, or both." />
            <CardBody><SilenceForm projectId={projectId} rules={rules.map((r) => ({ id: r.id, name: r.name }))} initialRuleId={rules.some((r) => r.id === ruleId) ? ruleId : undefined} /></CardBody>
          </Card>
        ) : null}
        <Card aria-label="All silences">
          <CardHeader title="All silences" description="In force first, then scheduled, then ended (kept for the record)." />
          {rows.length ? (
            <SilencesTable projectId={projectId} silences={rows} canWrite={canWrite} />
          ) : (
            <EmptyState icon={BellOff} title="No silences">
              {canWrite ? "Create one above before a planned change, so expected alerts notify nobody." : "Members, admins and owners create silences before planned changes."}
            </EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}
