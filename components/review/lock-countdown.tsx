"use client";

import { Timer } from "lucide-react";
import { useEffect, useState } from "react";
import { cn } from "@/lib/utils";

const clock = (s: number) => `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;

/** How long the claimed item stays yours; after that someone else may take it. */
export function LockCountdown({ until }: { until: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  if (!until) return null;
  const left = Math.max(0, Math.round((new Date(until).getTime() - now) / 1000));
  return (
    <p className={cn("inline-flex items-center gap-1.5 text-xs tabular-nums", left === 0 ? "text-danger" : left < 60 ? "text-warning" : "text-muted-fg")} data-testid="lock-countdown">
      <Timer aria-hidden className="size-3.5" />
      {left > 0 ? <>Held for you for {clock(left)}</> : <>Your hold expired: submitting still works unless someone else claimed the item.</>}
    </p>
  );
}
