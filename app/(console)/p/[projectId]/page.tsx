import { KeyRound, Rocket } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SdkSnippet } from "@/components/api-keys/sdk-snippet";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { listApiKeys } from "@/lib/api-keys/list";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { requestOrigin } from "@/lib/http/origin";
import { hasAnyRequest } from "@/lib/requests/any";
import { Overview } from "@/components/dashboard/overview";
import { FilterBar } from "@/components/filters/filter-bar";
import { DashboardTabs } from "@/components/dashboard/tabs";
import { toSearch, type SearchParams } from "@/lib/dashboard/search";
import { ErrorAlert } from "@/components/ui/alert";
import { loadOverview, type OverviewData } from "@/lib/dashboard/overview";
import { AppError } from "@/lib/http/errors";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params, searchParams }: { params: Promise<{ projectId: string }>; searchParams: Promise<SearchParams> }) {
  const { projectId } = await params;
  const search = toSearch(await searchParams);
  const ctx = await requireProject(projectId);
  // Reviewers work queues: their nav holds only Review, so that is where the project opens for them.
  if (ctx.actor.type === "user" && ctx.actor.role === "reviewer") redirect(`/p/${projectId}/review`);
  const keys = (await listApiKeys(ctx)).filter((k) => !k.revokedAt);
  const origin = await requestOrigin();
  const keysHref = `/p/${projectId}/settings/api-keys`;
  if (await hasAnyRequest(ctx)) {
    let data: OverviewData | null = null;
    let problem: string | null = null;
    try {
      data = await loadOverview(ctx, new URLSearchParams(search));
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      problem = err.message + (err.issues?.length ? ` ${err.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}` : "");
    }
    return (
      <>
        <PageHeader title="Dashboard" description={`Latency, errors, cost and quality of ${ctx.project.name}.`} />
        <DashboardTabs projectId={projectId} />
        <FilterBar options={data?.options} />
        {data ? <Overview projectId={projectId} initial={data} initialSearch={search} /> : <ErrorAlert>These filters cannot be shown: {problem}</ErrorAlert>}
      </>
    );
  }
  return (
    <>
      <PageHeader title="Dashboard" description={`Latency, errors, cost and quality of ${ctx.project.name}.`} />
      <Card>
        <CardHeader
          title="Send your first request"
          description="No requests have arrived in this project yet. Instrument your app with the SDK and this dashboard fills in by itself."
        />
        <CardBody className="grid gap-6 lg:grid-cols-2">
          <div className="grid content-start gap-4">
            <h3 className="text-sm font-semibold">1. Your project keys</h3>
            {keys.length > 0 ? (
              <>
                {keys.slice(0, 2).map((k) => (
                  <div key={k.id} className="grid gap-2">
                    <CopyField id={`pk-${k.id}`} label={`Public key — ${k.name}`} value={k.publicKey} />
                    <p className="text-xs text-muted-fg">
                      Secret key <code className="font-mono">{k.secretPrefix}</code> was shown once when it was created. Lost it? Create a new key and revoke this one.
                    </p>
                  </div>
                ))}
                <Link className="text-sm text-primary hover:underline" href={keysHref}>Manage API keys</Link>
              </>
            ) : (
              <EmptyState icon={KeyRound} title="No API keys yet" action={can(ctx.actor, "api_key.create") ? <Button asChild><Link href={keysHref}>Create an API key</Link></Button> : undefined}>
                {can(ctx.actor, "api_key.create") ? "Create a key pair; the SDK sends requests with its secret key." : "Ask a member, admin or owner of this project to create a key."}
              </EmptyState>
            )}
          </div>
          <div className="grid content-start gap-4">
            <h3 className="flex items-center gap-2 text-sm font-semibold"><Rocket aria-hidden className="size-4" /> 2. Add the SDK</h3>
            <SdkSnippet origin={origin} />
          </div>
        </CardBody>
      </Card>
    </>
  );
}
