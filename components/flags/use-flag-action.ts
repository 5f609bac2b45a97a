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
 * useAction, keeping the server's field issues (422) so each field can show its own
 * message; the alert above the form lists them all, so none is ever hidden.
 */
export function useFlagAction() {
  const action = useAction();
  const [issues, setIssues] = useState<Issue[]>([]);
  async function run<T>(call: () => Promise<ActionResult<T>>): Promise<T | null> {
    setIssues([]);
    return action.run(call, (e) => {
      setIssues(e.issues ?? []);
      return e.issues?.length ? "Nothing was saved. Fix the marked fields:" : e.message;
    });
  }
  return { ...action, issues, run, reset: () => (action.reset(), setIssues([])) };
}
