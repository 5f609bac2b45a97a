"use client";

import { ChevronDown, ChevronUp } from "lucide-react";
import { useId, useState } from "react";
import { cn } from "@/lib/utils";

/**
 * A long body, shown clipped until asked for in full. `long` is decided by the server
 * (from the content's size), so short bodies never show the button.
 */
export function Collapsible({ long, what, children }: { long: boolean; what: string; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  if (!long) return <>{children}</>;
  return (
    <div>
      <div id={id} className={cn("relative", !open && "max-h-96 overflow-hidden")}>
        {children}
        {!open ? <div aria-hidden className="pointer-events-none absolute inset-x-0 bottom-0 h-16 bg-gradient-to-t from-card to-transparent" /> : null}
      </div>
      <button type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} className="mt-2 inline-flex items-center gap-1 text-xs font-medium text-primary hover:underline">
        {open ? <ChevronUp aria-hidden className="size-3.5" /> : <ChevronDown aria-hidden className="size-3.5" />}
        {open ? "Show less" : `Show all (${what})`}
      </button>
    </div>
  );
}
