import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PromptEditor } from "@/components/prompts/prompt-editor";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { getPrompt } from "@/lib/prompts/get";
import { canPrompt, membersMayDeploy } from "@/lib/prompts/permissions";
import { loadOr404 } from "@/lib/prompts/page";

export const metadata: Metadata = { title: "New version" };

export default async function NewVersionPage({ params }: { params: Promise<{ projectId: string; name: string }> }) {
  const { projectId, name: raw } = await params;
  const name = decodeURIComponent(raw);
  const ctx = await requireProject(projectId);
  if (!canPrompt(ctx.actor, "prompts.write")) notFound();
  const latest = await loadOr404(getPrompt(ctx, name, { label: "latest" }));
  const canDeploy = canPrompt(ctx.actor, "prompts.deploy", await membersMayDeploy(ctx.db, projectId));
  return (
    <>
      <PageHeader title={`New version of ${name}`} description="A new version starts from the latest one; existing versions never change." />
      <PromptEditor projectId={projectId} canDeploy={canDeploy} existing={{ name, type: latest.type, version: latest.version, prompt: latest.prompt, config: latest.config }} />
    </>
  );
}
