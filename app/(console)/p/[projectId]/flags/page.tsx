import { FlagTriangleRight, Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { FlagsTable } from "@/components/flags/flags-table";
import { staleHints } from "@/components/flags/summary";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { listFlags } from "@/lib/flags/list";
import { flagUsage } from "@/lib/flags/usage";

export const metadata: Metadata = { title: "Flags" };

export default async function FlagsPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  const [flags, usage] = await Promise.all([listFlags(ctx), flagUsage(ctx)]);
  const canWrite = can(ctx.actor, "flags.write");
  const now = new Date();
  const hints = new Map(flags.map((f) => [f.key, staleHints(f, usage.get(f.key), now)]));
  const newButton = canWrite ? <Button asChild><Link href={`/p/${projectId}/flags/new`}><Plus aria-hidden /> New flag</Link></Button> : null;
  return (
    <>
      <PageHeader title="Flags" description="Roll features, models and prompt versions out gradually, switch them off in seconds and compare variants. Your code evaluates flags locally with the SDK." actions={newButton} />
      <Card aria-label="All flags">
        {flags.length === 0 ? (
          <EmptyState icon={FlagTriangleRight} title="No flags yet" action={newButton}>
            {canWrite
              ? <>Create a flag, then ask for it in your code with <code className="font-mono">sextant.flags</code> (or any OpenFeature SDK through OFREP) and roll it out with rules.</>
              : "Flags appear here once a member, admin or owner creates one; your role can read them but not change them."}
          </EmptyState>
        ) : (
          <FlagsTable projectId={projectId} flags={flags} hints={hints} />
        )}
      </Card>
    </>
  );
}
