import type { Metadata } from "next";
import Link from "next/link";
import { DiffView } from "@/components/prompts/diff-view";
import { MetricsTable } from "@/components/prompts/metrics-table";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { bodyLines, configLines, diffLines } from "@/lib/prompts/diff";
import { getPrompt, listVersions } from "@/lib/prompts/get";
import { versionMetrics } from "@/lib/prompts/metrics";
import { loadOr404 } from "@/lib/prompts/page";
import { metricRange } from "@/lib/prompts/range";

export const metadata: Metadata = { title: "Compare versions" };

type Props = { params: Promise<{ projectId: string; name: string }>; searchParams: Promise<{ a?: string; b?: string }> };

export default async function DiffPage({ params, searchParams }: Props) {
  const { projectId, name: raw } = await params;
  const name = decodeURIComponent(raw);
  const ctx = await requireProject(projectId);
  const versions = await loadOr404(listVersions(ctx, name));
  const q = await searchParams;
  const newest = versions[0]!.version;
  const b = Number(q.b) || newest;
  const a = Number(q.a) || Math.max(1, b - 1);
  const [left, right] = await Promise.all([loadOr404(getPrompt(ctx, name, { version: a })), loadOr404(getPrompt(ctx, name, { version: b }))]);
  const metrics = (await versionMetrics(ctx, name, metricRange("7d"))).filter((m) => m.version === a || m.version === b);
  const base = `/p/${projectId}/prompts/${encodeURIComponent(name)}`;
  const pick = (id: string, value: number) => (
    <div className="flex items-center gap-2">
      <Label htmlFor={id}>{id === "a" ? "From" : "To"}</Label>
      <Select id={id} name={id} defaultValue={value}>
        {versions.map((v) => <option key={v.version} value={v.version}>v{v.version}{v.labels.length ? ` (${v.labels.join(", ")})` : ""}</option>)}
      </Select>
    </div>
  );
  return (
    <>
      <PageHeader title={`Compare ${name}`} description={<Link className="text-primary hover:underline" href={base}>Back to {name}</Link>} />
      <div className="grid gap-6">
        <form className="flex flex-wrap items-end gap-4" action={`${base}/diff`}>
          {pick("a", a)}
          {pick("b", b)}
          <Button type="submit" variant="secondary">Compare</Button>
        </form>
        <Card aria-label="Template diff">
          <CardHeader title="Template" description={`v${a} → v${b}`} />
          <DiffView rows={diffLines(bodyLines(left.prompt), bodyLines(right.prompt))} left={`v${a}`} right={`v${b}`} label="Template differences" />
        </Card>
        <Card aria-label="Config diff">
          <CardHeader title="Config" />
          <DiffView rows={diffLines(configLines(left.config), configLines(right.config))} left={`v${a}`} right={`v${b}`} label="Config differences" />
        </Card>
        <Card aria-label="Metrics compared">
          <CardHeader title="Metrics compared" description="Last 7 days, from requests made with each version." />
          <CardBody className="p-0"><MetricsTable rows={metrics} caption="Metrics of the two versions" /></CardBody>
        </Card>
      </div>
    </>
  );
}
