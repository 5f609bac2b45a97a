"use client";

import { Play } from "lucide-react";
import { useState } from "react";
import { evaluateNowAction } from "@/app/(console)/p/[projectId]/alerts/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";

type Result = Awaited<ReturnType<typeof evaluateNowAction>>;
type Data = Extract<Result, { ok: true }>["data"];

/** What one evaluation did, in a sentence. */
export function evaluationSummary(d: Data): string {
  if (d.error) return `The metric could not be read: ${d.error}`;
  const moved = d.transitions.map((t) => `${t.groupKey || "all requests"} ${t.from} → ${t.to}`);
  const sent = d.deliveries.filter((s) => s === "sent").length;
  const notes = d.deliveries.length ? ` ${sent} of ${d.deliveries.length} notifications sent.` : "";
  return `${moved.length ? `Evaluated: ${moved.join(", ")}.` : "Evaluated: no state changed."}${notes}`;
}

/** Runs the rule now (enabled or not) and sends what it owes, instead of waiting for the next tick. */
export function EvaluateButton({ projectId, ruleId }: { projectId: string; ruleId: string }) {
  const { error, pending, run } = useAction();
  const [summary, setSummary] = useState<string | null>(null);
  async function go() {
    setSummary(null);
    const d = await run(() => evaluateNowAction(projectId, ruleId));
    if (d) setSummary(evaluationSummary(d));
  }
  return (
    <div className="grid justify-items-end gap-1">
      <Button type="button" onClick={go} disabled={pending}><Play aria-hidden /> {pending ? "Evaluating…" : "Evaluate now"}</Button>
      <p role="status" className="max-w-md text-right text-xs text-muted-fg">{summary}</p>
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
    </div>
  );
}
