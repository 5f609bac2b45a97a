"use client";

import { overviewAction } from "@/app/actions/dashboard";
import { FiringBanner } from "@/components/alerts/firing-banner";
import { ErrorAlert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import type { OverviewData } from "@/lib/dashboard/overview";
import { averageScore, change } from "@/lib/dashboard/prepare";
import { count, ms, pct, tokens, usd } from "@/lib/format";
import { BreakdownTable } from "./breakdown-table";
import { RefreshBar, useLive } from "./live";
import { Tile } from "./tile";
import { CHART_COLORS as C, TimeChart } from "./time-chart";

/**
 * The overview: tiles with the change against the previous period, charts and
 * breakdowns. The server renders the first load; react-query refreshes it every 30 s
 * (pausable) through a server action, keyed by the URL's filters.
 */
export function Overview({ projectId, initial, initialSearch }: { projectId: string; initial: OverviewData; initialSearch: string }) {
  const { query, search, paused, setPaused } = useLive(["overview", projectId], initial, initialSearch, (q) => overviewAction(projectId, q));
  const d = query.data;
  if (!d) return <ErrorAlert>{query.error ? query.error.message : "Loading the overview…"}</ErrorAlert>;
  const t = d.totals;
  const p = d.previous;
  const spanDays = (Date.parse(d.range.to) - Date.parse(d.range.from)) / 86_400_000;
  const score = averageScore(t.scores);
  const prevScore = averageScore(p.scores);
  const feedback = t.scores.user_feedback;
  const rangeLabel = d.range.preset ? `last ${d.range.preset}` : "this range";

  return (
    <div className="grid gap-6" aria-busy={query.isFetching}>
      <FiringBanner projectId={projectId} alerts={d.firing} />
      <RefreshBar label={`${rangeLabel} vs the ${d.range.preset ?? "same-length"} before`} updatedAt={query.dataUpdatedAt} error={query.error} paused={paused} onToggle={() => setPaused((v) => !v)} />

      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="overview-tiles">
        <Tile label="Requests" value={count(t.requests)} change={change(t.requests, p.requests)} measure="requests" hint={`${count(t.errors)} ${t.errors === 1 ? "error" : "errors"}`} testId="tile-requests" />
        <Tile label="Error rate" value={pct(t.errorRate)} change={change(t.requests ? t.errorRate : null, p.requests ? p.errorRate : null)} measure="errorRate" testId="tile-error-rate" />
        <Tile label="p95 latency" value={ms(t.latencyMs.p95)} change={change(t.latencyMs.p95, p.latencyMs.p95)} measure="latency" hint={`p50 ${ms(t.latencyMs.p50)} · p99 ${ms(t.latencyMs.p99)}`} testId="tile-p95" />
        <Tile label="Cost" value={usd(t.costUsd)} change={change(t.costUsd, p.costUsd)} measure="cost" hint={t.unpriced ? `${count(t.unpriced)} unpriced requests` : "every request priced"} testId="tile-cost" />
        <Tile label="Tokens" value={tokens(t.inputTokens + t.outputTokens)} change={change(t.inputTokens + t.outputTokens, p.inputTokens + p.outputTokens)} measure="tokens" hint={`${tokens(t.inputTokens)} in · ${tokens(t.outputTokens)} out`} testId="tile-tokens" />
        <Tile label="p50 latency" value={ms(t.latencyMs.p50)} change={change(t.latencyMs.p50, p.latencyMs.p50)} measure="latency" hint={t.ttftMsAvg !== null ? `time to first token ${ms(t.ttftMsAvg)} avg` : undefined} testId="tile-p50" />
        <Tile label="p99 latency" value={ms(t.latencyMs.p99)} change={change(t.latencyMs.p99, p.latencyMs.p99)} measure="latency" testId="tile-p99" />
        <Tile
          label="Avg quality score"
          value={score ? score.avg.toFixed(2) : "—"}
          change={change(score?.avg ?? null, prevScore?.avg ?? null)}
          measure="score"
          hint={score ? `${count(score.count)} scores${feedback ? ` · ${pct(feedback.avg, 0)} positive feedback` : ""}` : "no scores in this range"}
          testId="tile-score"
        />
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader title="Requests" description={`per ${d.range.interval} bin`} />
          <div className="p-3"><TimeChart label="Requests and errors over time" annotations={d.annotations} rows={d.series} interval={d.range.interval} spanDays={spanDays} kind="area" format={(v) => count(v)} lines={[{ key: "requests", name: "Requests", color: C.primary }, { key: "errors", name: "Errors", color: C.danger }]} /></div>
        </Card>
        <Card>
          <CardHeader title="Error rate" description="% of requests" />
          <div className="p-3"><TimeChart label="Error rate over time" annotations={d.annotations} rows={d.series} interval={d.range.interval} spanDays={spanDays} format={(v) => `${v.toFixed(1)} %`} lines={[{ key: "errorRate", name: "Error rate", color: C.danger }]} /></div>
        </Card>
        <Card>
          <CardHeader title="Latency" description="p50, p95, p99" />
          <div className="p-3"><TimeChart label="Latency percentiles over time" annotations={d.annotations} rows={d.series} interval={d.range.interval} spanDays={spanDays} format={(v) => ms(v)} lines={[{ key: "p50", name: "p50", color: C.success }, { key: "p95", name: "p95", color: C.warning }, { key: "p99", name: "p99", color: C.danger }]} /></div>
        </Card>
        <Card>
          <CardHeader title="Cost" description="USD per bin" />
          <div className="p-3"><TimeChart label="Cost over time" rows={d.series} interval={d.range.interval} spanDays={spanDays} kind="area" format={(v) => usd(v)} lines={[{ key: "costUsd", name: "Cost", color: C.primary }]} /></div>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader title="Tokens" description="input + output per bin" />
          <div className="p-3"><TimeChart label="Tokens over time" rows={d.series} interval={d.range.interval} spanDays={spanDays} kind="area" format={(v) => tokens(v)} lines={[{ key: "tokens", name: "Tokens", color: C.success }]} /></div>
        </Card>
      </div>

      <div className="grid gap-4 lg:grid-cols-2">
        {d.breakdowns.map((b) => <BreakdownTable key={b.by} b={b} projectId={projectId} search={search} />)}
      </div>
    </div>
  );
}
