"use client";

import { Send, Trash2 } from "lucide-react";
import { useState } from "react";
import { deleteChannelAction, testChannelAction } from "@/app/(console)/p/[projectId]/alerts/actions";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { useAction } from "@/components/ui/use-action";

/** "Send test" answers with what the receiver said; deleting asks first (rules stop sending to it). */
export function ChannelRowActions({ projectId, id, name }: { projectId: string; id: string; name: string }) {
  const test = useAction();
  const remove = useAction();
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const [open, setOpen] = useState(false);
  async function sendTest() {
    setResult(null);
    const r = await test.run(() => testChannelAction(projectId, id));
    if (r) setResult(r.status === "sent" ? { ok: true, text: `Delivered (HTTP ${r.responseStatus}).` } : { ok: false, text: `Failed: ${r.error ?? `HTTP ${r.responseStatus}`}` });
  }
  return (
    <div className="grid justify-items-end gap-1">
      <div className="flex gap-2">
        <Button type="button" size="sm" variant="secondary" disabled={test.pending} onClick={sendTest}><Send aria-hidden /> {test.pending ? "Sending…" : "Send test"}</Button>
        <Dialog open={open} onOpenChange={(o) => (setOpen(o), remove.reset())}>
          <DialogTrigger asChild><Button size="sm" variant="secondary" aria-label={`Delete ${name}`}><Trash2 aria-hidden /></Button></DialogTrigger>
          <DialogContent title={`Delete ${name}?`} description="Rules that notify it stop doing so; their other channels still get notifications. The notification log is kept.">
            {remove.error ? <ErrorAlert>{remove.error}</ErrorAlert> : null}
            <div className="flex justify-end gap-2">
              <Button type="button" variant="secondary" onClick={() => setOpen(false)}>Cancel</Button>
              <Button type="button" variant="danger" disabled={remove.pending} onClick={async () => { if (await remove.run(() => deleteChannelAction(projectId, id))) setOpen(false); }}>{remove.pending ? "Deleting…" : "Delete channel"}</Button>
            </div>
          </DialogContent>
        </Dialog>
      </div>
      <p role="status" className={result?.ok ? "text-xs text-success" : "text-xs text-danger"}>{result?.text ?? test.error}</p>
    </div>
  );
}
