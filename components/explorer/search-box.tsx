"use client";

import { Search } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** Text search (`q` in the URL): a new search starts from the first page. */
export function SearchBox() {
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const current = search.get("q") ?? "";
  const [text, setText] = useState(current);
  const [pending, startTransition] = useTransition();
  const go = (q: string) => {
    const next = new URLSearchParams(search);
    next.delete("cursor");
    if (q.trim()) next.set("q", q.trim());
    else next.delete("q");
    startTransition(() => router.push(`${pathname}?${next.toString()}`, { scroll: false }));
  };
  return (
    <form role="search" className="flex min-w-72 flex-1 items-center gap-2" aria-busy={pending} onSubmit={(e) => { e.preventDefault(); go(text); }}>
      <div className="relative flex-1">
        <Search aria-hidden className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-fg" />
        <Input
          type="search"
          className="h-8 pl-8"
          name="q"
          maxLength={200}
          aria-label="Search requests"
          placeholder="Search by request or trace id, user, session, endpoint, name or error message"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <Button type="submit" size="sm" variant="secondary">Search</Button>
      {current ? <Button type="button" size="sm" variant="ghost" onClick={() => { setText(""); go(""); }}>Clear search</Button> : null}
    </form>
  );
}
