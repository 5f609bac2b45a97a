"use client";

import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { GROUP_BYS, METRICS } from "@/lib/alerts/schemas";
import { FILTER_FIELDS, type Draft, type FilterField } from "./rule-draft";
import { METRIC_LABELS } from "./units";

const FILTER_LABELS: Record<FilterField, string> = {
  model: "Model", provider: "Provider", endpoint: "Endpoint", environment: "Environment", userId: "User", promptName: "Prompt name",
  promptVersion: "Prompt version", status: "Status", errorType: "Error type",
};
const TEXTAREA = "min-h-16 w-full rounded-md border bg-card px-3 py-2 font-mono text-xs text-fg aria-invalid:border-danger";

type Props = { draft: Draft; set: (p: Partial<Draft>) => void; at: (path: string) => string | undefined; options: Record<string, string[]> };

/** What the rule watches: the metric, the dashboards' filters and the grouping into instances. */
export function WatchFields({ draft, set, at, options }: Props) {
  const setFilter = (k: FilterField, v: string) => set({ filters: { ...draft.filters, [k]: v } });
  const flagGroup = draft.groupBy.startsWith("flag:");
  return (
    <Card aria-label="What to watch">
      <CardHeader title="What to watch" description="Any dashboard metric, filtered like the dashboards; a grouping makes one alert per value." />
      <CardBody className="grid gap-4">
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="rule-metric" label="Metric" error={at("metric")}>
            <Select id="rule-metric" value={draft.metric} onChange={(e) => set({ metric: e.target.value as Draft["metric"] })}>
              {METRICS.map((m) => <option key={m} value={m}>{METRIC_LABELS[m]}</option>)}
            </Select>
          </Field>
          {draft.metric === "score_avg" ? (
            <Field id="rule-score" label="Score name" hint="e.g. user_feedback or a rubric score." error={at("scoreName")}>
              <Input id="rule-score" value={draft.scoreName} onChange={(e) => set({ scoreName: e.target.value })} aria-invalid={at("scoreName") ? true : undefined} />
            </Field>
          ) : null}
        </div>
        <fieldset className="grid gap-3">
          <legend className="mb-1 text-sm font-medium">Filters <span className="font-normal text-muted-fg">(blank: every request)</span></legend>
          <div className="grid gap-3 sm:grid-cols-3">
            {FILTER_FIELDS.map((k) => (
              <Field key={k} id={`filter-${k}`} label={FILTER_LABELS[k]} error={at(`filters.${k}`)}>
                {k === "status" ? (
                  <Select id="filter-status" value={draft.filters.status} onChange={(e) => setFilter("status", e.target.value)}>
                    <option value="">any</option><option value="ok">ok</option><option value="error">error</option>
                  </Select>
                ) : (
                  <Input id={`filter-${k}`} list={options[k]?.length ? `options-${k}` : undefined} inputMode={k === "promptVersion" ? "numeric" : undefined} value={draft.filters[k]} onChange={(e) => setFilter(k, e.target.value)} aria-invalid={at(`filters.${k}`) ? true : undefined} />
                )}
                {options[k]?.length ? <datalist id={`options-${k}`}>{options[k].map((o) => <option key={o} value={o} />)}</datalist> : null}
              </Field>
            ))}
          </div>
          <Field id="filter-flags" label="Flag variants" hint="One key=variant a line, e.g. new-model=on." error={at("filters.flags")}>
            <textarea id="filter-flags" className={TEXTAREA} value={draft.flags} onChange={(e) => set({ flags: e.target.value })} aria-invalid={at("filters.flags") ? true : undefined} />
          </Field>
          {at("filters") && !FILTER_FIELDS.some((k) => at(`filters.${k}`)) && !at("filters.flags") ? <p className="text-xs text-danger">{at("filters")}</p> : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="rule-group" label="Group by" hint="Each value is its own alert instance with its own state." error={at("groupBy")}>
            <Select id="rule-group" value={flagGroup ? "flag" : draft.groupBy} onChange={(e) => set({ groupBy: e.target.value === "flag" ? "flag:" : e.target.value })}>
              <option value="">nothing (one instance)</option>
              {GROUP_BYS.map((g) => <option key={g} value={g}>{g}</option>)}
              <option value="flag">flag variant</option>
            </Select>
          </Field>
          {flagGroup ? (
            <Field id="rule-group-flag" label="Flag key" error={at("groupBy")}>
              <Input id="rule-group-flag" value={draft.groupBy.slice(5)} onChange={(e) => set({ groupBy: `flag:${e.target.value}` })} />
            </Field>
          ) : null}
        </div>
      </CardBody>
    </Card>
  );
}
