"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionResult } from "@/lib/http/action-result";

type ActionError = Extract<ActionResult<unknown>, { ok: false }>["error"];

/**
 * The one way a form runs a server action: pending while it runs, the server's
 * message (or a described one) on failure, `saved` and a refresh of the page's
 * server data on success. Resolves to the action's data, or null when it failed.
 */
export function useAction() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);

  async function run<T>(call: () => Promise<ActionResult<T>>, describe?: (e: ActionError) => string): Promise<T | null> {
    setPending(true);
    setError(null);
    setSaved(false);
    const result = await call();
    setPending(false);
    if (!result.ok) {
      setError(describe ? describe(result.error) : result.error.message);
      return null;
    }
    setSaved(true);
    router.refresh();
    return result.data;
  }

  return { error, pending, saved, run, reset: () => (setError(null), setSaved(false)) };
}
