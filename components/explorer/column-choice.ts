"use client";

import { useCallback, useSyncExternalStore } from "react";
import { COLUMNS, DEFAULT_COLUMNS, type ColumnId } from "./columns";

const KEY = "sextant.explorer.columns";
const CHANGED = "sextant:explorer-columns";
const KNOWN = new Set<string>(COLUMNS.map((c) => c.id));

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function read(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the defaults apply
  }
}

/** A stored choice, cleaned: unknown ids dropped, fixed columns always in. */
function parse(raw: string | null): ColumnId[] {
  let ids: unknown = null;
  try {
    ids = raw ? JSON.parse(raw) : null;
  } catch {
    ids = null;
  }
  const chosen = new Set(Array.isArray(ids) ? ids.filter((v): v is string => typeof v === "string" && KNOWN.has(v)) : DEFAULT_COLUMNS);
  return COLUMNS.filter((c) => c.fixed || chosen.has(c.id)).map((c) => c.id);
}

/**
 * The columns this browser shows, kept in localStorage. The server renders the
 * defaults (it cannot see the choice); the browser applies the stored one on hydration.
 */
export function useColumnChoice(): [ColumnId[], (next: ColumnId[]) => void] {
  const raw = useSyncExternalStore(subscribe, read, () => null);
  const set = useCallback((next: ColumnId[]) => {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(next));
    } catch {
      // Not persisted (private mode, quota): nothing else to do.
    }
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return [parse(raw), set];
}
