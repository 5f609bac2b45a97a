import { ArrowLeft, BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { buildComparison } from "@/components/flags/comparison";
import { ComparisonTable } from "@/components/flags/comparison-table";
import { environmentNames } from "@/components/flags/summary";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireProject } from "@/lib/auth/session";
import { PRESETS, resolveRange } from "@/lib/dashboard/range";
import { compareVariants, RAW_SAMPLE_CAP, type VariantComparison } from "@/lib/flags/compare";
import { getFlag } from "@/lib/flags/get";
import { MIN_SAMPLE } from "@/lib/flags/stats";
import { count } from "@/lib/format";
import { AppError } from "@/lib/http/errors";
import { orNotFound } from "../load";

type Props = { params: Promise<{ projectId: string; key: string }>; searchParams: Promise<{ range?: string; env?: string; baseline?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Compare ${decodeURIComponent((await params).key)}` };
}

const link = "rounded px-2 py-1 hover:bg-muted aria-[current=page]:bg-muted aria-[current=page]:font-medium";

export default async function ComparePage({ params, searchParams }: Props) {
  const { projectId, key: raw } = await params;
  const key = decodeURIComponent(raw);
  const q = await searchParams;
  const ctx = await requireProject(projectId);
  const flag = await orNotFound(getFlag(ctx, { key }));
  const envs = environmentNames(flag.environments);
  const env = q.env === "" || q.env === "any" ? undefined : q.env && envs.includes(q.env) ? q.env : envs.includes("production") ? "production" : undefined;
  const range = resolveRange(new URLSearchParams(q.range ? { range: q.range } : { range: "24h" }));
  const base = `/p/${projectId}/flags/${encodeURIComponent(key)}`;
  const href = (changes: Record<string, string>) => `${base}/compare?${new URLSearchParams({ range: range.preset ?? "24h", env: env ?? "any", ...(q.baseline ? { baseline: q.baseline } : {}), ...changes })}`;

  let data: VariantComparison | null = null;
  let error: string | null = null;
  try {
    data = await compareVariants(ctx, { key, from: range.from, to: range.to, environment: env });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    error = err.message;
  }
  // The baseline is the environment's default variant (what users got before the rollout) unless the URL picks one.
  const comparison = data ? buildComparison(data, q.baseline ?? flag.environments[env ?? "production"]?.defaultVariant) : null;

  return (
    <>
      <PageHeader
        title={`Compare variants of ${key}`}
        description="Requests carrying the flag, per variant: is the difference real or noise?"
        actions={<Button asChild variant="secondary"><Link href={base}><ArrowLeft aria-hidden /> Back to {key}</Link></Button>}
      />
      <div className="mb-4 flex flex-wrap items-center gap-4 text-sm">
        <nav aria-label="Range" className="flex gap-1">
          {Object.keys(PRESETS).map((p) => <Link key={p} className={link} href={href({ range: p })} aria-current={range.preset === p ? "page" : undefined}>{p}</Link>)}
        </nav>
        <nav aria-label="Environment" className="flex gap-1">
          {[...envs, "any"].map((e) => <Link key={e} className={link} href={href({ env: e })} aria-current={(env ?? "any") === e ? "page" : undefined}>{e === "any" ? "all environments" : e}</Link>)}
        </nav>
        {comparison && comparison.variants.length > 1 ? (
          <nav aria-label="Baseline" className="flex items-center gap-1">
            <span className="text-muted-fg">baseline:</span>
            {comparison.variants.map((v) => <Link key={v} className={link} href={href({ baseline: v })} aria-current={comparison.baseline === v ? "page" : undefined}>{v}</Link>)}
          </nav>
        ) : null}
      </div>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {comparison ? (
        <Card aria-label="Variant comparison">
          <CardHeader
            title={`Last ${range.preset ?? "range"}${env ? ` in ${env}` : ""}`}
            description={comparison.variants.length > 1 ? `Each variant against ${comparison.baseline}, at a significance level of ${comparison.alpha === 0.05 ? "5 %" : `${+(comparison.alpha * 100).toFixed(2)} % (5 % split between ${comparison.variants.length - 1} challengers)`}.` : undefined}
          />
          {comparison.variants.length === 0 ? (
            <EmptyState icon={BarChart3} title="No requests carried this flag in the range">
              Requests record the variant they got in their <code className="font-mono">flags</code> field (the SDK adds it for evaluations inside a trace). Try a longer range or all environments.
            </EmptyState>
          ) : (
            <>
              <ComparisonTable comparison={comparison} />
              <CardBody className="grid gap-1 border-t text-xs text-muted-fg">
                <p>Intervals are 95 %. Error rates: Wilson intervals and a two-proportion z-test, after {MIN_SAMPLE.rate} requests per variant. Means: t intervals and Welch&apos;s t-test, after {MIN_SAMPLE.mean} values per variant. Cost per request counts priced requests only; scores are numeric and boolean scores of the requests.</p>
                <p>Requests, error rates and p95 come from the per-minute rollups and cover the whole range. The rollups keep sums but not sums of squares, so means, their intervals and tests are computed from the raw requests{data!.capped ? <> — <strong className="font-medium text-fg">approximated from the newest {count(RAW_SAMPLE_CAP)} requests of the range</strong>, not all of them</> : <> ({count(data!.sampled)} rows, all of the range)</>}.</p>
              </CardBody>
            </>
          )}
        </Card>
      ) : null}
    </>
  );
}
