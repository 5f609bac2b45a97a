import { BellRing, BellOff } from "lucide-react";
import Link from "next/link";
import { Time } from "@/components/ui/time";
import type { OpenAlert } from "@/lib/alerts/open-alerts";
import { formatValue, groupText } from "./units";

const SHOWN = 5;

/** The dashboard's banner: what is firing right now, whatever the range and filters. Renders nothing when all is well. */
export function FiringBanner({ projectId, alerts }: { projectId: string; alerts: OpenAlert[] }) {
  if (alerts.length === 0) return null;
  const loud = alerts.filter((a) => !a.silenced).length;
  return (
    <section aria-label="Firing alerts" className="rounded-lg border border-danger/40 bg-danger/10 px-4 py-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="flex items-center gap-2 font-semibold text-danger">
          <BellRing aria-hidden className="size-4" />
          {alerts.length} {alerts.length === 1 ? "alert" : "alerts"} firing{loud < alerts.length ? ` (${alerts.length - loud} silenced)` : ""}
        </h2>
        <Link className="text-primary hover:underline" href={`/p/${projectId}/alerts`}>All alerts</Link>
      </div>
      <ul className="mt-2 grid gap-1">
        {alerts.slice(0, SHOWN).map((a) => (
          <li key={`${a.ruleId}|${a.groupKey}`} className="flex flex-wrap items-center gap-x-2">
            {a.silenced ? <BellOff aria-label="silenced" className="size-3.5 text-muted-fg" /> : null}
            <Link className="font-medium text-fg hover:underline" href={`/p/${projectId}/alerts/${a.ruleId}`}>{a.ruleName}</Link>
            <span className="font-mono text-xs text-muted-fg">{groupText(a.groupBy, a.groupKey)}</span>
            <span className="tabular-nums">{a.state === "no_data" ? "no data" : `${formatValue(a.metric, a.value)} ${a.op} ${formatValue(a.metric, a.threshold)}`}</span>
            <span className="text-xs text-muted-fg">since <Time value={a.since} /></span>
          </li>
        ))}
      </ul>
      {alerts.length > SHOWN ? <p className="mt-1 text-xs text-muted-fg">and {alerts.length - SHOWN} more</p> : null}
    </section>
  );
}
