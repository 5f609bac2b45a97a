"use client";

import { useState } from "react";
import { createBudgetAction } from "@/app/(console)/p/[projectId]/settings/budgets/actions";
import { useFieldAction } from "@/components/ui/use-field-action";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { BudgetInput } from "@/lib/budgets/schemas";

type Draft = { name: string; scope: "project" | "endpoint" | "user"; match: string; period: "day" | "month"; limitUsd: string; enforcement: "soft" | "hard"; action: "block" | "downgrade"; downgradeTo: string; channels: string[] };
const EMPTY: Draft = { name: "", scope: "project", match: "", period: "month", limitUsd: "", enforcement: "hard", action: "block", downgradeTo: "", channels: [] };

/** The draft as the API's BudgetInput: fields that do not apply are left out, the server validates the rest. */
export function toInput(d: Draft): BudgetInput {
  const input: BudgetInput = { name: d.name, scope: d.scope, period: d.period, limitUsd: d.limitUsd === "" ? Number.NaN : Number(d.limitUsd), enforcement: d.enforcement };
  if (d.scope !== "project" && d.match.trim()) input.match = d.match.trim();
  if (d.enforcement === "hard") {
    input.action = d.action;
    if (d.action === "downgrade") input.downgradeTo = d.downgradeTo.trim();
  } else if (d.channels.length) input.channels = d.channels;
  return input;
}

/** Adds a budget: what it covers, the period and limit, and what happens at the limit. */
export function BudgetForm({ projectId, channels }: { projectId: string; channels: { id: string; name: string }[] }) {
  const [d, setD] = useState<Draft>(EMPTY);
  const { error, issues, pending, saved, run, at } = useFieldAction();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (await run(() => createBudgetAction(projectId, toInput(d)))) setD(EMPTY);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {error ? <ErrorAlert>{error}{issues.length ? <ul className="mt-1 list-disc pl-4">{issues.map((i) => <li key={i.path + i.message}>{i.path}: {i.message}</li>)}</ul> : null}</ErrorAlert> : null}
      {saved ? <p role="status" className="text-sm text-success">Budget added. SDKs receive it with their next flag configuration.</p> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="budget-name" label="Name" hint="Its id in the SDK's errors and records, e.g. monthly-cap." error={at("name")}>
          <Input id="budget-name" value={d.name} onChange={(e) => set("name", e.target.value)} maxLength={64} aria-invalid={at("name") ? true : undefined} />
        </Field>
        <Field id="budget-scope" label="Covers" error={at("scope")}>
          <Select id="budget-scope" value={d.scope} onChange={(e) => set("scope", e.target.value as Draft["scope"])}>
            <option value="project">The whole project</option>
            <option value="endpoint">An endpoint</option>
            <option value="user">A user</option>
          </Select>
        </Field>
        {d.scope !== "project" ? (
          <Field id="budget-match" label={d.scope === "endpoint" ? "Endpoint" : "User id"} hint={`Empty: each ${d.scope} gets its own budget of this size.`} error={at("match")}>
            <Input id="budget-match" value={d.match} onChange={(e) => set("match", e.target.value)} maxLength={256} />
          </Field>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id="budget-period" label="Period" error={at("period")}>
          <Select id="budget-period" value={d.period} onChange={(e) => set("period", e.target.value as Draft["period"])}>
            <option value="day">Day (UTC)</option>
            <option value="month">Month (UTC)</option>
          </Select>
        </Field>
        <Field id="budget-limit" label="Limit (USD)" error={at("limitUsd")}>
          <Input id="budget-limit" type="number" min={0} step="any" inputMode="decimal" value={d.limitUsd} onChange={(e) => set("limitUsd", e.target.value)} aria-invalid={at("limitUsd") ? true : undefined} />
        </Field>
        <Field id="budget-enforcement" label="At the limit" error={at("enforcement")}>
          <Select id="budget-enforcement" value={d.enforcement === "soft" ? "soft" : d.action} onChange={(e) => (e.target.value === "soft" ? set("enforcement", "soft") : setD((x) => ({ ...x, enforcement: "hard", action: e.target.value as Draft["action"] })))}>
            <option value="soft">Alert (soft)</option>
            <option value="block">Block calls (hard)</option>
            <option value="downgrade">Downgrade to a cheaper model (hard)</option>
          </Select>
        </Field>
      </div>
      {d.enforcement === "hard" && d.action === "downgrade" ? (
        <Field id="budget-downgrade" label="Cheaper model" hint="Calls past the limit are sent to this model instead, e.g. gpt-4o-mini." error={at("downgradeTo")}>
          <Input id="budget-downgrade" value={d.downgradeTo} onChange={(e) => set("downgradeTo", e.target.value)} maxLength={128} aria-invalid={at("downgradeTo") ? true : undefined} />
        </Field>
      ) : null}
      {d.enforcement === "soft" ? (
        <fieldset className="grid gap-1.5">
          <legend className="text-sm font-medium">Notify</legend>
          {channels.length ? (
            <div className="flex flex-wrap gap-4 text-sm">
              {channels.map((c) => (
                <label key={c.id} className="flex items-center gap-2">
                  <input type="checkbox" checked={d.channels.includes(c.id)} onChange={(e) => set("channels", e.target.checked ? [...d.channels, c.id] : d.channels.filter((x) => x !== c.id))} /> {c.name}
                </label>
              ))}
            </div>
          ) : <p className="text-sm text-muted-fg">No channels yet (Settings → Channels); the alert still shows under Alerts.</p>}
        </fieldset>
      ) : null}
      <div><Button type="submit" disabled={pending}>{pending ? "Adding…" : "Add budget"}</Button></div>
    </form>
  );
}
