"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;

/**
 * A timestamp in the viewer's own time zone. The server renders UTC; the
 * browser swaps in local time after hydration without a layout jump.
 */
export function Time({ value }: { value: string | Date | null }) {
  const iso = value ? new Date(value).toISOString() : null;
  const text = useSyncExternalStore(
    subscribe,
    () => (iso ? new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) : "—"),
    () => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "—"),
  );
  return iso ? <time dateTime={iso} className="whitespace-nowrap tabular-nums">{text}</time> : <span className="text-muted-fg">—</span>;
}
