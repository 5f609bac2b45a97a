"use client";

import { ListPlus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { addToQueueAction, queueChoicesAction } from "@/app/(console)/p/[projectId]/review/actions";
import { Button } from "@/components/ui/button";
import { Menu, MenuContent, MenuItem, MenuLabel, MenuTrigger } from "@/components/ui/dropdown-menu";

type Choice = { id: string; name: string };

/**
 * "Add to review queue": the request on its page, or every request on the explorer's
 * current page. The queues are read when the menu opens; the verb checks the role.
 */
export function AddToQueue({ projectId, requestIds, label = "Add to review queue" }: { projectId: string; requestIds: string[]; label?: string }) {
  const [queues, setQueues] = useState<Choice[] | null>(null);
  const [message, setMessage] = useState("");
  const [pending, setPending] = useState(false);

  async function load(open: boolean) {
    if (!open || queues) return;
    const r = await queueChoicesAction(projectId);
    if (r.ok) setQueues(r.data);
    else setMessage(r.error.message);
  }

  async function add(q: Choice) {
    setPending(true);
    setMessage("");
    const r = await addToQueueAction(projectId, q.id, requestIds);
    setPending(false);
    if (!r.ok) return setMessage(r.error.message);
    const { added, alreadyQueued, notFound } = r.data;
    const n = (k: number) => `${k} ${k === 1 ? "request" : "requests"}`;
    const parts = [added ? `Added ${n(added)} to ${q.name}` : "", alreadyQueued ? `${n(alreadyQueued)} already in ${q.name}` : "", notFound.length ? `${n(notFound.length)} not stored` : ""].filter(Boolean);
    setMessage(`${parts.join("; ")}.`);
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Menu onOpenChange={load}>
        <MenuTrigger asChild>
          <Button type="button" variant="secondary" size="sm" disabled={pending}><ListPlus aria-hidden /> {label}</Button>
        </MenuTrigger>
        <MenuContent align="end">
          <MenuLabel>Review queues</MenuLabel>
          {queues === null ? <p className="px-2 py-1.5 text-muted-fg">Loading…</p> : null}
          {queues?.length === 0 ? (
            <p className="max-w-60 px-2 py-1.5 text-xs text-muted-fg">No queues yet. <Link className="text-primary underline" href={`/p/${projectId}/review/new`}>Create one</Link>.</p>
          ) : null}
          {queues?.map((q) => <MenuItem key={q.id} onSelect={() => void add(q)}>{q.name}</MenuItem>)}
        </MenuContent>
      </Menu>
      <span role="status" className="text-xs text-muted-fg">{message}</span>
    </div>
  );
}
