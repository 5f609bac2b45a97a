import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { OpenAlert } from "@/lib/alerts/open-alerts";
import type { AlertRule } from "@/lib/alerts/schemas";
import { SeverityBadge, StateBadge } from "./badges";
import { describeCondition, METRIC_LABELS } from "./units";

/** A rule's state at a glance: its worst open instance, or disabled / error / OK. */
export function ruleState(rule: AlertRule, open: OpenAlert[]) {
  if (!rule.enabled) return "disabled" as const;
  const mine = open.filter((a) => a.ruleId === rule.id);
  for (const s of ["firing", "no_data", "pending", "error"] as const) if (mine.some((a) => a.state === s)) return s;
  return rule.lastError ? ("error" as const) : ("ok" as const);
}

export function RulesTable({ projectId, rules, open }: { projectId: string; rules: AlertRule[]; open: OpenAlert[] }) {
  return (
    <Table aria-label="Alert rules">
      <THead>
        <tr><Th>State</Th><Th>Rule</Th><Th>Metric</Th><Th>Condition</Th><Th>Severity</Th><Th>Last evaluated</Th></tr>
      </THead>
      <TBody>
        {rules.map((r) => {
          const count = open.filter((a) => a.ruleId === r.id && (a.state === "firing" || a.state === "no_data")).length;
          return (
            <Tr key={r.id}>
              <Td>
                <StateBadge state={ruleState(r, open)} />
                {count > 1 ? <span className="ml-2 text-xs text-muted-fg">{count} groups</span> : null}
              </Td>
              <Td>
                <Link className="font-medium text-primary hover:underline" href={`/p/${projectId}/alerts/${r.id}`}>{r.name}</Link>
                {r.groupBy ? <span className="block text-xs text-muted-fg">per {r.groupBy}</span> : null}
              </Td>
              <Td>{METRIC_LABELS[r.metric]}</Td>
              <Td className="text-xs">{describeCondition(r)}</Td>
              <Td><SeverityBadge severity={r.severity} /></Td>
              <Td>
                <Time value={r.lastEvaluatedAt} />
                {r.lastError ? <span className="block max-w-64 truncate text-xs text-danger" title={r.lastError}>{r.lastError}</span> : null}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
