import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { Time } from "@/components/ui/time";
import type { AlertInstanceView } from "@/lib/alerts/instance-rows";
import type { DeliveryEntry, HistoryEntry } from "@/lib/alerts/history";
import type { AlertMetric } from "@/lib/alerts/schemas";
import { SeverityBadge, StateBadge } from "./badges";
import { formatValue } from "./units";

const group = (k: string | null) => (k ? k : "all requests");

/** Every group that ever left OK, with its current state. */
export function InstancesTable({ instances, metric }: { instances: AlertInstanceView[]; metric: AlertMetric }) {
  return (
    <Table aria-label="Instances">
      <THead><tr><Th>Group</Th><Th>State</Th><Th>Value</Th><Th>Since</Th><Th>Severity</Th><Th>Evaluated</Th></tr></THead>
      <TBody>
        {instances.map((i) => (
          <Tr key={i.groupKey}>
            <Td className="font-mono text-xs">{group(i.groupKey)}</Td>
            <Td><StateBadge state={i.state} /></Td>
            <Td className="tabular-nums">{formatValue(metric, i.value)}</Td>
            <Td><Time value={i.state === "resolved" ? i.resolvedAt : i.state === "pending" ? i.pendingSince : (i.firingSince ?? i.pendingSince)} /></Td>
            <Td>{i.severity ? <SeverityBadge severity={i.severity} /> : <span className="text-muted-fg">—</span>}</Td>
            <Td><Time value={i.evaluatedAt} /></Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

/** The state timeline: each transition with the value that caused it, newest first. */
export function TimelineTable({ items, metric }: { items: HistoryEntry[]; metric: AlertMetric }) {
  return (
    <Table aria-label="State timeline">
      <THead><tr><Th>When</Th><Th>Group</Th><Th>Change</Th><Th>Observed</Th><Th>Threshold</Th><Th>Why</Th></tr></THead>
      <TBody>
        {items.map((h) => (
          <Tr key={h.id}>
            <Td><Time value={h.at} /></Td>
            <Td className="font-mono text-xs">{group(h.groupKey)}</Td>
            <Td><span className="flex items-center gap-1.5"><StateBadge state={h.from as AlertInstanceView["state"]} /><span aria-label="to">→</span><StateBadge state={h.to as AlertInstanceView["state"]} /></span></Td>
            <Td className="tabular-nums">{formatValue(metric, h.value)}</Td>
            <Td className="tabular-nums text-muted-fg">{formatValue(metric, h.threshold)}</Td>
            <Td className="text-xs text-muted-fg">{h.reason}</Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}

const STATUS_TONE = { sent: "success", failed: "danger", pending: "neutral" } as const;

/** The notification log: each delivery with its channel, outcome and the receiver's answer. */
export function DeliveriesTable({ items, channelName }: { items: DeliveryEntry[]; channelName: Record<string, string> }) {
  return (
    <Table aria-label="Notification log">
      <THead><tr><Th>Queued</Th><Th>Kind</Th><Th>Group</Th><Th>Channel</Th><Th>Status</Th><Th>Answer</Th></tr></THead>
      <TBody>
        {items.map((d) => (
          <Tr key={d.id}>
            <Td><Time value={d.createdAt} /></Td>
            <Td>{d.kind}</Td>
            <Td className="font-mono text-xs">{group(d.groupKey)}</Td>
            <Td>{channelName[d.channelId] ?? <span className="text-muted-fg">deleted channel</span>}</Td>
            <Td>
              <Badge tone={STATUS_TONE[d.status as keyof typeof STATUS_TONE] ?? "neutral"}>{d.status}</Badge>
              <span className="block text-xs text-muted-fg">{d.attempts} {d.attempts === 1 ? "attempt" : "attempts"}{d.status === "pending" ? <> · next <Time value={d.nextAttemptAt} /></> : null}</span>
            </Td>
            <Td className="max-w-72 text-xs">
              {d.responseStatus !== null ? <span className="tabular-nums">HTTP {d.responseStatus}</span> : null}
              {d.error ? <span className="block truncate text-danger" title={d.error}>{d.error}</span> : null}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
