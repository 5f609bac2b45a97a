import { GitCompare, Pencil } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { LabelBadges } from "@/components/prompts/label-badges";
import { LabelsCard } from "@/components/prompts/labels-card";
import { MetricsTable } from "@/components/prompts/metrics-table";
import { Preview } from "@/components/prompts/preview";
import { TemplateView } from "@/components/prompts/template-view";
import { VersionTable } from "@/components/prompts/version-table";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { getPrompt, listVersions } from "@/lib/prompts/get";
import { getPromptSummary } from "@/lib/prompts/list";
import { versionMetrics } from "@/lib/prompts/metrics";
import { listLabelMoves } from "@/lib/prompts/moves";
import { loadOr404 } from "@/lib/prompts/page";
import { canPrompt, membersMayDeploy } from "@/lib/prompts/permissions";
import { METRIC_RANGES, metricRange } from "@/lib/prompts/range";

type Props = { params: Promise<{ projectId: string; name: string }>; searchParams: Promise<{ version?: string; range?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).name) };
}

export default async function PromptPage({ params, searchParams }: Props) {
  const { projectId, name: raw } = await params;
  const name = decodeURIComponent(raw);
  const q = await searchParams;
  const ctx = await requireProject(projectId);
  const summary = await loadOr404(getPromptSummary(ctx, name));
  const production = summary.labels.find((l) => l.label === "production")?.version ?? null;
  const shown = await loadOr404(getPrompt(ctx, name, q.version ? { version: q.version } : { label: production ? "production" : "latest" }));
  const range = metricRange(q.range);
  const [versions, moves, metrics, mayDeploy] = await Promise.all([
    listVersions(ctx, name),
    listLabelMoves(ctx, { name, limit: 200 }),
    versionMetrics(ctx, name, range),
    membersMayDeploy(ctx.db, projectId),
  ]);
  const canWrite = canPrompt(ctx.actor, "prompts.write");
  const canDeploy = canPrompt(ctx.actor, "prompts.deploy", mayDeploy);
  const labels = summary.labels.map((l) => ({
    ...l,
    previous: moves.find((m) => m.label === l.label)?.from ?? null,
    canMove: l.label === "production" ? canDeploy : canWrite,
  }));
  const base = `/p/${projectId}/prompts/${encodeURIComponent(name)}`;
  const labelsOf = (v: number) => versions.find((x) => x.version === v)?.labels ?? [];

  return (
    <>
      <PageHeader
        title={name}
        description={<span className="flex items-center gap-2"><Badge>{summary.type}</Badge> {summary.latestVersion} {summary.latestVersion === 1 ? "version" : "versions"}</span>}
        actions={
          <div className="flex gap-2">
            {summary.latestVersion > 1 ? <Button asChild variant="secondary"><Link href={`${base}/diff?a=${summary.latestVersion - 1}&b=${summary.latestVersion}`}><GitCompare aria-hidden /> Compare versions</Link></Button> : null}
            {canWrite ? <Button asChild><Link href={`${base}/edit`}><Pencil aria-hidden /> New version</Link></Button> : null}
          </div>
        }
      />
      <div className="grid gap-6">
        <LabelsCard projectId={projectId} name={name} labels={labels} latest={summary.latestVersion} />
        <Card aria-label="Per-version metrics">
          <CardHeader
            title="Per-version metrics"
            description={`Requests made with each version, ${range.label}.`}
            actions={
              <nav aria-label="Metrics range" className="flex gap-1 text-sm">
                {METRIC_RANGES.map((r) => <Link key={r} href={`${base}?range=${r}${q.version ? `&version=${q.version}` : ""}`} aria-current={range.key === r ? "page" : undefined} className="rounded px-2 py-1 hover:bg-muted aria-[current=page]:bg-muted aria-[current=page]:font-medium">{r}</Link>)}
              </nav>
            }
          />
          <MetricsTable rows={metrics} labelsOf={labelsOf} caption="Metrics per version" />
        </Card>
        <div className="grid gap-6 lg:grid-cols-2">
          <Card aria-label={`Version ${shown.version}`}>
            <CardHeader title={`Version ${shown.version}`} description={<span className="flex flex-wrap items-center gap-2">{shown.commitMessage ?? "No commit message."} <LabelBadges labels={shown.labels} /></span>} />
            <CardBody className="grid gap-4">
              <TemplateView body={shown.prompt} label={`Template of v${shown.version}`} />
              <div>
                <h3 className="mb-1 text-sm font-medium">Config</h3>
                <pre className="overflow-x-auto rounded-md border bg-muted/40 px-3 py-2 font-mono text-xs">{JSON.stringify(shown.config, null, 2)}</pre>
              </div>
            </CardBody>
          </Card>
          <Card aria-label="Preview">
            <CardHeader title="Preview" description={`v${shown.version} with sample values.`} />
            <CardBody><Preview key={shown.version} body={shown.prompt} /></CardBody>
          </Card>
        </div>
        <Card aria-label="Version history">
          <CardHeader title="Version history" description="Versions never change; deploy one by moving production to it." />
          <VersionTable projectId={projectId} name={name} versions={versions} production={production} canDeploy={canDeploy} />
        </Card>
      </div>
    </>
  );
}
