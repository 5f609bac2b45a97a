"use client";

import type { FlagEnvironment, FlagRule } from "@sextant/sdk";
import { Plus } from "lucide-react";
import { useState } from "react";
import { saveEnvironmentAction } from "@/app/(console)/p/[projectId]/flags/actions";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { ActionError } from "./action-error";
import { RuleCard, type EditRule } from "./rule-card";
import { newUid } from "./uid";
import { issueAt, useFieldAction } from "@/components/ui/use-field-action";

type Props = { projectId: string; flagKey: string; version: number; environment: string; env: FlagEnvironment; variants: string[]; canWrite: boolean };

/** Rules in order (first match wins), the default and the variant served when killed; saved as one change of this environment. */
export function RuleEditor({ projectId, flagKey, version, environment, env, variants, canWrite }: Props) {
  const toEdit = (r: FlagRule): EditRule => ({ ...r, uid: newUid(), conditionIds: r.conditions.map(() => newUid()) });
  const [rules, setRules] = useState<EditRule[]>(() => env.rules.map(toEdit));
  const [defaultVariant, setDefault] = useState(env.defaultVariant);
  const [offVariant, setOff] = useState(env.offVariant);
  const { error, issues, pending, saved, run } = useFieldAction();
  const base = `environments.${environment}`;
  const disabled = !canWrite;

  async function save(e: React.FormEvent) {
    e.preventDefault();
    const clean: FlagRule[] = rules.map((r) => ({ ...(r.id ? { id: r.id } : {}), ...(r.description ? { description: r.description } : {}), conditions: r.conditions, serve: r.serve }));
    await run(() => saveEnvironmentAction(projectId, flagKey, environment, { enabled: env.enabled, defaultVariant, offVariant, rules: clean }, version));
  }
  const move = (i: number, by: -1 | 1) => setRules((rs) => {
    const out = [...rs];
    [out[i], out[i + by]] = [out[i + by]!, out[i]!];
    return out;
  });
  const add = (serve: FlagRule["serve"]) => setRules((rs) => [...rs, toEdit({ conditions: [], serve })]);

  return (
    <form onSubmit={save} className="grid gap-4" aria-label={`Rules of ${environment}`} noValidate>
      <ActionError error={error} issues={issues} strip={`${base}.`} />
      {rules.length === 0 ? <p className="text-sm text-muted-fg">No rules: everyone gets the default variant. Add a rule to target users or roll out by percentage.</p> : null}
      <ol className="grid gap-3">
        {rules.map((r, i) => (
          <RuleCard key={r.uid} rule={r} index={i} count={rules.length} variants={variants} issues={issues} path={`${base}.rules.${i}`} disabled={disabled} newId={newUid}
            onChange={(nr) => setRules((rs) => rs.map((x, j) => (j === i ? nr : x)))} onMove={(by) => move(i, by)} onRemove={() => setRules((rs) => rs.filter((_, j) => j !== i))} />
        ))}
      </ol>
      {!disabled ? (
        <div className="flex flex-wrap gap-2">
          <Button type="button" variant="secondary" size="sm" onClick={() => add({ variant: variants[0]! })}><Plus aria-hidden /> Add rule</Button>
          <Button type="button" variant="secondary" size="sm" onClick={() => add({ split: variants.slice(0, 2).map((v, i, all) => ({ variant: v, weight: all.length === 1 ? 100 : i === 0 ? 10 : 90 })) })}><Plus aria-hidden /> Add percentage rollout</Button>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={`default-${environment}`} label="When no rule matches, serve" error={issueAt(issues, `${base}.defaultVariant`)}>
          <Select id={`default-${environment}`} value={defaultVariant} onChange={(e) => setDefault(e.target.value)} disabled={disabled}>
            {[...new Set([defaultVariant, ...variants])].map((v) => <option key={v} value={v}>{v}</option>)}
          </Select>
        </Field>
        <Field id={`off-${environment}`} label="When killed, serve" error={issueAt(issues, `${base}.offVariant`)}>
          <Select id={`off-${environment}`} value={offVariant} onChange={(e) => setOff(e.target.value)} disabled={disabled}>
            {[...new Set([offVariant, ...variants])].map((v) => <option key={v} value={v}>{v}</option>)}
          </Select>
        </Field>
      </div>
      {!disabled ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : `Save ${environment} rules`}</Button>
          {saved ? <span className="text-sm text-success" role="status">Saved. SDKs pick it up on their next refresh.</span> : null}
        </div>
      ) : null}
    </form>
  );
}
