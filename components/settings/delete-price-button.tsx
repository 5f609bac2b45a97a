"use client";

import { Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { deleteModelPriceAction } from "@/app/actions/model-prices";
import { Button } from "@/components/ui/button";

/** Deletes at once, no dialog: an override is one line to add back, and the shipped price applies meanwhile. */
export function DeletePriceButton({ projectId, id, pattern }: { projectId: string; id: string; pattern: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    setError(null);
    const result = await deleteModelPriceAction(projectId, id);
    setPending(false);
    if (!result.ok) return setError(result.error.message);
    router.refresh();
  }
  return (
    <span className="inline-flex items-center gap-2">
      {error ? <span role="alert" className="text-xs text-danger">{error}</span> : null}
      <Button variant="ghost" size="icon" aria-label={`Delete ${pattern}`} title={`Delete ${pattern}`} onClick={onClick} disabled={pending}>
        <Trash2 aria-hidden />
      </Button>
    </span>
  );
}
