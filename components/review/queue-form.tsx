"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { createQueueAction, updateQueueAction } from "@/app/(console)/p/[projectId]/review/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field, Label } from "@/components/ui/label";
import { useAction } from "@/components/ui/use-action";
import type { Queue } from "@/lib/review/rows";
import { draftOf, inputOf, type QueueDraft } from "./draft";
import { MarkdownView } from "./markdown-view";
import { RubricEditor } from "./rubric-editor";
import { SamplingEditor } from "./sampling-editor";

export type ReviewerChoice = { userId: string; name: string; email: string; role: string };

const TEXTAREA = "min-h-28 w-full rounded-md border bg-card px-3 py-2 text-sm text-fg placeholder:text-muted-fg";

/** Creates a queue, or edits one (lists — rubric, reviewers, rules — are replaced whole). */
export function QueueForm({ projectId, existing, members }: { projectId: string; existing?: Queue; members: ReviewerChoice[] }) {
  const router = useRouter();
  const { error, pending, run } = useAction();
  const [d, setD] = useState<QueueDraft>(() => draftOf(existing));
  const set = (patch: Partial<QueueDraft>) => setD((x) => ({ ...x, ...patch }));
  const toggleReviewer = (id: string) => set({ reviewers: d.reviewers.includes(id) ? d.reviewers.filter((r) => r !== id) : [...d.reviewers, id] });

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    const input = inputOf(d);
    const saved = await run(
      () => (existing ? updateQueueAction(projectId, existing.id, input) : createQueueAction(projectId, input)),
      (err) => [err.message, ...(err.issues ?? []).slice(1).map((i) => `${i.path}: ${i.message}`)].join(" "),
    );
    if (saved) router.push(`/p/${projectId}/review/${saved.id}`);
  }

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6">
      <Card>
        <CardHeader title="Queue" description="What reviewers see first: a name, what the queue is for, and how to judge." />
        <CardBody className="grid gap-4">
          <Field id="queue-name" label="Name">
            <Input id="queue-name" value={d.name} onChange={(e) => set({ name: e.target.value })} maxLength={100} required autoFocus={!existing} />
          </Field>
          <Field id="queue-description" label="Description" hint="One line for the queue list (optional).">
            <Input id="queue-description" value={d.description} onChange={(e) => set({ description: e.target.value })} maxLength={2000} />
          </Field>
          <div className="grid gap-4 lg:grid-cols-2">
            <Field id="queue-instructions" label="Instructions (Markdown)" hint="Headings, lists, **bold**, *italic*, `code` and links; HTML is shown as text.">
              <textarea id="queue-instructions" className={TEXTAREA} value={d.instructions} onChange={(e) => set({ instructions: e.target.value })} maxLength={20000} />
            </Field>
            <div className="grid content-start gap-1.5">
              <p className="text-sm font-medium">Instructions preview</p>
              <div className="min-h-28 rounded-md border bg-muted/30 px-3 py-2">
                {d.instructions.trim() ? <MarkdownView source={d.instructions} /> : <p className="text-sm text-muted-fg">Nothing yet.</p>}
              </div>
            </div>
          </div>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Rubric" description="Number, choice and yes/no scores are required and become human scores on the request; text is optional and stays with the review." />
        <CardBody className="grid gap-4">
          <RubricEditor lines={d.rubric} onChange={(rubric) => set({ rubric })} />
          <Label className="flex items-center gap-2 font-normal">
            <input type="checkbox" checked={d.allowCorrection} onChange={(e) => set({ allowCorrection: e.target.checked })} />
            Reviewers may write a corrected output (exported with the item)
          </Label>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Reviewers" description="Who works the queue, how many reviews each item needs, and how long a claimed item stays theirs." />
        <CardBody className="grid gap-4">
          <div className="flex flex-wrap gap-4">
            <Field id="queue-reviews" label="Reviews per item" hint="2 or more measures agreement.">
              <Input id="queue-reviews" className="w-28" inputMode="numeric" value={d.reviewsPerItem} onChange={(e) => set({ reviewsPerItem: e.target.value })} />
            </Field>
            <Field id="queue-lock" label="Lock (seconds)" hint="10 to 86,400; default 300.">
              <Input id="queue-lock" className="w-28" inputMode="numeric" value={d.lockSeconds} onChange={(e) => set({ lockSeconds: e.target.value })} />
            </Field>
          </div>
          <fieldset className="grid gap-1.5">
            <legend className="text-sm font-medium">Assigned reviewers</legend>
            <p className="text-xs text-muted-fg">None ticked: anyone with the reviewer role or above may work the queue.</p>
            <div className="grid gap-1 sm:grid-cols-2">
              {members.map((m) => (
                <Label key={m.userId} className="flex items-center gap-2 font-normal">
                  <input type="checkbox" checked={d.reviewers.includes(m.userId)} onChange={() => toggleReviewer(m.userId)} />
                  {m.name || m.email} <span className="text-xs text-muted-fg">{m.email} · {m.role}</span>
                </Label>
              ))}
            </div>
          </fieldset>
        </CardBody>
      </Card>

      <Card>
        <CardHeader title="Sampling" description="Applied to requests as they are ingested." />
        <CardBody><SamplingEditor rules={d.rules} onChange={(rules) => set({ rules })} /></CardBody>
      </Card>

      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      <div className="flex gap-3">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : existing ? "Save queue" : "Create queue"}</Button>
        <Button type="button" variant="secondary" onClick={() => router.back()}>Cancel</Button>
      </div>
    </form>
  );
}
