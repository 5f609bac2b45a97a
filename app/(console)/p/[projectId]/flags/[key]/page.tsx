import { BarChart3, Lightbulb } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { ReadOnlyNote } from "@/components/flags/action-error";
import { DeleteFlag } from "@/components/flags/delete-flag";
import { HistoryTable } from "@/components/flags/history-table";
import { KillSwitch } from "@/components/flags/kill-switch";
import { RuleEditor } from "@/components/flags/rule-editor";
import { environmentNames, staleHints } from "@/components/flags/summary";
import { VariantsEditor } from "@/components/flags/variants-editor";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { can } from "@/lib/context";
import { getFlag } from "@/lib/flags/get";
import { flagHistory } from "@/lib/flags/history";
import { flagUsage } from "@/lib/flags/usage";
import { orNotFound } from "./load";

type Props = { params: Promise<{ projectId: string; key: string }>; searchParams: Promise<{ env?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeURIComponent((await params).key) };
}

export default async function FlagPage({ params, searchParams }: Props) {
  const { projectId, key: raw } = await params;
  const key = decodeURIComponent(raw);
  const ctx = await requireProject(projectId);
  const flag = await orNotFound(getFlag(ctx, { key }));
  const [history, usage] = await Promise.all([flagHistory(ctx, { key, limit: 50 }), flagUsage(ctx)]);
  const canWrite = can(ctx.actor, "flags.write");
  const role = ctx.actor.type === "user" ? ctx.actor.role : "this";
  const envNames = environmentNames(flag.environments);
  const q = await searchParams;
  const env = q.env && envNames.includes(q.env) ? q.env : envNames[0];
  const variants = Object.keys(flag.variants);
  const base = `/p/${projectId}/flags/${encodeURIComponent(key)}`;
  const hints = staleHints(flag, usage.get(key), new Date());

  return (
    <>
      <PageHeader
        title={key}
        description={<span className="flex flex-wrap items-center gap-2"><Badge>{flag.type}</Badge> {flag.description ?? "No description."} {flag.tags?.map((t) => <Badge key={t} tone="info">{t}</Badge>)}</span>}
        actions={
          <div className="flex gap-2">
            <Button asChild variant="secondary"><Link href={`${base}/compare`}><BarChart3 aria-hidden /> Compare variants</Link></Button>
            {canWrite ? <DeleteFlag projectId={projectId} flagKey={key} version={flag.version} /> : null}
          </div>
        }
      />
      <div className="grid gap-6">
        {!canWrite ? <ReadOnlyNote role={role} /> : null}
        {hints.length ? (
          <div className="flex items-start gap-2 rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm" role="note" aria-label="Stale flag">
            <Lightbulb aria-hidden className="mt-0.5 size-4 shrink-0 text-primary" />
            <div>{hints.map((h) => <p key={h.kind}>{h.text}.</p>)}<p className="text-muted-fg">If the rollout is done, remove the flag from your code, then delete it here.</p></div>
          </div>
        ) : null}
        <Card aria-label="Kill switch">
          <CardHeader title="Kill switch" description="Off serves the kill-switch variant to everyone in that environment, before any rule." />
          <div className="divide-y">
            {envNames.map((name) => {
              const e = flag.environments[name]!;
              return <KillSwitch key={name} projectId={projectId} flagKey={key} environment={name} enabled={e.enabled} offVariant={e.offVariant} offValue={JSON.stringify(flag.variants[e.offVariant])} canWrite={canWrite} />;
            })}
            {envNames.length === 0 ? <CardBody className="text-sm text-muted-fg">This flag has no environments: SDKs answer their callers&apos; defaults.</CardBody> : null}
          </div>
        </Card>
        {env ? (
          <Card aria-label="Rules">
            <CardHeader
              title="Rules"
              description="In order; the first rule whose conditions all hold decides. A context without an attribute never matches a condition on it."
              actions={envNames.length > 1 ? (
                <nav aria-label="Environment" className="flex gap-1 text-sm">
                  {envNames.map((n) => <Link key={n} href={`${base}?env=${encodeURIComponent(n)}`} aria-current={n === env ? "page" : undefined} className="rounded px-2 py-1 hover:bg-muted aria-[current=page]:bg-muted aria-[current=page]:font-medium">{n}</Link>)}
                </nav>
              ) : null}
            />
            <CardBody>
              <RuleEditor key={env} projectId={projectId} flagKey={key} version={flag.version} environment={env} env={flag.environments[env]!} variants={variants} canWrite={canWrite} />
            </CardBody>
          </Card>
        ) : null}
        <Card aria-label="Variants">
          <CardHeader title="Variants" description={`What the flag can serve; values are ${flag.type === "json" ? "JSON" : `${flag.type}s`}.`} />
          <CardBody><VariantsEditor projectId={projectId} flagKey={key} version={flag.version} type={flag.type} variants={flag.variants} canWrite={canWrite} /></CardBody>
        </Card>
        <Card aria-label="History">
          <CardHeader title="History" description={`Every change to ${key}, newest first, from the audit log.`} />
          <HistoryTable changes={history.changes} />
        </Card>
      </div>
    </>
  );
}
