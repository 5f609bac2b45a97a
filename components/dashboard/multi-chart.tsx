"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { binLabel } from "@/lib/dashboard/prepare";
import type { Interval } from "@/lib/dashboard/range";

/** Distinct in light and dark themes; groups beyond these repeat them. */
const PALETTE = ["#3b82f6", "#f59e0b", "#10b981", "#ef4444", "#8b5cf6", "#06b6d4", "#ec4899", "#84cc16"];

/** One line per group (from `pivotSeries`), in the viewer's time zone, values with their unit. */
export function MultiChart({ data, interval, spanDays, format, label, integers = false }: { data: { rows: Record<string, number | null>[]; keys: string[] }; interval: Interval; spanDays: number; format: (v: number) => string; label: string; integers?: boolean }) {
  if (data.keys.length === 0) return <p className="px-2 py-16 text-center text-sm text-muted-fg">Nothing in this range.</p>;
  const tick = (t: number) => binLabel(t, interval, undefined, spanDays);
  return (
    <div className="h-56" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data.rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={tick} stroke="var(--muted-fg)" fontSize={11} minTickGap={40} />
          <YAxis tickFormatter={(v: number) => format(v)} stroke="var(--muted-fg)" fontSize={11} width={72} allowDecimals={!integers} />
          <Tooltip labelFormatter={(t) => tick(Number(t))} formatter={(v, name) => [typeof v === "number" ? format(v) : "—", name]} contentStyle={{ background: "var(--card)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12, color: "var(--fg)" }} />
          {data.keys.map((k, i) => (
            <Line key={k} type="monotone" dataKey={k} name={k} stroke={PALETTE[i % PALETTE.length]} dot={false} strokeWidth={2} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
