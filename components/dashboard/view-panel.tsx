"use client";

import { viewAction } from "@/app/actions/dashboard";
import { ErrorAlert } from "@/components/ui/alert";
import { Card, CardHeader } from "@/components/ui/card";
import type { BreakdownRow } from "@/lib/dashboard/overview";
import type { ViewData } from "@/lib/dashboard/views";
import { count, ms, pct, usd } from "@/lib/format";
import { BreakdownTable, COLUMNS, type Column } from "./breakdown-table";
import { RefreshBar, useLive } from "./live";
import { MultiChart } from "./multi-chart";
import { Tile } from "./tile";
import { HistogramChart } from "./histogram-chart";
import { CHART_COLORS as C, TimeChart } from "./time-chart";

const scoreColumns = (names: string[]): Column[] => names.map((n) => ({ label: n, value: (r: BreakdownRow) => (r.scores[n] ? `${r.scores[n].avg.toFixed(2)} (${count(r.scores[n].count)})` : "—") }));

/** The latency, errors, cost, quality and users views: tiles, charts and tables over the same filters. */
export function ViewPanel({ projectId, initial, initialSearch }: { projectId: string; initial: ViewData; initialSearch: string }) {
  const { query, search, paused, setPaused } = useLive(["view", initial.view, projectId], initial, initialSearch, (q) => viewAction(projectId, initial.view, q));
  const d = query.data;
  if (!d) return <ErrorAlert>{query.error ? query.error.message : "Loading…"}</ErrorAlert>;
  const t = d.totals;
  const spanDays = (Date.parse(d.range.to) - Date.parse(d.range.from)) / 86_400_000;
  const chart = { rows: d.series, interval: d.range.interval, spanDays };
  const multi = (title: string, format: (v: number) => string, integers = false) => (
    <Card key={title}>
      <CardHeader title={title} description={`per ${d.range.interval} bin, largest groups`} />
      <div className="p-3"><MultiChart label={title} data={d.charts[title] ?? { rows: [], keys: [] }} interval={d.range.interval} spanDays={spanDays} format={format} integers={integers} /></div>
    </Card>
  );
  const tables = (columns: Column[], note?: (title: string) => string | undefined) => (
    <div className="grid gap-4 xl:grid-cols-2">
      {d.tables.map((b) => <BreakdownTable key={b.by} b={b} projectId={projectId} search={search} columns={columns} note={note?.(b.title)} />)}
    </div>
  );
  const scoreNames = Object.keys(t.scores).sort();
  const unpricedModels = d.view === "cost" ? (d.tables[0]?.rows ?? []).filter((r) => r.unpriced > 0) : [];

  return (
    <div className="grid gap-6">
      <RefreshBar label={d.range.preset ? `last ${d.range.preset}` : "custom range"} updatedAt={query.dataUpdatedAt} error={query.error} paused={paused} onToggle={() => setPaused((v) => !v)} />
      {d.view === "latency" ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
            <Tile label="p50" value={ms(t.latencyMs.p50)} /><Tile label="p95" value={ms(t.latencyMs.p95)} /><Tile label="p99" value={ms(t.latencyMs.p99)} />
            <Tile label="Average" value={ms(t.latencyMs.avg)} /><Tile label="Time to first token" value={ms(t.ttftMsAvg)} hint="average over streamed calls" />
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card><CardHeader title="Percentiles" description="p50, p95, p99" /><div className="p-3"><TimeChart {...chart} label="Latency percentiles" format={ms} lines={[{ key: "p50", name: "p50", color: C.success }, { key: "p95", name: "p95", color: C.warning }, { key: "p99", name: "p99", color: C.danger }]} /></div></Card>
            <Card><CardHeader title="Time to first token" description="average per bin" /><div className="p-3"><TimeChart {...chart} label="Time to first token" format={ms} lines={[{ key: "ttft", name: "TTFT", color: C.primary }]} /></div></Card>
            {multi("p95 by model", ms)}
            <Card><CardHeader title="Distribution" description="requests per latency range" /><div className="p-3"><HistogramChart bins={d.histogram ?? []} /></div></Card>
          </div>
          {tables([COLUMNS.requests, COLUMNS.p50, COLUMNS.p95, COLUMNS.p99, COLUMNS.ttft])}
        </>
      ) : null}
      {d.view === "errors" ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7">
            <Tile label="Error rate" value={pct(t.errorRate)} hint={`${count(t.errors)} of ${count(t.requests)} requests`} />
            <Tile label="Errors" value={count(t.errors)} />
            <Tile label="Retried" value={pct(t.retryRate)} hint="calls that needed more than one attempt" />
            <Tile label="Fallbacks" value={pct(t.fallbackRate)} hint="served by a fallback" />
            <Tile label="Cache hits" value={pct(t.cacheHitRate)} />
            <Tile label="Shed" value={pct(d.toolkit?.shedRate ?? 0)} hint={`${count(d.toolkit?.shed ?? 0)} rejected by a limiter or per-user limit`} />
            <Tile label="Budget blocked" value={pct(d.toolkit?.budgetBlockedRate ?? 0)} hint={`${count(d.toolkit?.budgetBlocked ?? 0)} stopped by a hard budget`} />
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <Card><CardHeader title="Error rate" description="% of requests" /><div className="p-3"><TimeChart {...chart} label="Error rate" format={(v) => `${v.toFixed(1)} %`} lines={[{ key: "errorRate", name: "Error rate", color: C.danger }]} /></div></Card>
            {multi("Errors by class", count, true)}
            {multi("Errors by provider", count, true)}
            <Card>
              <CardHeader title="Top error messages" description="grouped by class and message" />
              {d.messages?.length ? (
                <ul className="divide-y text-sm">
                  {d.messages.map((m) => (
                    <li key={`${m.type}:${m.message}`} className="flex items-start justify-between gap-3 px-5 py-2">
                      <span className="min-w-0"><span className="font-medium">{m.type}</span> <span className="break-words text-muted-fg">{m.message || "(no message)"}</span></span>
                      <span className="shrink-0 tabular-nums">{count(m.count)}×</span>
                    </li>
                  ))}
                </ul>
              ) : <p className="px-5 py-4 text-sm text-muted-fg">No errors in this range.</p>}
            </Card>
          </div>
          {tables([COLUMNS.requests, COLUMNS.errors, COLUMNS.errorRate])}
        </>
      ) : null}
      {d.view === "cost" && d.month ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-5">
            <Tile label="Cost" value={usd(t.costUsd)} hint="in this range" />
            <Tile label="Cost per request" value={usd(t.requests ? t.costUsd / t.requests : 0)} />
            <Tile label="Month to date" value={usd(d.month.toDateUsd)} hint="UTC calendar month, same filters" />
            <Tile label="Projected month end" value={usd(d.month.projectedUsd)} hint="at this month's daily rate" />
            <Tile label="Unpriced requests" value={count(t.unpriced)} hint={t.unpriced ? "add prices in Settings → Project" : "every request priced"} />
          </div>
          {unpricedModels.length ? (
            <ErrorAlert>Models without a price: {unpricedModels.map((r) => `${r.key} (${count(r.unpriced)} requests)`).join(", ")}. Their cost counts as $0 until a price is added in Settings → Project.</ErrorAlert>
          ) : null}
          <div className="grid gap-4 lg:grid-cols-2">
            <Card><CardHeader title="Spend" description="USD per bin" /><div className="p-3"><TimeChart {...chart} kind="area" label="Spend" format={usd} lines={[{ key: "costUsd", name: "Cost", color: C.primary }]} /></div></Card>
            {multi("Cost by model", usd)}
          </div>
          {tables([COLUMNS.requests, COLUMNS.cost, COLUMNS.costPerRequest], () => "Largest by cost")}
        </>
      ) : null}
      {d.view === "quality" ? (
        <>
          <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
            {scoreNames.length === 0 ? <Tile label="Scores" value="—" hint="No scores in this range: send them with sextant.score() or POST /api/v1/scores" /> : null}
            {scoreNames.map((n) => <Tile key={n} label={n} value={t.scores[n]!.avg.toFixed(2)} hint={`${count(t.scores[n]!.count)} scores, average`} />)}
            {t.scores.user_feedback ? (
              <>
                <Tile label="Feedback rate" value={pct(t.requests ? t.scores.user_feedback.count / t.requests : 0, 1)} hint="requests with a thumbs up or down" />
                <Tile label="Negative feedback" value={pct(1 - t.scores.user_feedback.avg, 1)} hint="share of feedback that was thumbs down" />
              </>
            ) : null}
          </div>
          <div className="grid gap-4 lg:grid-cols-2">{multi("Scores over time", (v) => v.toFixed(2))}</div>
          {tables([COLUMNS.requests, ...scoreColumns(scoreNames)])}
        </>
      ) : null}
      {d.view === "users" ? (
        tables([COLUMNS.requests, COLUMNS.errors, COLUMNS.cost, { label: "Last seen", value: (r) => (d.lastSeen?.[r.key] ? new Date(d.lastSeen[r.key]!).toLocaleString() : "—") }])
      ) : null}
    </div>
  );
}
