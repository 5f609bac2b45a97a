import { KeyRound, Rocket } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
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
import { queryMetrics } from "@/lib/metrics/query";
import { hasAnyRequest } from "@/lib/requests/any";
import { SummaryTiles } from "@/components/dashboard/summary-tiles";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params;
  const ctx = await requireProject(projectId);
  const keys = (await listApiKeys(ctx)).filter((k) => !k.revokedAt);
  const origin = await requestOrigin();
  const keysHref = `/p/${projectId}/settings/api-keys`;
  if (await hasAnyRequest(ctx)) {
    const all = (await queryMetrics(ctx, {})).groups[0]!;
    return (
      <>
        <PageHeader title="Dashboard" description={`Latency, errors, cost and quality of ${ctx.project.name}.`} />
        <SummaryTiles all={all} />
        <p className="mt-6 text-sm text-muted-fg">
          Charts, breakdowns and the request explorer are coming next; the same numbers are available now from{" "}
          <code className="font-mono text-xs">GET /api/v1/metrics</code> and <code className="font-mono text-xs">GET /api/v1/requests</code>.
        </p>
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
