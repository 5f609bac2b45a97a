"use client";

import { useEffect, useRef, useState } from "react";
import { previewRuleAction } from "@/app/(console)/p/[projectId]/alerts/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import type { RulePreview as Preview } from "@/lib/alerts/preview";
import { cn } from "@/lib/utils";
import { PreviewChart } from "./preview-chart";
import { thresholdLines, verdict } from "./preview-rows";
import { previewInput, toRuleInput, type Draft } from "./rule-draft";
import { duration, formatValue, fromInput } from "./units";

const LEVEL_CLASS: Record<string, string> = { critical: "text-danger", no_data: "text-danger", warning: "text-warning", info: "text-primary", ok: "text-success", hold: "text-muted-fg" };

/** The editor's live preview: re-read half a second after the metric, filters, grouping or window change. */
export function RulePreview({ projectId, draft }: { projectId: string; draft: Draft }) {
  const [state, setState] = useState<{ data: Preview | null; error: string | null; loading: boolean }>({ data: null, error: null, loading: true });
  const latest = useRef(0);
  const input = previewInput(draft);
  const key = JSON.stringify(input);

  useEffect(() => {
    if (!input) return;
    const id = ++latest.current;
    const timer = setTimeout(async () => {
      setState((s) => ({ ...s, loading: true }));
      const r = await previewRuleAction(projectId, JSON.parse(key));
      if (id !== latest.current) return; // a newer edit is on its way
      setState(r.ok ? { data: r.data, error: null, loading: false } : { data: null, error: r.error.message, loading: false });
    }, 500);
    return () => clearTimeout(timer);
    // `key` is the input's identity; the object itself changes every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [projectId, key]);

  const condition = { op: draft.op, threshold: fromInput(draft.metric, draft.threshold), warnThreshold: fromInput(draft.metric, draft.warnThreshold), recoverThreshold: fromInput(draft.metric, draft.recoverThreshold) };
  const thresholds = thresholdLines(draft.metric, condition);
  const rule = toRuleInput(draft) as Parameters<typeof verdict>[0];
  const judgeable = Number.isFinite(condition.threshold);

  if (!input) return <p className="text-sm text-muted-fg">Set a window of at least a minute to see the metric.</p>;
  if (state.error) return <ErrorAlert>The preview cannot be shown: {state.error}</ErrorAlert>;
  if (!state.data) return <Skeleton className="h-56 w-full" />;
  const d = state.data;
  return (
    <div className={cn("grid gap-4 transition-opacity", state.loading && "opacity-60")} aria-busy={state.loading}>
      <PreviewChart preview={d} metric={draft.metric} thresholds={thresholds} label={`Preview of the rule's metric, each point over ${duration(draft.windowSeconds)}`} />
      {d.current.length === 0 ? (
        <p className="text-sm text-muted-fg">No requests match in the last {duration(draft.windowSeconds)}. Check the filters, or send traffic first.</p>
      ) : (
        <Table aria-label="Values now">
          <THead><tr><Th>{draft.groupBy || "Group"}</Th><Th>Now</Th><Th>Requests</Th><Th>Would be</Th></tr></THead>
          <TBody>
            {d.current.map((c) => {
              const v = judgeable ? verdict(rule, c) : null;
              return (
                <Tr key={c.key}>
                  <Td className="font-mono text-xs">{c.key === "" ? "all requests" : c.key}</Td>
                  <Td className="tabular-nums">{formatValue(draft.metric, c.value)}</Td>
                  <Td className="tabular-nums">{c.samples.toLocaleString("en-US")}</Td>
                  <Td className={cn("text-xs", v && LEVEL_CLASS[v.level])}>{v ? v.text : "—"}</Td>
                </Tr>
              );
            })}
          </TBody>
        </Table>
      )}
      {d.truncated ? <p className="text-xs text-muted-fg">The 20 worst groups are listed.</p> : null}
    </div>
  );
}
