"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;
const SHORT: Intl.DateTimeFormatOptions = { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit", hour12: false };
const LONG: Intl.DateTimeFormatOptions = { ...SHORT, year: "numeric", fractionalSecondDigits: 3, timeZoneName: "short" };

/**
 * A request's time in the viewer's zone, to the second ("long": the millisecond and
 * the zone). The server renders UTC; the browser swaps in local time after hydration,
 * as components/ui/time.tsx does, which only shows minutes.
 */
export function LocalTime({ iso, long = false }: { iso: string; long?: boolean }) {
  const text = useSyncExternalStore(
    subscribe,
    () => new Date(iso).toLocaleString(undefined, long ? LONG : SHORT),
    () => `${iso.slice(0, long ? 23 : 19).replace("T", " ")} UTC`,
  );
  return (
    <time dateTime={iso} title={iso} className="whitespace-nowrap tabular-nums">
      {text}
    </time>
  );
}
