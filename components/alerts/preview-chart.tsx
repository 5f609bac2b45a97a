"use client";

import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { binLabel } from "@/lib/dashboard/prepare";
import type { RulePreview } from "@/lib/alerts/preview";
import type { AlertMetric } from "@/lib/alerts/schemas";
import { previewRows, type ThresholdLine } from "./preview-rows";
import { isPercent, unitOf } from "./units";

const GROUP_COLORS = ["var(--primary)", "var(--danger)", "var(--success)", "var(--warning)", "var(--muted-fg)"];
const LINE_COLORS: Record<ThresholdLine["kind"], string> = { threshold: "var(--danger)", warn: "var(--warning)", recover: "var(--success)" };

/**
 * The metric as the rule would have read it at each moment (each point covers one window
 * ending there), with the threshold, warn and recover lines. Only draws what it is given.
 * Dots, because a burst after a quiet hour is a single point between gaps.
 */
export function PreviewChart({ preview, metric, thresholds, label }: { preview: RulePreview; metric: AlertMetric; thresholds: ThresholdLine[]; label: string }) {
  const { rows, lines } = previewRows(preview, metric);
  const spanDays = (preview.times.at(-1)! - preview.times[0]!) / 86_400_000;
  const tick = (t: number) => binLabel(t, "1m", undefined, spanDays);
  const unit = isPercent(metric) ? " %" : "";
  const fmt = (v: number) => `${Number(v.toPrecision(4)).toLocaleString("en-US")}${unit}`;
  return (
    <div className="h-56" role="img" aria-label={`${label}; ${thresholds.map((t) => t.label).join("; ") || "no threshold yet"}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tick} stroke="var(--muted-fg)" fontSize={11} minTickGap={40} />
          <YAxis tickFormatter={fmt} stroke="var(--muted-fg)" fontSize={11} width={64} label={{ value: unitOf(metric), angle: -90, position: "insideLeft", fontSize: 10, fill: "var(--muted-fg)" }} />
          <Tooltip
            labelFormatter={(t) => tick(Number(t))}
            formatter={(v, name) => [typeof v === "number" ? fmt(v) : "no data", name]}
            contentStyle={{ background: "var(--card)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12, color: "var(--fg)" }}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {lines.map((l, i) => (
            <Line key={l.key} type="monotone" dataKey={l.key} name={l.name} stroke={GROUP_COLORS[i % GROUP_COLORS.length]} dot={{ r: 2 }} strokeWidth={2} connectNulls={false} isAnimationActive={false} />
          ))}
          {thresholds.map((t) => (
            <ReferenceLine key={t.kind} y={t.y} ifOverflow="extendDomain" stroke={LINE_COLORS[t.kind]} strokeDasharray={t.kind === "threshold" ? undefined : "4 3"} label={{ value: t.label, position: "insideTopRight", fontSize: 10, fill: LINE_COLORS[t.kind] }} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
