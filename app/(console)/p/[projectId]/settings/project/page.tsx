import type { Metadata } from "next";
import { RenameProjectForm } from "@/components/shell/rename-project-form";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";

export const metadata: Metadata = { title: "Project settings" };

export default async function ProjectSettingsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  return (
    <>
      <PageHeader title="Project" description="Name and identifiers of this project." />
      <Card>
        <CardHeader title="General" />
        <CardBody className="grid gap-6">
          <RenameProjectForm projectId={projectId} name={ctx.project.name} disabled={!can(ctx.actor, "project.update")} />
          <div className="max-w-md"><CopyField id="project-id" label="Project ID" value={projectId} /></div>
        </CardBody>
      </Card>
    </>
  );
}
