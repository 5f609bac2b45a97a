import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RuleForm } from "@/components/alerts/rule-form";
import { fromRule } from "@/components/alerts/rule-draft";
import { PageHeader } from "@/components/ui/page-header";
import { listChannels } from "@/lib/alerts/channels";
import { ruleEditorOptions } from "@/lib/alerts/editor-options";
import { loadRule } from "@/lib/alerts/page";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";

export const metadata: Metadata = { title: "Edit alert rule" };

export default async function EditRulePage({ params }: { params: Promise<{ projectId: string; ruleId: string }> }) {
  const { projectId, ruleId } = await params;
  const ctx = await requireProject(projectId);
  if (!can(ctx.actor, "alerts.write")) notFound();
  const [rule, channels, options] = await Promise.all([loadRule(ctx, ruleId), listChannels(ctx), ruleEditorOptions(ctx)]);
  return (
    <>
      <PageHeader title={`Edit ${rule.name}`} description="Instances and history are kept; the next evaluation applies the new condition." />
      <RuleForm projectId={projectId} ruleId={rule.id} initial={fromRule(rule)} channels={channels.map((c) => ({ id: c.id, name: c.name, type: c.type }))} options={options} />
    </>
  );
}
