"use client";

import { useQuery } from "@tanstack/react-query";
import { Pause, Play } from "lucide-react";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/http/action-result";

const REFRESH_MS = 30_000;

/**
 * Server-rendered data that react-query then keeps fresh every 30 s (pausable),
 * keyed by the URL's filters, through a server action.
 */
export function useLive<T>(key: string[], initial: T, initialSearch: string, fetcher: (search: string) => Promise<ActionResult<T>>) {
  const search = useSearchParams().toString();
  const [paused, setPaused] = useState(false);
  const query = useQuery({
    queryKey: [...key, search],
    queryFn: async () => {
      const r = await fetcher(search);
      if (!r.ok) throw new Error(r.error.message);
      return r.data;
    },
    initialData: search === initialSearch ? initial : undefined,
    refetchInterval: paused ? false : REFRESH_MS,
    placeholderData: (prev) => prev,
  });
  return { query, search, paused, setPaused };
}

/** What is shown and when it was fetched, with the pause switch. */
export function RefreshBar({ label, updatedAt, error, paused, onToggle }: { label: string; updatedAt: number; error: Error | null; paused: boolean; onToggle: () => void }) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted-fg">
      <span>
        {label} · {error ? <span className="text-danger">refresh failed: {error.message}</span> : `updated ${new Date(updatedAt).toLocaleTimeString()}`}
      </span>
      <Button variant="ghost" size="sm" onClick={onToggle} aria-pressed={paused}>
        {paused ? <Play aria-hidden /> : <Pause aria-hidden />}
        {paused ? "Resume auto-refresh" : "Pause auto-refresh"}
      </Button>
    </div>
  );
}
