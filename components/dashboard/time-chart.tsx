"use client";

import { Area, AreaChart, CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { binLabel, chartMarks, type ChartRow } from "@/lib/dashboard/prepare";
import type { Interval } from "@/lib/dashboard/range";

export type ChartLine = { key: keyof ChartRow; name: string; color: string };

const COLORS = { primary: "var(--primary)", danger: "var(--danger)", warning: "var(--warning)", success: "var(--success)", muted: "var(--muted-fg)" };
export const CHART_COLORS = COLORS;

/**
 * One time series chart. Rows come from `fillSeries`, so empty bins are zeros (areas) or
 * gaps (lines: latency and error rate have no value without traffic). Times are shown in
 * the viewer's time zone; every value carries its unit through `format`.
 */
export function TimeChart({ rows, lines, interval, spanDays, format, kind = "line", label, annotations = [] }: {
  rows: ChartRow[];
  lines: ChartLine[];
  interval: Interval;
  spanDays: number;
  format: (v: number) => string;
  kind?: "line" | "area";
  label: string;
  /** Events to mark on the time axis, e.g. prompt deploys ("support: production → v7"). */
  annotations?: { t: number; label: string }[];
}) {
  const Chart = kind === "area" ? AreaChart : LineChart;
  const tick = (t: number) => binLabel(t, interval, undefined, spanDays);
  const marks = chartMarks(annotations, rows);
  return (
    <div className="h-48" role="img" aria-label={marks.length ? `${label}; ${marks.map((m) => m.label).join("; ")}` : label}>
      <ResponsiveContainer width="100%" height="100%">
        <Chart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tick} stroke="var(--muted-fg)" fontSize={11} minTickGap={40} />
          <YAxis tickFormatter={(v: number) => format(v)} stroke="var(--muted-fg)" fontSize={11} width={72} allowDecimals={!lines.every((l) => l.key === "requests" || l.key === "errors" || l.key === "tokens")} />
          <Tooltip
            labelFormatter={(t) => tick(Number(t))}
            formatter={(v, name) => [typeof v === "number" ? format(v) : "—", name]}
            contentStyle={{ background: "var(--card)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12, color: "var(--fg)" }}
          />
          {lines.map((l) =>
            kind === "area" ? (
              <Area key={String(l.key)} type="monotone" dataKey={l.key} name={l.name} stroke={l.color} fill={l.color} fillOpacity={0.15} isAnimationActive={false} />
            ) : (
              <Line key={String(l.key)} type="monotone" dataKey={l.key} name={l.name} stroke={l.color} dot={false} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
            ),
          )}
          {marks.map((m) => (
            <ReferenceLine key={`${m.t}-${m.label}`} x={m.t} stroke="var(--warning)" strokeDasharray="4 3" label={{ value: m.label, position: m.side === "right" ? "insideTopRight" : "insideTopLeft", fontSize: 10, fill: "var(--muted-fg)" }} />
          ))}
        </Chart>
      </ResponsiveContainer>
    </div>
  );
}
