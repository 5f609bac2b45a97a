import { BellOff } from "lucide-react";
import Link from "next/link";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { OpenAlert } from "@/lib/alerts/open-alerts";
import { SeverityBadge, StateBadge } from "./badges";
import { formatValue, groupText } from "./units";

/** Firing, no-data, pending and unreadable instances: what needs someone now. */
export function OpenAlertsTable({ projectId, alerts, caption = "Open alerts" }: { projectId: string; alerts: OpenAlert[]; caption?: string }) {
  return (
    <Table aria-label={caption}>
      <THead>
        <tr><Th>State</Th><Th>Rule</Th><Th>Group</Th><Th>Value</Th><Th>Since</Th><Th>Severity</Th></tr>
      </THead>
      <TBody>
        {alerts.map((a) => (
          <Tr key={`${a.ruleId}|${a.groupKey}`}>
            <Td>
              <span className="flex items-center gap-2">
                <StateBadge state={a.state} />
                {a.silenced ? <span className="flex items-center gap-1 text-xs text-muted-fg" title="A silence covers it: no notifications"><BellOff aria-hidden className="size-3.5" />silenced</span> : null}
              </span>
            </Td>
            <Td><Link className="font-medium text-primary hover:underline" href={`/p/${projectId}/alerts/${a.ruleId}`}>{a.ruleName}</Link></Td>
            <Td className="font-mono text-xs">{groupText(a.groupBy, a.groupKey)}</Td>
            <Td className="tabular-nums">
              {formatValue(a.metric, a.value)}
              <span className="block text-xs text-muted-fg">{a.op} {formatValue(a.metric, a.threshold)}</span>
            </Td>
            <Td><Time value={a.since} /></Td>
            <Td><SeverityBadge severity={a.severity} /></Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
