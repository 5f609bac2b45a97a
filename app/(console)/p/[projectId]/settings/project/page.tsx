import type { Metadata } from "next";
import { AddPriceForm } from "@/components/settings/add-price-form";
import { ModelPriceTable } from "@/components/settings/model-price-table";
import { RedactionForm } from "@/components/settings/redaction-form";
import { RetentionForm } from "@/components/settings/retention-form";
import { RenameProjectForm } from "@/components/shell/rename-project-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { PRICE_TABLE } from "@/lib/cost/match";
import { listModelPrices } from "@/lib/cost/overrides/list";
import { getProjectSettings } from "@/lib/settings/get";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  const [settings, prices] = await Promise.all([getProjectSettings(ctx), listModelPrices(ctx)]);
  const canUpdate = can(ctx.actor, "settings.update");
  return (
    <>
      <PageHeader title="Project" description="Name, identifiers, data retention, redaction and model prices of this project." />
      <div className="grid gap-6">
        <Card aria-label="General">
          <CardHeader title="General" />
          <CardBody className="grid gap-6">
            <RenameProjectForm projectId={projectId} name={ctx.project.name} disabled={!can(ctx.actor, "project.update")} />
            <div className="max-w-md"><CopyField id="project-id" label="Project ID" value={projectId} /></div>
          </CardBody>
        </Card>
        <Card aria-label="Data retention">
          <CardHeader title="Data retention" description="How long Sextant keeps each request in full." />
          <CardBody>
            <RetentionForm projectId={projectId} retentionDays={settings.retentionDays} disabled={!canUpdate} />
          </CardBody>
        </Card>
        <Card aria-label="Redaction">
          <CardHeader
           
            title="Redaction"
            description="Matches are replaced by typed placeholders such as [EMAIL] before anything is stored; the original text never reaches the database."
          />
          <CardBody>
            <RedactionForm projectId={projectId} redaction={settings.redaction} disabled={!canUpdate} />
          </CardBody>
        </Card>
        <Card aria-label="Model prices">
          <CardHeader
           
            title="Model prices"
            description="Overrides in USD per 1M tokens. They beat the shipped price table for requests ingested from now on; stored costs are not recomputed."
          />
          <ModelPriceTable projectId={projectId} prices={prices} shippedCount={PRICE_TABLE.length} canDelete={canUpdate} />
          {canUpdate ? (
            <CardBody className="border-t">
              <AddPriceForm projectId={projectId} />
            </CardBody>
          ) : null}
        </Card>
      </div>
    </>
  );
}
