"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createRuleAction, updateRuleAction } from "@/app/(console)/p/[projectId]/alerts/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { Channel } from "@/lib/alerts/schemas";
import { ConditionFields } from "./condition-fields";
import { NotifyFields } from "./notify-fields";
import { RulePreview } from "./rule-preview";
import { toRuleInput, toRulePatch, type Draft } from "./rule-draft";
import { useFieldAction } from "@/components/ui/use-field-action";
import { WatchFields } from "./watch-fields";

type Props = {
  projectId: string;
  /** Present when editing: the rule's id. */
  ruleId?: string;
  initial: Draft;
  channels: Pick<Channel, "id" | "name" | "type">[];
  options: Record<string, string[]>;
};

/** Creates or edits a rule; the server validates the whole rule and its messages land on the fields. */
export function RuleForm({ projectId, ruleId, initial, channels, options }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState(initial);
  const { error, issues, pending, run, at } = useFieldAction();
  const set = (p: Partial<Draft>) => setDraft((d) => ({ ...d, ...p }));

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const saved = await run(() => (ruleId ? updateRuleAction(projectId, ruleId, toRulePatch(draft)) : createRuleAction(projectId, toRuleInput(draft))));
    if (saved) router.push(`/p/${projectId}/alerts/${saved.id}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid items-start gap-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,28rem)]">
      <div className="grid gap-6">
        <Card aria-label="Rule">
          <CardHeader title="Rule" description="A name people recognise in a notification at 2 a.m." />
          <CardBody className="grid gap-4">
            {error ? (
              <ErrorAlert>
                <p>{error}</p>
                {issues.length ? <ul className="mt-1 list-disc pl-4">{issues.map((i) => <li key={`${i.path}:${i.message}`}><code className="font-mono text-xs">{i.path}</code>: {i.message}</li>)}</ul> : null}
              </ErrorAlert>
            ) : null}
            <Field id="rule-name" label="Name" error={at("name")}>
              <Input id="rule-name" value={draft.name} onChange={(e) => set({ name: e.target.value })} maxLength={200} aria-invalid={at("name") ? true : undefined} autoFocus={!ruleId} />
            </Field>
            <Field id="rule-description" label="Description" hint="Optional: what it means and who owns it." error={at("description")}>
              <Input id="rule-description" value={draft.description} onChange={(e) => set({ description: e.target.value })} maxLength={2000} />
            </Field>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} /> Enabled (evaluated every minute)
            </label>
          </CardBody>
        </Card>
        <WatchFields draft={draft} set={set} at={at} options={options} />
        <ConditionFields draft={draft} set={set} at={at} />
        <NotifyFields projectId={projectId} draft={draft} set={set} at={at} channels={channels} />
        <div className="flex gap-3">
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : ruleId ? "Save rule" : "Create rule"}</Button>
          <Button type="button" variant="secondary" onClick={() => router.back()}>Cancel</Button>
        </div>
      </div>
      <Card aria-label="Preview" className="xl:sticky xl:top-4">
        <CardHeader title="Preview" description="The metric as this rule would have read it, with its thresholds." />
        <CardBody><RulePreview projectId={projectId} draft={draft} /></CardBody>
      </Card>
    </form>
  );
}
