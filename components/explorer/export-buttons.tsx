"use client";

import { Check, Download, Link2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Downloads of the current filter (all pages, not just this one) and the page's
 * link. `query` is the filter part of the URL; the cursor is left out on purpose.
 */
export function ExportButtons({ exportPath, query }: { exportPath: string; query: string }) {
  const [copied, setCopied] = useState(false);
  const href = (format: "csv" | "jsonl") => `${exportPath}?${new URLSearchParams([["format", format], ...new URLSearchParams(query)]).toString()}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      setTimeout(() => setCopied(false), 1500);
    } catch {
      window.prompt("Copy this link", window.location.href);
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button asChild variant="secondary" size="sm">
        <a href={href("csv")} download>
          <Download aria-hidden /> Export CSV
        </a>
      </Button>
      <Button asChild variant="secondary" size="sm">
        <a href={href("jsonl")} download>
          <Download aria-hidden /> Export JSONL
        </a>
      </Button>
      <Button type="button" variant="secondary" size="sm" onClick={copy}>
        {copied ? <Check aria-hidden /> : <Link2 aria-hidden />} {copied ? "Copied" : "Copy link"}
      </Button>
      <span className="sr-only" role="status">{copied ? "Link copied" : ""}</span>
    </div>
  );
}
