"use client";

import { useState } from "react";
import { createSilenceAction } from "@/app/(console)/p/[projectId]/alerts/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { parsePairs } from "./rule-draft";
import { useFieldAction } from "@/components/ui/use-field-action";

const TEXTAREA = "min-h-16 w-full rounded-md border bg-card px-3 py-2 font-mono text-xs text-fg aria-invalid:border-danger";
const HOURS = [1, 2, 4, 8, 24, 72];

/** `datetime-local` is in the viewer's zone; the server gets instants. */
const localInput = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

/** A silence: a rule, label matchers or both, from a start (default now) for a while, with the reason. */
export function SilenceForm({ projectId, rules, initialRuleId }: { projectId: string; rules: { id: string; name: string }[]; initialRuleId?: string }) {
  const [ruleId, setRuleId] = useState(initialRuleId ?? "");
  const [matchers, setMatchers] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [hours, setHours] = useState("2");
  const [endsAt, setEndsAt] = useState("");
  const [comment, setComment] = useState("");
  const { error, issues, pending, saved, run, at } = useFieldAction();

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const start = startsAt ? new Date(startsAt) : new Date();
    const end = hours === "custom" ? (endsAt ? new Date(endsAt) : new Date(Number.NaN)) : new Date(start.getTime() + Number(hours) * 3_600_000);
    const input = {
      ...(ruleId ? { ruleId } : {}), matchers: parsePairs(matchers), ...(startsAt ? { startsAt: start.toISOString() } : {}),
      endsAt: Number.isNaN(end.getTime()) ? "" : end.toISOString(), comment,
    };
    if (!(await run(() => createSilenceAction(projectId, input)))) return;
    setComment("");
    setMatchers("");
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      {error ? <ErrorAlert>{error}{issues.length ? <ul className="mt-1 list-disc pl-4">{issues.map((i) => <li key={i.path + i.message}>{i.path}: {i.message}</li>)}</ul> : null}</ErrorAlert> : null}
      {saved ? <p role="status" className="text-sm text-success">Silence created. Covered instances keep their state but notify nobody until it ends.</p> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="silence-rule" label="Rule" hint="Blank: every rule whose instances match the labels." error={at("ruleId")}>
          <Select id="silence-rule" value={ruleId} onChange={(e) => setRuleId(e.target.value)}>
            <option value="">any rule</option>
            {rules.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
          </Select>
        </Field>
        <Field id="silence-matchers" label="Labels to match" hint="One name=value a line, all must hold: e.g. model=gpt-4o, severity=warning, team=ml." error={at("matchers")}>
          <textarea id="silence-matchers" className={TEXTAREA} value={matchers} onChange={(e) => setMatchers(e.target.value)} aria-invalid={at("matchers") ? true : undefined} />
        </Field>
        <Field id="silence-start" label="Starts" hint="Blank: now (your time zone)." error={at("startsAt")}>
          <Input id="silence-start" type="datetime-local" value={startsAt} min={localInput(new Date())} onChange={(e) => setStartsAt(e.target.value)} />
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="silence-duration" label="Lasts" error={hours === "custom" ? undefined : at("endsAt")}>
            <Select id="silence-duration" value={hours} onChange={(e) => setHours(e.target.value)}>
              {HOURS.map((h) => <option key={h} value={h}>{h < 24 ? `${h} h` : `${h / 24} ${h === 24 ? "day" : "days"}`}</option>)}
              <option value="custom">until…</option>
            </Select>
          </Field>
          {hours === "custom" ? (
            <Field id="silence-end" label="Ends" error={at("endsAt")}>
              <Input id="silence-end" type="datetime-local" value={endsAt} onChange={(e) => setEndsAt(e.target.value)} aria-invalid={at("endsAt") ? true : undefined} />
            </Field>
          ) : null}
        </div>
      </div>
      <Field id="silence-comment" label="Comment" hint="Why, for the people who see the silenced alert." error={at("comment")}>
        <Input id="silence-comment" value={comment} onChange={(e) => setComment(e.target.value)} maxLength={1000} aria-invalid={at("comment") ? true : undefined} />
      </Field>
      <div><Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create silence"}</Button></div>
    </form>
  );
}
