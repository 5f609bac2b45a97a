"use client";

import type { FlagType } from "@sextant/sdk";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { createFlagAction } from "@/app/(console)/p/[projectId]/flags/actions";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input, Select } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { ActionError } from "./action-error";
import { newUid } from "./uid";
import { issueAt, useFieldAction } from "@/components/ui/use-field-action";
import { toVariants, VariantRows, type VariantRow } from "./variant-rows";

const TYPES: { value: FlagType; label: string; rows: [string, string][] }[] = [
  { value: "boolean", label: "Boolean (on / off)", rows: [["on", "true"], ["off", "false"]] },
  { value: "string", label: "String (e.g. a model or prompt label)", rows: [["control", ""], ["treatment", ""]] },
  { value: "number", label: "Number", rows: [["low", "0"], ["high", "1"]] },
  { value: "json", label: "JSON (an object of settings)", rows: [["control", "{}"], ["treatment", "{}"]] },
];
const ENVIRONMENTS = ["production", "staging", "development"];

/** A new flag: key, type and variants, and the environments it starts in (no rules: everyone gets the default). */
export function FlagForm({ projectId }: { projectId: string }) {
  const router = useRouter();
  const rowsOf = (t: FlagType) => TYPES.find((x) => x.value === t)!.rows.map(([name, text]) => ({ uid: newUid(), name, text }));
  const [key, setKey] = useState("");
  const [description, setDescription] = useState("");
  const [type, setType] = useState<FlagType>("boolean");
  const [rows, setRows] = useState<VariantRow[]>(() => rowsOf("boolean"));
  const [envs, setEnvs] = useState<string[]>(["production", "staging"]);
  const [defaultVariant, setDefault] = useState("off");
  const [local, setLocal] = useState<string | null>(null);
  const { error, issues, pending, run } = useFieldAction();
  const names = rows.map((r) => r.name);
  const pick = (v: string) => (names.includes(v) ? v : (names.at(-1) ?? ""));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const parsed = toVariants(type, rows);
    setLocal(parsed.error ?? null);
    if (!parsed.variants) return;
    const variant = pick(defaultVariant);
    const environments = Object.fromEntries(envs.map((env) => [env, { enabled: true, offVariant: variant, defaultVariant: variant, rules: [] }]));
    const created = await run(() => createFlagAction(projectId, { key, type, variants: parsed.variants, environments, ...(description ? { description } : {}) }));
    if (created) router.push(`/p/${projectId}/flags/${encodeURIComponent(created.key)}`);
  }

  return (
    <form onSubmit={submit} noValidate>
      <Card>
        <CardHeader title="Flag" description="Your code asks for the flag by its key; the key cannot change later." />
        <CardBody className="grid max-w-2xl gap-4">
          <ActionError error={local ?? error} issues={local ? [] : issues} />
          <Field id="flag-key" label="Key" hint="a-z, 0-9, '.', '_' and '-', e.g. support-model." error={issueAt(issues, "key")}>
            <Input id="flag-key" value={key} onChange={(e) => setKey(e.target.value)} autoFocus aria-invalid={issueAt(issues, "key") ? true : undefined} />
          </Field>
          <Field id="flag-description" label="Description" hint="What it switches and who to ask." error={issueAt(issues, "description")}>
            <Input id="flag-description" value={description} onChange={(e) => setDescription(e.target.value)} />
          </Field>
          <Field id="flag-type" label="Type">
            <Select id="flag-type" value={type} onChange={(e) => { const t = e.target.value as FlagType; setType(t); const r = rowsOf(t); setRows(r); setDefault(r.at(-1)!.name); }}>
              {TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
            </Select>
          </Field>
          <fieldset className="grid gap-1.5">
            <legend className="text-sm font-medium">Variants</legend>
            <VariantRows type={type} rows={rows} onChange={setRows} newId={newUid} disabled={false} errorOf={(name) => issueAt(issues, `variants.${name}`)} />
            {issueAt(issues, "variants") ? <p className="text-xs text-danger">{issueAt(issues, "variants")}</p> : null}
          </fieldset>
          <Field id="flag-default" label="Everyone gets at first" hint="The default and the kill-switch variant of each environment; add rules after creating.">
            <Select id="flag-default" value={pick(defaultVariant)} onChange={(e) => setDefault(e.target.value)}>
              {names.map((n) => <option key={n} value={n}>{n}</option>)}
            </Select>
          </Field>
          <fieldset className="grid gap-1.5">
            <legend className="text-sm font-medium">Environments</legend>
            <div className="flex flex-wrap gap-4 text-sm">
              {ENVIRONMENTS.map((env) => (
                <label key={env} className="flex items-center gap-2">
                  <input type="checkbox" checked={envs.includes(env)} onChange={() => setEnvs((es) => (es.includes(env) ? es.filter((x) => x !== env) : [...es, env]))} /> {env}
                </label>
              ))}
            </div>
            <p className="text-xs text-muted-fg">Must match the environment your SDK reports.</p>
          </fieldset>
          <div><Button type="submit" disabled={pending}>{pending ? "Creating…" : "Create flag"}</Button></div>
        </CardBody>
      </Card>
    </form>
  );
}
