"use client";

import { useState } from "react";
import { updateSettingsAction } from "@/app/actions/settings";
import { ErrorAlert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useAction } from "@/components/ui/use-action";
import { BUILT_IN_DETECTORS, DETECTOR_IDS, type DetectorId } from "@/lib/redaction/detectors";
import type { ProjectSettings } from "@/lib/settings/schemas";
import { CustomPatternList } from "./custom-pattern-list";

type Redaction = ProjectSettings["redaction"];

const LABELS: Record<DetectorId, string> = {
  email: "E-mail addresses",
  phone: "Phone numbers",
  creditCard: "Credit card numbers",
  ip: "IP addresses",
  secret: "Secrets and tokens",
};
// DETECTOR_IDS order (email … secret) reads better than the order the detectors run in.
const DETECTORS = DETECTOR_IDS.map((id) => ({ id, label: LABELS[id], placeholder: BUILT_IN_DETECTORS.find((d) => d.name === id)?.placeholder }));

/** The server's message, naming the custom pattern it is about instead of its index path. */
function describe(error: { message: string; issues?: { path: string; message: string }[] }, patterns: Redaction["customPatterns"]): string {
  const issue = error.issues?.[0];
  const index = issue ? /^redaction\.customPatterns\.(\d+)/.exec(issue.path)?.[1] : undefined;
  const pattern = index === undefined ? undefined : patterns[Number(index)];
  return issue && pattern ? `Pattern "${pattern.name}": ${issue.message}` : error.message;
}

export function RedactionForm({ projectId, redaction, disabled }: { projectId: string; redaction: Redaction; disabled: boolean }) {
  const [detectors, setDetectors] = useState(redaction.detectors);
  const [patterns, setPatterns] = useState(redaction.customPatterns);
  const { error, pending, saved, run } = useAction();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    await run(() => updateSettingsAction(projectId, { redaction: { detectors, customPatterns: patterns } }), (err) => describe(err, patterns));
  }

  return (
    <form onSubmit={onSubmit} className="grid gap-6" noValidate>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Built-in detectors</legend>
        {DETECTORS.map((d) => (
          <div key={d.id} className="flex items-center gap-2">
            <input
              id={`detector-${d.id}`}
              type="checkbox"
              checked={detectors[d.id]}
              onChange={(e) => setDetectors({ ...detectors, [d.id]: e.target.checked })}
              disabled={disabled}
              className="size-4 rounded border accent-primary disabled:opacity-50"
            />
            <label htmlFor={`detector-${d.id}`} className="text-sm">{d.label}</label>
            <code className="font-mono text-xs text-muted-fg">{d.placeholder}</code>
          </div>
        ))}
      </fieldset>
      <CustomPatternList patterns={patterns} onChange={setPatterns} disabled={disabled} />
      {error ? <ErrorAlert>{error}</ErrorAlert> : null}
      {!disabled ? (
        <div className="flex items-center gap-3">
          <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save redaction"}</Button>
          {saved ? <span role="status" className="text-sm text-success">Saved. New requests are redacted with these rules.</span> : null}
        </div>
      ) : (
        <p className="text-xs text-muted-fg">Only owners and admins can change redaction.</p>
      )}
    </form>
  );
}
