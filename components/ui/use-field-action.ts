"use client";

import { useState } from "react";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/http/action-result";

export type Issue = { path: string; message: string };

/** The server's message for exactly this field path, if any. */
export function issueAt(issues: Issue[], path: string): string | undefined {
  return issues.find((i) => i.path === path)?.message;
}

/**
 * useAction that keeps the server's field issues (422), so each field shows its own
 * message under it; `at("condition.threshold")` is that field's message, and a path
 * prefix (`labels`) also matches the issues of its entries (`labels.team`).
 */
export function useFieldAction() {
  const action = useAction();
  const [issues, setIssues] = useState<Issue[]>([]);
  async function run<T>(call: () => Promise<ActionResult<T>>): Promise<T | null> {
    setIssues([]);
    return action.run(call, (e) => {
      setIssues(e.issues ?? []);
      return e.issues?.length ? "Nothing was saved. Fix the marked fields." : e.message;
    });
  }
  const at = (path: string) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`))?.message;
  return { ...action, issues, at, run, reset: () => (action.reset(), setIssues([])) };
}
