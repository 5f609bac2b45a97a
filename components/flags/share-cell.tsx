import { Badge } from "@/components/ui/badge";
import type { Share } from "./summary";

/** An environment's state and what most of its traffic gets, e.g. "production on · on 30 % · off 70 %". */
export function ShareCell({ environment, share }: { environment: string; share: Share }) {
  return (
    <div className="flex flex-wrap items-center gap-x-2 gap-y-0.5 text-xs" data-testid={`env-${environment}`}>
      <span className="font-medium text-fg">{environment}</span>
      {share.killed ? <Badge tone="danger">killed</Badge> : <Badge tone="success">on</Badge>}
      <span className="tabular-nums text-muted-fg">{share.parts.map((p) => `${p.variant} ${p.percent} %`).join(" · ")}</span>
      {share.targetingRules ? <span className="text-muted-fg">(after {share.targetingRules} targeting {share.targetingRules === 1 ? "rule" : "rules"})</span> : null}
    </div>
  );
}
