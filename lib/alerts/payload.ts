// Notification bodies: the Prometheus Alertmanager webhook shape (version "4") and a
// Slack incoming-webhook message. Pure, so the tests check them as receivers would.
import { createHash } from "node:crypto";
import type { AlertMetric, Severity } from "./schemas";

export type AlertNotice = {
  status: "firing" | "resolved";
  projectId: string;
  ruleId: string;
  ruleName: string;
  description?: string;
  metric: AlertMetric;
  groupBy?: string;
  groupKey: string;
  severity: Severity;
  labels: Record<string, string>;
  op: string;
  threshold: number;
  value: number | null;
  noData: boolean;
  startsAt: Date;
  endsAt: Date | null;
  runbookUrl?: string;
  /** The rule in the console. */
  url: string;
};

/** Stable per instance (rule + group), so a receiver can pair a resolved with its firing. */
export function fingerprint(projectId: string, ruleId: string, groupKey: string): string {
  return createHash("sha256").update(`${projectId}\n${ruleId}\n${groupKey}`).digest("hex").slice(0, 16);
}

/** The group's label name: `model`, `userId`, `flag_beta` … (label names cannot hold ":"). */
export function groupLabel(groupBy: string): string {
  return groupBy.replace(/[^A-Za-z0-9_]/g, "_");
}

export function instanceLabels(rule: { id: string; name: string; labels: Record<string, string>; groupBy?: string }, groupKey: string, severity: Severity): Record<string, string> {
  const labels: Record<string, string> = { ...rule.labels, alertname: rule.name, severity, rule_id: rule.id };
  if (rule.groupBy && groupKey !== "") labels[groupLabel(rule.groupBy)] = groupKey;
  return labels;
}

const PERCENT: AlertMetric[] = ["error_rate", "fallback_rate", "cache_hit_rate"];

/** A value as a person reads it: 31.0 %, 1,893 ms, $4.18, 12,000. */
export function formatValue(metric: AlertMetric, v: number | null): string {
  if (v === null) return "no data";
  if (PERCENT.includes(metric)) return `${(v * 100).toFixed(1)} %`;
  if (metric.startsWith("latency_")) return `${Math.round(v).toLocaleString("en-US")} ms`;
  if (metric === "cost_usd") return `$${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: v < 1 ? 4 : 2 })}`;
  if (metric === "score_avg") return v.toFixed(3);
  return Math.round(v).toLocaleString("en-US");
}

export function summary(n: AlertNotice): string {
  const where = n.groupBy && n.groupKey ? ` for ${n.groupBy}=${n.groupKey}` : "";
  if (n.status === "resolved") return `${n.ruleName}: resolved${where} (${n.metric} ${formatValue(n.metric, n.value)})`;
  if (n.noData) return `${n.ruleName}: no data${where}`;
  return `${n.ruleName}: ${n.metric} ${formatValue(n.metric, n.value)} ${n.op} ${formatValue(n.metric, n.threshold)}${where}`;
}

const ZERO_TIME = "0001-01-01T00:00:00Z";

/** The Alertmanager webhook body (https://prometheus.io/docs/alerting/latest/configuration/#webhook_config), one alert per notice. */
export function alertmanagerBody(n: AlertNotice, receiver: string, externalUrl: string) {
  const annotations: Record<string, string> = {
    summary: summary(n),
    value: n.value === null ? "" : String(n.value),
    threshold: String(n.threshold),
    ...(n.description ? { description: n.description } : {}),
    ...(n.runbookUrl ? { runbook_url: n.runbookUrl } : {}),
  };
  return {
    version: "4",
    groupKey: `{}:{rule_id="${n.ruleId}"}`,
    truncatedAlerts: 0,
    status: n.status,
    receiver,
    groupLabels: { alertname: n.ruleName },
    commonLabels: n.labels,
    commonAnnotations: annotations,
    externalURL: externalUrl,
    alerts: [
      {
        status: n.status,
        labels: n.labels,
        annotations,
        startsAt: n.startsAt.toISOString(),
        endsAt: n.endsAt ? n.endsAt.toISOString() : ZERO_TIME,
        generatorURL: n.url,
        fingerprint: fingerprint(n.projectId, n.ruleId, n.groupKey),
      },
    ],
  };
}

/** A readable Slack message: what, the value against the threshold, and a link to the rule. */
export function slackBody(n: AlertNotice) {
  const icon = n.status === "resolved" ? ":white_check_mark:" : n.severity === "critical" ? ":rotating_light:" : ":warning:";
  const head = `${icon} *${n.status === "resolved" ? "RESOLVED" : n.severity.toUpperCase()}* ${summary(n)}`;
  const lines = [
    head,
    `Value: *${formatValue(n.metric, n.value)}* · threshold ${n.op} ${formatValue(n.metric, n.threshold)} · since ${n.startsAt.toISOString()}`,
    ...(n.description ? [n.description] : []),
    `<${n.url}|Open the rule in Sextant>${n.runbookUrl ? ` · <${n.runbookUrl}|Runbook>` : ""}`,
  ];
  return { text: lines.join("\n") };
}
