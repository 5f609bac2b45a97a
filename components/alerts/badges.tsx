import { Badge } from "@/components/ui/badge";
import type { Severity } from "@/lib/alerts/schemas";

type RuleState = "ok" | "pending" | "firing" | "resolved" | "no_data" | "error" | "disabled";

const STATE: Record<RuleState, { text: string; className?: string; tone?: "neutral" | "success" | "danger" | "info" }> = {
  firing: { text: "Firing", tone: "danger" },
  no_data: { text: "No data", tone: "danger" },
  pending: { text: "Pending", className: "bg-warning/15 text-warning" },
  error: { text: "Error", className: "bg-warning/15 text-warning" },
  resolved: { text: "Resolved", tone: "success" },
  ok: { text: "OK", tone: "success" },
  disabled: { text: "Disabled", tone: "neutral" },
};

/** An instance's or a rule's state in words and colour (never colour alone). */
export function StateBadge({ state }: { state: RuleState }) {
  const s = STATE[state];
  return <Badge tone={s.tone} className={s.className} data-state={state}>{s.text}</Badge>;
}

export function SeverityBadge({ severity }: { severity: Severity }) {
  if (severity === "critical") return <Badge tone="danger">critical</Badge>;
  if (severity === "warning") return <Badge className="bg-warning/15 text-warning">warning</Badge>;
  return <Badge tone="info">info</Badge>;
}
