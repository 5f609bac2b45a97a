"use client";

import { X } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { PRESETS, type Preset } from "@/lib/dashboard/range";
import { activeChips, addParam, keyValue, MENU_FILTERS, menuChanges, menuValue, removeParam, withParams } from "@/lib/dashboard/url";
import { cn } from "@/lib/utils";

/** `datetime-local` works in the viewer's zone; the URL carries UTC instants. */
const toLocalInput = (iso: string | null) => {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (v: string) => (v ? new Date(v).toISOString() : null);

/**
 * The filter bar every dashboard page shares. All state is in the URL, so a view can be
 * shared and the back button undoes a change. `options` fill the menus (values seen
 * in the current range).
 */
export function FilterBar({ options = {} }: { options?: Record<string, string[]> }) {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [extra, setExtra] = useState("");
  const [extraError, setExtraError] = useState<string | null>(null);
  const go = (next: URLSearchParams) => {
    next.delete("cursor"); // a new filter starts from the first page
    startTransition(() => router.push(`${pathname}?${next.toString()}`, { scroll: false }));
  };
  const custom = search.get("from") && search.get("to");
  const preset = (custom ? null : (search.get("range") as Preset | null)) ?? (custom ? null : "24h");
  const chips = activeChips(search);

  const addExtra = () => {
    const text = extra.trim();
    if (!text) return;
    if (text.startsWith("tag:")) go(addParam(search, "tag", text.slice(4).trim()));
    else if (text.startsWith("flag:")) {
      const kv = keyValue(text.slice(5));
      if (!kv) return setExtraError("Write flag:<key>=<variant>");
      go(withParams(search, { [`flag.${kv.key}`]: kv.value }));
    } else {
      const kv = keyValue(text);
      if (!kv) return setExtraError("Write tag:<name>, flag:<key>=<variant> or <metadata key>=<value>");
      go(withParams(search, { [`metadata.${kv.key}`]: kv.value }));
    }
    setExtra("");
    setExtraError(null);
  };

  return (
    <div className="mb-6 grid gap-3 rounded-lg border bg-card p-3 shadow-sm" aria-busy={pending} data-testid="filter-bar">
      <div className="flex flex-wrap items-center gap-2">
        <div role="group" aria-label="Time range" className="flex overflow-hidden rounded-md border">
          {(Object.keys(PRESETS) as Preset[]).map((p) => (
            <button
              key={p}
              type="button"
              aria-pressed={preset === p}
              onClick={() => go(withParams(search, { range: p, from: null, to: null }))}
              className={cn("h-8 px-3 text-sm tabular-nums hover:bg-muted focus-visible:outline-2 focus-visible:outline-ring", preset === p && "bg-primary text-primary-fg hover:bg-primary")}
            >
              {p}
            </button>
          ))}
        </div>
        <label className="flex items-center gap-1 text-xs text-muted-fg">
          From
          <Input type="datetime-local" className="h-8 w-auto" aria-label="From (your time zone)" defaultValue={toLocalInput(search.get("from"))} key={`f${search.get("from")}`}
            onChange={(e) => { const v = fromLocalInput(e.target.value); const to = search.get("to") ?? new Date().toISOString(); if (v) go(withParams(search, { from: v, to, range: null })); }} />
        </label>
        <label className="flex items-center gap-1 text-xs text-muted-fg">
          To
          <Input type="datetime-local" className="h-8 w-auto" aria-label="To (your time zone)" defaultValue={toLocalInput(search.get("to"))} key={`t${search.get("to")}`}
            onChange={(e) => { const v = fromLocalInput(e.target.value); const from = search.get("from") ?? new Date(Date.now() - 86_400_000).toISOString(); if (v) go(withParams(search, { from, to: v, range: null })); }} />
        </label>
        <Select aria-label="Status" className="h-8" value={search.get("status") ?? ""} onChange={(e) => go(withParams(search, { status: e.target.value }))}>
          <option value="">Any status</option>
          <option value="ok">OK</option>
          <option value="error">Errors</option>
        </Select>
        {MENU_FILTERS.map((f) => {
          const current = menuValue(f.name, search);
          const values = options[f.name] ?? [];
          const list = current && !values.includes(current) ? [current, ...values] : values;
          return (
            <Select key={f.name} aria-label={f.label} className="h-8 max-w-48" value={current} onChange={(e) => go(withParams(search, menuChanges(f.name, e.target.value)))}>
              <option value="">{`Any ${f.label.toLowerCase()}`}</option>
              {list.map((v) => <option key={v} value={v}>{v}</option>)}
            </Select>
          );
        })}
        <form className="flex items-center gap-1" onSubmit={(e) => { e.preventDefault(); addExtra(); }}>
          <Input className="h-8 w-56" placeholder="tag:beta, flag:key=on, plan=pro" aria-label="Add a tag, flag or metadata filter" value={extra} onChange={(e) => setExtra(e.target.value)} aria-invalid={extraError ? true : undefined} />
          <Button type="submit" size="sm" variant="secondary">Add</Button>
        </form>
      </div>
      {extraError ? <p className="text-xs text-danger" role="alert">{extraError}</p> : null}
      {chips.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2" aria-label="Active filters">
          {chips.map((c) => (
            <span key={`${c.name}=${c.value}`} className="inline-flex items-center gap-1 rounded-full bg-primary/10 py-0.5 pl-2.5 pr-1 text-xs text-primary">
              {c.label}: <strong className="font-medium">{c.value}</strong>
              <button type="button" aria-label={`Remove ${c.label} ${c.value}`} className="rounded-full p-0.5 hover:bg-primary/20" onClick={() => go(removeParam(search, c.name, c.value))}>
                <X className="size-3" aria-hidden />
              </button>
            </span>
          ))}
          <button type="button" className="text-xs text-muted-fg underline-offset-2 hover:underline" onClick={() => go(new URLSearchParams(["range", "from", "to"].flatMap((k) => search.getAll(k).map((v) => [k, v]))))}>
            Clear filters
          </button>
        </div>
      ) : null}
    </div>
  );
}
