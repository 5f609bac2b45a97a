import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RuleForm } from "@/components/alerts/rule-form";
import { emptyDraft } from "@/components/alerts/rule-draft";
import { PageHeader } from "@/components/ui/page-header";
import { listChannels } from "@/lib/alerts/channels";
import { ruleEditorOptions } from "@/lib/alerts/editor-options";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";

export const metadata: Metadata = { title: "New alert rule" };

export default async function NewRulePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  if (!can(ctx.actor, "alerts.write")) notFound();
  const [channels, options] = await Promise.all([listChannels(ctx), ruleEditorOptions(ctx)]);
  return (
    <>
      <PageHeader title="New alert rule" description="Pick a metric, where it applies and the line it must not cross; the preview shows what the rule would have seen." />
      <RuleForm projectId={projectId} initial={emptyDraft()} channels={channels.map((c) => ({ id: c.id, name: c.name, type: c.type }))} options={options} />
    </>
  );
}
