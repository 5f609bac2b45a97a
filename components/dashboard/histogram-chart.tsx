"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { count } from "@/lib/format";

/** Requests per latency range (from the merged rollup histograms). */
export function HistogramChart({ bins }: { bins: { label: string; count: number }[] }) {
  if (bins.every((b) => b.count === 0)) return <p className="px-2 py-16 text-center text-sm text-muted-fg">No requests in this range.</p>;
  return (
    <div className="h-56" role="img" aria-label="Latency histogram">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={bins} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="var(--border)" vertical={false} />
          <XAxis dataKey="label" stroke="var(--muted-fg)" fontSize={10} interval={0} angle={-30} textAnchor="end" height={50} />
          <YAxis stroke="var(--muted-fg)" fontSize={11} width={56} allowDecimals={false} tickFormatter={(v: number) => count(v)} />
          <Tooltip formatter={(v) => [`${count(Number(v))} requests`, "Requests"]} contentStyle={{ background: "var(--card)", border: "1px solid var(--border)", borderRadius: 6, fontSize: 12, color: "var(--fg)" }} />
          <Bar dataKey="count" name="Requests" fill="var(--primary)" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
