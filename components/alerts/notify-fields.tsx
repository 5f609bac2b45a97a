"use client";

import Link from "next/link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { Channel } from "@/lib/alerts/schemas";
import type { Draft } from "./rule-draft";

const TEXTAREA = "min-h-16 w-full rounded-md border bg-card px-3 py-2 font-mono text-xs text-fg aria-invalid:border-danger";

type Props = { projectId: string; draft: Draft; set: (p: Partial<Draft>) => void; at: (path: string) => string | undefined; channels: Pick<Channel, "id" | "name" | "type">[] };

/** Where and how often it notifies, and what the notification carries. */
export function NotifyFields({ projectId, draft, set, at, channels }: Props) {
  const toggle = (id: string) => set({ channels: draft.channels.includes(id) ? draft.channels.filter((c) => c !== id) : [...draft.channels, id] });
  return (
    <Card aria-label="Notifications">
      <CardHeader title="Notifications" description="Sent when an instance starts firing, escalates, repeats, and once when it resolves." />
      <CardBody className="grid gap-4">
        <fieldset className="grid gap-1.5">
          <legend className="text-sm font-medium">Channels</legend>
          {channels.length ? (
            <div className="flex flex-wrap gap-4 text-sm">
              {channels.map((c) => (
                <label key={c.id} className="flex items-center gap-2">
                  <input type="checkbox" checked={draft.channels.includes(c.id)} onChange={() => toggle(c.id)} /> {c.name} <span className="text-xs text-muted-fg">({c.type})</span>
                </label>
              ))}
            </div>
          ) : (
            <p className="text-sm text-muted-fg">No channels yet: the rule will change state without notifying. <Link className="text-primary hover:underline" href={`/p/${projectId}/settings/channels`}>Add a webhook or Slack channel</Link>.</p>
          )}
          {at("channels") ? <p className="text-xs text-danger">{at("channels")}</p> : null}
        </fieldset>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field id="rule-repeat" label="Repeat every (minutes)" hint="Remind while still firing; blank: once per incident." error={at("repeatIntervalSeconds")}>
            <Input id="rule-repeat" inputMode="numeric" className="w-32" value={draft.repeatMinutes} onChange={(e) => set({ repeatMinutes: e.target.value })} aria-invalid={at("repeatIntervalSeconds") ? true : undefined} />
          </Field>
          <label className="flex items-center gap-2 self-center text-sm">
            <input type="checkbox" checked={draft.sendResolved} onChange={(e) => set({ sendResolved: e.target.checked })} /> Send resolved notifications
          </label>
        </div>
        <Field id="rule-labels" label="Labels" hint="One name=value a line, added to every notification (e.g. team=ml)." error={at("labels")}>
          <textarea id="rule-labels" className={TEXTAREA} value={draft.labels} onChange={(e) => set({ labels: e.target.value })} aria-invalid={at("labels") ? true : undefined} />
        </Field>
        <Field id="rule-runbook" label="Runbook URL" hint="What the on-call person should do; linked in notifications." error={at("runbookUrl")}>
          <Input id="rule-runbook" type="url" value={draft.runbookUrl} onChange={(e) => set({ runbookUrl: e.target.value })} aria-invalid={at("runbookUrl") ? true : undefined} placeholder="https://" />
        </Field>
      </CardBody>
    </Card>
  );
}
