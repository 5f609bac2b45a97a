import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FlagForm } from "@/components/flags/flag-form";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";

export const metadata: Metadata = { title: "New flag" };

export default async function NewFlagPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  if (!can(ctx.actor, "flags.write")) notFound();
  return (
    <>
      <PageHeader title="New flag" description="Start with everyone on one variant; add rules and percentage rollouts on the flag's page." />
      <FlagForm projectId={projectId} />
    </>
  );
}
