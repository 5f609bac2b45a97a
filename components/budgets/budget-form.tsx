"use client";

import { useState } from "react";
import { createBudgetAction, updateBudgetAction } from "@/app/(console)/p/[projectId]/settings/budgets/actions";
import { useFieldAction } from "@/components/ui/use-field-action";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { BudgetInput, BudgetSpec } from "@/lib/budgets/schemas";

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

/** A stored budget as a draft to edit. */
function draftOf(b: BudgetSpec): Draft {
  return {
    name: b.name, scope: b.scope, match: b.match ?? "", period: b.period, limitUsd: String(b.limitUsd), enforcement: b.enforcement,
    action: b.action ?? "block", downgradeTo: b.downgradeTo ?? "", channels: b.channels ?? [],
  };
}

/** The draft as a PATCH that replaces the whole budget: optional fields it leaves out are removed (null). */
export function toPatch(d: Draft): Record<string, unknown> {
  const input = toInput(d);
  return { ...input, match: input.match ?? null, action: input.action ?? null, downgradeTo: input.downgradeTo ?? null, channels: input.channels ?? null };
}

/**
 * Adds a budget — or, given `budget`, edits it in place: what it covers, the period and
 * limit, and what happens at the limit. `onSaved` runs after an edit is stored.
 */
export function BudgetForm({ projectId, channels, budget, onSaved }: { projectId: string; channels: { id: string; name: string }[]; budget?: BudgetSpec & { id: string }; onSaved?: () => void }) {
  const [d, setD] = useState<Draft>(budget ? draftOf(budget) : EMPTY);
  const { error, issues, pending, saved, run, at } = useFieldAction();
  const set = <K extends keyof Draft>(k: K, v: Draft[K]) => setD((x) => ({ ...x, [k]: v }));
  // Field ids stay unique with the add form and an edit dialog on one page.
  const id = (field: string) => (budget ? `budget-${budget.id}-${field}` : `budget-${field}`);

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    if (budget) {
      if (await run(() => updateBudgetAction(projectId, budget.id, toPatch(d)))) onSaved?.();
    } else if (await run(() => createBudgetAction(projectId, toInput(d)))) setD(EMPTY);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {error ? <ErrorAlert>{error}{issues.length ? <ul className="mt-1 list-disc pl-4">{issues.map((i) => <li key={i.path + i.message}>{i.path}: {i.message}</li>)}</ul> : null}</ErrorAlert> : null}
      {saved && !budget ? <p role="status" className="text-sm text-success">Budget added. SDKs receive it with their next flag configuration.</p> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={id("name")} label="Name" hint="Its id in the SDK's errors and records, e.g. monthly-cap." error={at("name")}>
          <Input id={id("name")} value={d.name} onChange={(e) => set("name", e.target.value)} maxLength={64} aria-invalid={at("name") ? true : undefined} />
        </Field>
        <Field id={id("scope")} label="Covers" error={at("scope")}>
          <Select className="w-full min-w-0" id={id("scope")} value={d.scope} onChange={(e) => set("scope", e.target.value as Draft["scope"])}>
            <option value="project">The whole project</option>
            <option value="endpoint">An endpoint</option>
            <option value="user">A user</option>
          </Select>
        </Field>
        {d.scope !== "project" ? (
          <Field id={id("match")} label={d.scope === "endpoint" ? "Endpoint" : "User id"} hint={`Empty: each ${d.scope} gets its own budget of this size.`} error={at("match")}>
            <Input id={id("match")} value={d.match} onChange={(e) => set("match", e.target.value)} maxLength={256} />
          </Field>
        ) : null}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field id={id("period")} label="Period" error={at("period")}>
          <Select className="w-full min-w-0" id={id("period")} value={d.period} onChange={(e) => set("period", e.target.value as Draft["period"])}>
            <option value="day">Day (UTC)</option>
            <option value="month">Month (UTC)</option>
          </Select>
        </Field>
        <Field id={id("limit")} label="Limit (USD)" error={at("limitUsd")}>
          <Input id={id("limit")} type="number" min={0} step="any" inputMode="decimal" value={d.limitUsd} onChange={(e) => set("limitUsd", e.target.value)} aria-invalid={at("limitUsd") ? true : undefined} />
        </Field>
        <Field id={id("enforcement")} label="At the limit" error={at("enforcement")}>
          <Select className="w-full min-w-0" id={id("enforcement")} value={d.enforcement === "soft" ? "soft" : d.action} onChange={(e) => (e.target.value === "soft" ? set("enforcement", "soft") : setD((x) => ({ ...x, enforcement: "hard", action: e.target.value as Draft["action"] })))}>
            <option value="soft">Alert (soft)</option>
            <option value="block">Block calls (hard)</option>
            <option value="downgrade">Downgrade to a cheaper model (hard)</option>
          </Select>
        </Field>
      </div>
      {d.enforcement === "hard" && d.action === "downgrade" ? (
        <Field id={id("downgrade")} label="Cheaper model" hint="Calls past the limit are sent to this model instead, e.g. gpt-4o-mini." error={at("downgradeTo")}>
          <Input id={id("downgrade")} value={d.downgradeTo} onChange={(e) => set("downgradeTo", e.target.value)} maxLength={128} aria-invalid={at("downgradeTo") ? true : undefined} />
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
      <div><Button type="submit" disabled={pending}>{budget ? (pending ? "Saving…" : "Save budget") : pending ? "Adding…" : "Add budget"}</Button></div>
    </form>
  );
}
