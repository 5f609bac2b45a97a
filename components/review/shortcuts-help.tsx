"use client";

import { Dialog, DialogContent } from "@/components/ui/dialog";

const KEYS: [string, string][] = [
  ["1–9, 0", "Score the highlighted line (its keys are shown beside it); moves to the next line"],
  ["y / n", "Yes or no on a yes/no line"],
  ["j / k", "Next / previous rubric line"],
  ["Enter", "Submit and go to the next item"],
  ["s", "Skip: the item goes back to the queue for others"],
  ["c", "Write a comment"],
  ["e", "Write a corrected output (when the queue allows it)"],
  ["o", "Open the request and its trace in a new tab"],
  ["Esc", "Leave a text field (then shortcuts work again)"],
  ["Ctrl / ⌘ + Enter", "Submit from inside a text field"],
  ["?", "This help"],
];

/** The keyboard shortcuts of the review screen. */
export function ShortcutsHelp({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent title="Keyboard shortcuts" description="Everything on this screen works without the mouse.">
        <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          {KEYS.map(([k, what]) => (
            <div key={k} className="contents">
              <dt><kbd className="rounded border bg-muted px-1.5 py-0.5 font-mono text-xs">{k}</kbd></dt>
              <dd>{what}</dd>
            </div>
          ))}
        </dl>
      </DialogContent>
    </Dialog>
  );
}
