import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { AlertRule } from "@/lib/alerts/schemas";
import { duration, formatValue, METRIC_LABELS } from "./units";

const NO_DATA = { ok: "treated as OK", keep: "keeps the last state", alert: "alerts" };

/** The rule's settings as sentences, so a reader does not need the editor to know what it does. */
export function RuleDefinition({ rule, channelName }: { rule: AlertRule; channelName: Record<string, string> }) {
  const c = rule.condition;
  const v = (x: number | undefined) => (x === undefined ? "—" : `${c.op} ${formatValue(rule.metric, x)}`);
  const filters = Object.entries(rule.filters).flatMap(([k, val]) => (k === "flags" ? Object.entries(val as Record<string, string>).map(([f, x]) => `flag ${f} = ${x}`) : [`${k} = ${String(val)}`]));
  const rows: [string, React.ReactNode][] = [
    ["Metric", rule.metric === "score_avg" ? `${METRIC_LABELS[rule.metric]}: ${rule.scoreName}` : METRIC_LABELS[rule.metric]],
    ["Filters", filters.length ? filters.join(", ") : "every request"],
    ["Grouped by", rule.groupBy ?? "nothing (one instance)"],
    ["Fires at", `${v(c.threshold)} (${rule.severity})`],
    ["Warns at", v(c.warnThreshold)],
    ["Recovers at", c.recoverThreshold === undefined ? "when the condition no longer holds" : `past ${formatValue(rule.metric, c.recoverThreshold)}`],
    ["Window / for", `${duration(rule.windowSeconds)} / ${duration(rule.forSeconds)}`],
    ["Minimum requests", rule.minRequests ?? "none"],
    ["No data", NO_DATA[rule.noData]],
    ["Budget", rule.budget ? `${rule.budget.projected ? "projected " : ""}spend this ${rule.budget.period}` : "—"],
    ["Channels", rule.channels.length ? rule.channels.map((id) => channelName[id] ?? id).join(", ") : "none"],
    ["Repeat", rule.repeatIntervalSeconds ? `every ${duration(rule.repeatIntervalSeconds)}` : "once per incident"],
    ["Resolved notice", rule.sendResolved ? "sent" : "not sent"],
    ["Labels", Object.keys(rule.labels).length ? Object.entries(rule.labels).map(([k, x]) => `${k}=${x}`).join(", ") : "—"],
    ["Runbook", rule.runbookUrl ? <a className="text-primary hover:underline" href={rule.runbookUrl} rel="noreferrer" target="_blank">{rule.runbookUrl}</a> : "—"],
    ["State", rule.enabled ? "enabled" : "disabled"],
  ];
  return (
    <Card aria-label="Definition">
      <CardHeader title="Definition" description={rule.description ?? "No description."} />
      <CardBody>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm">
          {rows.map(([k, val]) => (
            <div key={k} className="contents">
              <dt className="text-muted-fg">{k}</dt>
              <dd className="min-w-0 break-words">{val}</dd>
            </div>
          ))}
        </dl>
      </CardBody>
    </Card>
  );
}
