import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PromptEditor } from "@/components/prompts/prompt-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { canPrompt, membersMayDeploy } from "@/lib/prompts/permissions";

export const metadata: Metadata = { title: "New prompt" };

export default async function NewPromptPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  if (!canPrompt(ctx.actor, "prompts.write")) notFound();
  const canDeploy = canPrompt(ctx.actor, "prompts.deploy", await membersMayDeploy(ctx.db, projectId));
  return (
    <>
      <PageHeader title="New prompt" description="Write the template with {{variables}}, check it in the preview, and save version 1." />
      <PromptEditor projectId={projectId} canDeploy={canDeploy} />
    </>
  );
}
